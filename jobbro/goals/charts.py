"""Coordinates of the goals' bar diagrams (server-rendered SVG; `goals/_bars.html` draws
them). Each bar carries its label and its number as text and is followed on the page by a
table with the same numbers, so nothing is told by the picture alone."""

from dataclasses import dataclass
from decimal import Decimal

LABEL_H = 18
BAR_H = 16
GAP = 10
WIDTH = 560
VALUE_W = 90


@dataclass
class Bar:
    label: str
    value: Decimal | int | None  # None: not shown (folded)
    text: str  # the number as shown, e.g. "66,7 %" or "under 5"
    target: Decimal | int | None = None  # a marker (the target), on the same scale


def bars(items: list[Bar], *, top: Decimal | int | None = None) -> dict:
    """Horizontal bars, one per item, label above; the scale runs to `top` (default the
    largest value or target)."""
    values = [b.value for b in items if b.value] + [b.target for b in items if b.target]
    high = top or (max(values) if values else 1) or 1
    unit = (WIDTH - VALUE_W) / float(high)
    rows, y = [], 4
    for b in items:
        width = round(float(b.value or 0) * unit, 1)
        rows.append(
            {
                "label": b.label,
                "text": b.text,
                "label_y": y + 13,
                "bar_y": y + LABEL_H,
                "width": width,
                "text_x": width + 6,
                "text_y": y + LABEL_H + BAR_H - 3,
                "target_x": round(float(b.target) * unit, 1) if b.target is not None else None,
            }
        )
        y += LABEL_H + BAR_H + GAP
    return {"width": WIDTH, "height": y, "rows": rows, "bar_h": BAR_H}
