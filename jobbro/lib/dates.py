"""Small date helpers: Danish formatting and ages."""

import datetime as dt
import re


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


# A date written the Danish way (dd.mm.åååå, also with - or /, optionally a time after it).
# Only the digits 0-9: "٣١.٠٢.٢٠٢٤" is another shape, not a missing day.
_DAY_MONTH_YEAR = re.compile(
    r"\s*(([0-9]{1,2})[.\-/]([0-9]{1,2})[.\-/]([0-9]{4}))(?:\s+[0-9]{1,2}[:.][0-9]{2})?\s*"
)


def missing_day(text: str) -> str:
    """The date as typed when `text` is a Danish-shaped date whose day and month are each in
    range but the calendar has not (31.02.2024, 29.02.2025), else "": such a date "does not
    exist", its format is not wrong."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if not match:
        return ""
    typed, day, month, year = match[1], int(match[2]), int(match[3]), int(match[4])
    if not (1 <= day <= 31 and 1 <= month <= 12 and year >= 1):
        return ""
    try:
        dt.date(year, month, day)
    except ValueError:
        return typed
    return ""
