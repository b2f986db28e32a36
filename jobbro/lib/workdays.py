"""Danish working days: weekdays that are not Danish public holidays (the `holidays` package)."""

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> dict[dt.date, str]:
    # The package's Danish names ("Kristi himmelfartsdag"), whatever the request's language.
    return dict(holidays.country_holidays("DK", years=year, language="da").items())


@lru_cache(maxsize=64)
def _danish_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(_holiday_names(year))


def holiday_name(day: dt.date) -> str:
    """The Danish public holiday on this day, or "" (Sundays only when they are one)."""
    return _holiday_names(day.year).get(day, "")


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def workday_on_or_after(day: dt.date) -> dt.date:
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day
