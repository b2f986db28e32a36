"""Aggregates that cannot point to a person: small groups are folded together.

Every page that shows counts or shares of people by group (the managers' overview, the
progression measures, reports to come) folds its groups through `fold_small_groups`, so
the rule is the same everywhere and lives in one place.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

# Groups smaller than this are not shown on their own: a count of 1 or 2 can point to a person.
SMALLEST_GROUP = 5

L = TypeVar("L")
G = TypeVar("G")


def fold_small_groups(
    groups: Iterable[tuple[L, G]],
    *,
    size: Callable[[G], int],
    smallest: int = SMALLEST_GROUP,
    most: int | None = None,
) -> tuple[list[tuple[L, G]], list[G]]:
    """Split (label, group) pairs, in the order given, into those shown on their own and
    the rest to fold into one "others" row.

    A group is shown when it has at least `smallest` people (`size(group)`), and while
    fewer than `most` are shown; every other group goes to the rest. Whether the rest may
    itself be shown is the caller's to say with `is_small`.
    """
    shown: list[tuple[L, G]] = []
    rest: list[G] = []
    for label, group in groups:
        if size(group) >= smallest and (most is None or len(shown) < most):
            shown.append((label, group))
        else:
            rest.append(group)
    return shown, rest


def is_small(people: int, smallest: int = SMALLEST_GROUP) -> bool:
    """Too few people to show a number or share for them."""
    return people < smallest
