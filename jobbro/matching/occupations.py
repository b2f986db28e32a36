"""ISCO-08 occupation codes with Danish titles where we have them (see data/README.md).

DISCO-08, Danmarks Statistik's version, has the same groups as ISCO-08 down to four digits,
so a four-digit code is both. `data/isco08.csv` is the ILO's whole structure in English;
`data/disco08_da.csv` DISCO-08's own Danish titles (source `dst`, Danmarks Statistik) and,
for search only, the plainer working titles Jobbro used before (`also_searched`: one types
"køkkenmedhjælper" and finds 9412 "Køkkenhjælp mv.").
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from jobbro.lib.text import clean_search

DATA = Path(__file__).resolve().parent / "data"
LEVELS = {1: "major", 2: "sub_major", 3: "minor", 4: "unit"}


@dataclass(frozen=True)
class Occupation:
    code: str
    title_en: str
    title_da: str
    da_source: str  # "dst" or "" (no Danish title: DISCO-08 leaves the group out)
    also_searched: str = ""  # a plainer Danish name, found by search but never shown

    @property
    def level(self) -> str:
        return LEVELS[len(self.code)]

    @property
    def title(self) -> str:
        """The title in the page's language, falling back to the ILO's English one."""
        if (get_language() or "da").startswith("en"):
            return self.title_en
        return self.title_da or self.title_en

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


@cache
def _all() -> dict[str, Occupation]:
    with (DATA / "disco08_da.csv").open(encoding="utf-8", newline="") as f:
        danish = {
            row["code"]: (row["title_da"], row["source"], row["also_searched"])
            for row in csv.DictReader(f)
        }
    with (DATA / "isco08.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["code"]: Occupation(
                row["code"], row["title_en"], *danish.get(row["code"], ("", "", ""))
            )
            for row in csv.DictReader(f)
        }


def get(code: str) -> Occupation | None:
    return _all().get(code or "")


def units() -> list[Occupation]:
    """The 436 four-digit unit groups, in code order: what openings and people are coded with."""
    return [o for o in _all().values() if len(o.code) == 4]


def is_unit(code: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", code or "")) and code in _all()


def title(code: str) -> str:
    occupation = get(code)
    return occupation.title if occupation else ""


def label(code: str) -> str:
    """ "9412 Køkkenhjælp mv.", or "" for no code."""
    occupation = get(code)
    return str(occupation) if occupation else ""


def search(text: str, limit: int = 10) -> list[Occupation]:
    """Unit groups whose code starts with the digits typed, or whose Danish or English title
    has every word typed; titles starting with the first word come first."""
    words = clean_search(text).lower().split()
    if not words:
        return []
    if words[0].isascii() and words[0].isdigit():
        return [o for o in units() if o.code.startswith(words[0])][:limit]
    hits = [
        o
        for o in units()
        if all(w in f"{o.title_da} {o.title_en} {o.also_searched}".lower() for w in words)
    ]
    hits.sort(key=lambda o: (not o.title.lower().startswith(words[0]), o.code))
    return hits[:limit]


def closeness(a: str, b: str) -> float:
    """How near two unit groups are: 1 for the same, 0.6 in the same minor group, 0.3 in the
    same sub-major group, else 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a[:3] == b[:3]:
        return 0.6
    if a[:2] == b[:2]:
        return 0.3
    return 0.0
