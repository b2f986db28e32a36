import datetime as dt

from jobbro.lib.workdays import is_workday, workday_on_or_after


def test_it_skips_weekends():
    saturday = dt.date(2026, 11, 21)
    assert not is_workday(saturday)
    assert workday_on_or_after(saturday) == dt.date(2026, 11, 23)


def test_it_skips_danish_public_holidays():
    # Maundy Thursday, Good Friday, the weekend and Easter Monday 2026.
    assert workday_on_or_after(dt.date(2026, 4, 2)) == dt.date(2026, 4, 7)
    assert workday_on_or_after(dt.date(2026, 12, 25)) == dt.date(2026, 12, 28)
    assert is_workday(dt.date(2026, 12, 23))
