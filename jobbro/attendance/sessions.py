"""Programme sessions in each person's week (filled in when sessions hang on cohorts)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .week import Item


def session_items(
    citizen_ids: list[int], monday: dt.date, sunday: dt.date
) -> dict[int, list[Item]]:
    return {}
