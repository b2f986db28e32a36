"""The 98 Danish municipalities (data/municipalities.csv, see data/README.md)."""

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "municipalities.csv"


@cache
def municipalities() -> dict[str, str]:
    """Code (three digits) → Danish name, in the file's order (by code)."""
    with DATA.open(encoding="utf-8") as f:
        return {row["code"]: row["name"] for row in csv.DictReader(f)}


def choices() -> list[tuple[str, str]]:
    """For a select: sorted by name, as people look for it."""
    return sorted(municipalities().items(), key=lambda item: item[1])


def name(code: str) -> str:
    return municipalities().get(code, code)
