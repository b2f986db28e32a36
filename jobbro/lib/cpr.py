"""Danish CPR numbers: validation, birth date, century and masking.

A CPR number is DDMMYY-SSSS. The seventh digit together with the two-digit year gives the
century (CPR-kontoret's table). Since 2007 numbers are issued that do not satisfy the modulus
11 check, so it is not required here.
"""

import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})\s*$")
_ANYWHERE = re.compile(r"(?<!\d)\d{6}[-\s]?\d{4}(?!\d)")


class CPRError(ValueError):
    """The text is not a valid CPR number; the message is Danish and safe to show."""


@dataclass(frozen=True)
class CPR:
    digits: str  # ten digits, no dash
    birth_date: dt.date

    def __str__(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return f"{self.digits[:6]}-XXXX"

    @property
    def is_female(self) -> bool:
        # The last digit is even for women, odd for men.
        return int(self.digits[9]) % 2 == 0


def century(year2: int, seventh: int) -> int:
    """The full year for a two-digit year and the 7th digit of the CPR number."""
    if seventh in (0, 1, 2, 3):
        return 1900 + year2
    if seventh in (4, 9):
        return (2000 if year2 <= 36 else 1900) + year2
    # 5, 6, 7, 8
    return (2000 if year2 <= 57 else 1800) + year2


def parse(text: str) -> CPR:
    """Parse and validate a CPR number, raising CPRError with a Danish message."""
    match = _PATTERN.match(text or "")
    if not match:
        raise CPRError("Skriv CPR-nummeret som DDMMÅÅ-XXXX (10 cifre).")
    dd, mm, yy, serial = match.groups()
    year = century(int(yy), int(serial[0]))
    try:
        birth = dt.date(year, int(mm), int(dd))
    except ValueError as e:
        raise CPRError("CPR-nummeret indeholder ikke en gyldig fødselsdato.") from e
    return CPR(digits=f"{dd}{mm}{yy}{serial}", birth_date=birth)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except CPRError:
        return False
    return True


def normalize(text: str) -> str:
    """Ten digits without a dash; raises CPRError when invalid."""
    return parse(text).digits


def looks_like_cpr(text: str) -> bool:
    """Whether a search text is shaped like a CPR number (then search by it, exactly)."""
    return bool(_PATTERN.match(text or ""))


def contains_cpr(text: str) -> bool:
    """Whether a text holds something shaped like a CPR number anywhere in it."""
    return bool(_ANYWHERE.search(text or ""))


def mask(digits: str) -> str:
    return f"{digits[:6]}-XXXX" if len(digits) == 10 else "XXXXXX-XXXX"


def format_cpr(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else digits
