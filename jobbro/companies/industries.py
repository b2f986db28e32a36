"""The official Danish industry codes (DB07), shipped in data/db07.csv (see data/README.md)."""

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "db07.csv"


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@cache
def _titles() -> dict[str, str]:
    return {row["code"]: row["title"] for row in _rows()}


def main_groups() -> list[tuple[str, str]]:
    """(two-digit code, title) of every main group (hovedgruppe), in code order."""
    return [(r["code"], r["title"]) for r in _rows() if r["level"] == "main_group"]


def codes() -> list[tuple[str, str]]:
    """(six-digit code, title) of the shipped six-digit codes, in code order."""
    return [(r["code"], r["title"]) for r in _rows() if r["level"] == "code"]


def is_valid(code: str) -> bool:
    """Six digits under a known main group."""
    return bool(re.fullmatch(r"\d{6}", code or "")) and code[:2] in _titles()


def title(code: str) -> str:
    """The code's title, or its main group's when the six-digit code is not shipped."""
    if not code:
        return ""
    titles = _titles()
    return titles.get(code) or titles.get(code[:2], "")


def main_group_title(code: str) -> str:
    return _titles().get((code or "")[:2], "")
