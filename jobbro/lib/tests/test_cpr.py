import datetime as dt

import pytest

from jobbro.lib import cpr
from jobbro.lib.cpr import CPRError

FORMAT_ERROR = "Skriv CPR-nummeret som DDMMÅÅ-XXXX (10 cifre)."
DATE_ERROR = "CPR-nummeret indeholder ikke en gyldig fødselsdato."
MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def passes_mod11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, MOD11_WEIGHTS, strict=True)) % 11 == 0


@pytest.mark.parametrize(
    "text", ["0101901235", "010190-1235", "010190 1235", "  010190-1235  ", "0101901235\n"]
)
def test_it_accepts_ten_digits_with_or_without_dash(text):
    parsed = cpr.parse(text)
    assert parsed.digits == "0101901235"
    assert parsed.birth_date == dt.date(1990, 1, 1)
    assert str(parsed) == "010190-1235"


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "010190123",  # nine digits
        "01019012345",  # eleven digits
        "010190--1235",
        "010190/1235",
        "01019O-1235",  # a letter O for a zero
        "abcdef-ghij",
        "0101-90-1235",
    ],
)
def test_it_refuses_malformed_numbers_in_danish(text):
    with pytest.raises(CPRError) as e:
        cpr.parse(text)
    assert str(e.value) == FORMAT_ERROR
    assert not cpr.is_valid(text)


@pytest.mark.parametrize("text", ["310290-1234", "000190-1234", "011390-1234", "320190-1234"])
def test_it_refuses_dates_that_do_not_exist(text):
    with pytest.raises(CPRError) as e:
        cpr.parse(text)
    assert str(e.value) == DATE_ERROR


def test_it_accepts_29_february_in_a_leap_year_only():
    assert cpr.parse("290296-1234").birth_date == dt.date(1996, 2, 29)
    assert not cpr.is_valid("290297-1234")
    # Two-digit year 00 with 7th digit 4 is 2000 (a leap year), with 0 it is 1900 (not one).
    assert cpr.parse("290200-4234").birth_date == dt.date(2000, 2, 29)
    with pytest.raises(CPRError, match="gyldig fødselsdato"):
        cpr.parse("290200-0234")


# (7th digit, two-digit year) -> full year, at the boundaries 36/37 and 57/58.
CENTURY_TABLE = [
    *[(d, yy, 1900 + yy) for d in (0, 1, 2, 3) for yy in (0, 36, 37, 57, 58, 99)],
    *[(d, yy, 2000 + yy) for d in (4, 9) for yy in (0, 36)],
    *[(d, yy, 1900 + yy) for d in (4, 9) for yy in (37, 57, 58, 99)],
    *[(d, yy, 2000 + yy) for d in (5, 6, 7, 8) for yy in (0, 36, 37, 57)],
    *[(d, yy, 1800 + yy) for d in (5, 6, 7, 8) for yy in (58, 99)],
]


@pytest.mark.parametrize(("seventh", "year2", "year"), CENTURY_TABLE)
def test_it_gives_the_century_from_the_seventh_digit(seventh, year2, year):
    assert cpr.century(year2, seventh) == year
    parsed = cpr.parse(f"1506{year2:02d}{seventh}123")
    assert parsed.birth_date == dt.date(year, 6, 15)


def test_it_does_not_require_modulus_11():
    # Numbers issued since 2007 may fail the old check; they are still valid.
    assert not passes_mod11("0101901235")
    assert cpr.is_valid("0101901235")
    assert passes_mod11("0707614285")
    assert cpr.is_valid("0707614285")


def test_it_masks_the_serial_number():
    assert cpr.parse("010190-1235").masked == "010190-XXXX"
    assert cpr.mask("0101901235") == "010190-XXXX"
    assert cpr.mask("") == "XXXXXX-XXXX"
    assert cpr.mask("12345") == "XXXXXX-XXXX"


def test_it_formats_with_a_dash():
    assert cpr.format_cpr("0101901235") == "010190-1235"
    assert cpr.format_cpr("123") == "123"


def test_it_normalizes_to_ten_digits():
    assert cpr.normalize(" 010190-1235 ") == "0101901235"
    with pytest.raises(CPRError):
        cpr.normalize("010190-123")


def test_it_tells_the_sex_from_the_last_digit():
    assert cpr.parse("010190-1234").is_female
    assert not cpr.parse("010190-1235").is_female


def test_it_recognizes_search_text_shaped_like_a_cpr_number():
    assert cpr.looks_like_cpr("010190-1235")
    assert cpr.looks_like_cpr("0101901235")
    # Shaped like one but with an impossible date: still searched by number (finds nobody).
    assert cpr.looks_like_cpr("310290-1235")
    assert not cpr.looks_like_cpr("Fatima")
    assert not cpr.looks_like_cpr("010190")
