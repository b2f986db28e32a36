"""Cleaning what people type into a search box or a filter."""

import unicodedata

SEARCH_MAX_LENGTH = 100


def clean_search(value: object, max_length: int = SEARCH_MAX_LENGTH) -> str:
    """A search term without control or format characters, single-spaced, at most max_length.

    Control characters (a null byte among them, which PostgreSQL refuses in any string) and
    invisible format characters are never part of a name, a CPR number or a company: they
    become spaces, and runs of spaces one. Every search and filter in Jobbro goes through here.
    """
    if value is None:
        return ""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in str(value))
    return " ".join(text.split())[:max_length].strip()


def lower_first(label: object) -> str:
    """A label to stand inside a sentence ("Efter virksomhedspraktik"): its first letter in
    lower case, unless the first word is an abbreviation ("IGU-forløb", "VUC"), and the rest
    as written ("Uddannelse (VUC, FVU)" -> "uddannelse (VUC, FVU)")."""
    text = str(label)
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]
