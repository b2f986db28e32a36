"""Which practices of the good-practice library a line of free text names (framework-free,
used by migration 0009 to turn the old text list into links).

A line names practice n when it is its number ("10", "10.", "Praksis 10", "nr. 10"), its
number and title ("10. Investering i …"), its title, or a piece of one title only (at least
12 characters, so "Kommune" names nothing); letter case, spaces and a final full stop do not
count. A line that names nothing, or more than one practice, is kept as text.
"""

import re
from collections.abc import Iterable, Sequence

_NUMBER = re.compile(r"(?:praksis|eksempel|nr\.?)?\s*(\d{1,2})\.?(?:\s+(.*))?", re.IGNORECASE)
MIN_PIECE = 12


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip().casefold()


def match_line(line: str, practices: Sequence[tuple[int, int, str]]) -> int | None:
    """The id of the one practice `line` names, or None. `practices` are (id, number, title)."""
    text = _norm(line)
    if not text:
        return None
    by_number = {number: pk for pk, number, _title in practices}
    found = _NUMBER.fullmatch(text)
    if found and int(found[1]) in by_number:
        pk = by_number[int(found[1])]
        rest = found[2]
        title = next(t for p, _n, t in practices if p == pk)
        if not rest or _norm(rest) in _norm(title) or _norm(title) in _norm(rest):
            return pk
    exact = [pk for pk, _n, title in practices if _norm(title) == text]
    if exact:
        return exact[0]
    if len(text) >= MIN_PIECE:
        pieces = [pk for pk, _n, title in practices if text in _norm(title)]
        if len(pieces) == 1:
            return pieces[0]
    return None


def split(text: str, practices: Sequence[tuple[int, int, str]]) -> tuple[list[int], str]:
    """(the ids named, in order, once each; the lines that name none, as text)."""
    named: list[int] = []
    kept: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        pk = match_line(line, practices)
        if pk is None:
            kept.append(line.strip())
        elif pk not in named:
            named.append(pk)
    return named, "\n".join(kept)


def as_lines(practices: Iterable[tuple[int, str]]) -> list[str]:
    """(number, title) back as lines of text ("10. Investering …"), for the way back."""
    return [f"{number}. {title}" for number, title in practices]
