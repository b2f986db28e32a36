"""Danish CVR numbers: eight digits with a modulus 11 check (weights 2,7,6,5,4,3,2,1)."""

import re

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


class CVRError(ValueError):
    """The text is not a valid CVR number; the message is Danish and safe to show."""


def normalize(text: str) -> str:
    """Eight digits, spaces allowed in the input ("29 18 95 87"); raises CVRError."""
    digits = re.sub(r"[\s-]", "", text or "")
    if not re.fullmatch(r"\d{8}", digits):
        raise CVRError("CVR-nummeret skal bestå af 8 cifre.")
    if digits[0] == "0":
        raise CVRError("Et CVR-nummer kan ikke begynde med 0.")
    if sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11 != 0:
        raise CVRError("CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke).")
    return digits


def is_valid(text: str) -> bool:
    try:
        normalize(text)
    except CVRError:
        return False
    return True
