"""Form messages that say what is wrong: a date the calendar has not, the CPR number first."""

import pytest
from django.urls import reverse

from jobbro.front.fields import DateField


@pytest.mark.parametrize("typed", ["31.02.2024", "29.02.2025", "31.04.2026"])
def test_a_day_the_calendar_has_not_findes_ikke(typed):
    with pytest.raises(Exception, match=f"Datoen {typed} findes ikke."):
        DateField().clean(typed)


@pytest.mark.parametrize("typed", ["32.13.2026", "2024-31-02", "i går", "٣١.١٢.٢٠٢٥"])
def test_a_date_in_another_shape_is_a_format_error(typed):
    with pytest.raises(Exception, match="Skriv datoen som dd.mm.åååå."):
        DateField().clean(typed)


def test_a_real_date_is_read(db):
    assert DateField().clean("29.02.2024").isoformat() == "2024-02-29"


@pytest.mark.django_db
def test_the_cpr_numbers_own_error_comes_first_and_says_how(client, people):
    client.force_login(people["alice"])
    body = client.post(
        reverse("citizens:create"),
        {"cpr_number": "15069-1234", "first_name": "", "settled_at": "31.02.2024 10:00"},
    ).content.decode()
    summary = body[body.index('id="form-errors"') :]
    first = summary.index("<li>")
    assert summary.index("Skriv CPR-nummeret som DDMMÅÅ-XXXX", first) < summary.index(
        "Fornavn", first
    )


@pytest.mark.parametrize("typed", ["31.02.2024 10:00", "29.02.2025 08.30"])
def test_a_moment_on_a_day_the_calendar_has_not_findes_ikke(typed):
    from jobbro.front.fields import DateTimeField

    with pytest.raises(Exception, match=f"Datoen {typed[:10]} findes ikke."):
        DateTimeField().clean(typed)


def test_missing_day_reads_only_danish_dates_with_day_and_month_in_range():
    from jobbro.lib.dates import missing_day

    assert missing_day("31.02.2024") == "31.02.2024"
    assert missing_day(" 31-04-2026 12:00 ") == "31-04-2026"
    assert missing_day("29.02.2024") == ""  # a leap day
    assert missing_day("32.01.2024") == ""  # no month has it: a format error
    assert missing_day("31.13.2024") == ""
    assert missing_day("٣١.٠٢.٢٠٢٤") == ""


def test_a_date_field_is_the_design_systems_date_picker_around_a_text_input():
    from django import forms

    from jobbro.front.fields import DateField

    class Form(forms.Form):
        on = DateField(label="Dato")

    import datetime as dt

    html = str(Form(initial={"on": dt.date(2024, 2, 29)})["on"])
    assert html.startswith('<div class="date-picker" data-dateformat="DD.MM.YYYY"><input')
    assert 'type="text"' in html and 'value="29.02.2024"' in html
    assert 'name="on"' in html  # posted as typed when the picker is not started (no JS)
