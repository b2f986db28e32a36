"""Coordinates for the server-rendered SVG diagrams; the templates draw them.

Raters differ by colour, by line pattern and marker shape, and each bar carries its rater's
name and its value as text, so nothing is told by colour alone (WCAG 1.4.1).
"""

from .models import RaterKind

STYLE: dict[str, dict[str, str]] = {
    RaterKind.CITIZEN: {"colour": "#0059b3", "dash": "", "marker": "circle"},
    RaterKind.OFFER_SITE: {"colour": "#a34700", "dash": "7 4", "marker": "square"},
    RaterKind.ADVISOR: {"colour": "#1e6b24", "dash": "2 3", "marker": "triangle"},
}
# Each bar is named by its rater's kind: "Borger", "Tilbudssted", "Rådgiver/konsulent".
SHORT = {kind: RaterKind(kind).label for kind in RaterKind}

BAR_LABEL_W = 128  # room for "Rådgiver/konsulent" beside the disagreement mark
BAR_W = 440
BAR_H = 14
ITEM_LABEL_H = 22
ITEM_GAP = 12


# On paper (the PDF) the bars sit closer, so 12 items of three raters fit one A4 page at a
# scale where the diagram's smallest text (11 units) prints at 9 pt or more.
PRINT = {"bar_h": 12, "bar_gap": 2, "label_h": 18, "item_gap": 6}


def bars(view, low: int, high: int, *, compact: bool = False) -> dict:
    """Grouped bars: one group per item, one bar per rater, a ◆ at the previous score."""
    bar_h, bar_gap, label_h, item_gap = (
        (PRINT["bar_h"], PRINT["bar_gap"], PRINT["label_h"], PRINT["item_gap"])
        if compact
        else (BAR_H, 4, ITEM_LABEL_H, ITEM_GAP)
    )
    unit = BAR_W / high
    rows, y = [], 24
    kinds = [r.kind for r in view.raters]
    for row in view.rows:
        top = y
        bars_ = []
        y += label_h
        bars_top = y - 2
        for kind in kinds:
            value = row.values.get(kind)
            prev = row.previous.get(kind)
            bars_.append(
                {
                    "kind": kind,
                    "label": SHORT.get(kind, kind),
                    "y": y,
                    "text_y": y + bar_h - 3,
                    "bar_h": bar_h,
                    "width": round(value * unit, 1) if value else 0,
                    "value": value,
                    "value_x": BAR_LABEL_W + (value * unit if value else 0) + 12,
                    "prev_x": round(BAR_LABEL_W + prev * unit, 1) if prev else None,
                    "prev_y": y + bar_h / 2,
                    **STYLE.get(kind, STYLE[RaterKind.ADVISOR]),
                }
            )
            y += bar_h + bar_gap
        rows.append(
            {
                "row": row,
                "top": top,
                "height": y - top + 4,
                "label_y": top + label_h - 7,
                "bars": bars_,
                "bars_top": bars_top,
                "bars_bottom": y - 2,
            }
        )
        y += item_gap
    ticks = [
        {"x": round(BAR_LABEL_W + v * unit, 1), "value": v} for v in range(max(low, 1), high + 1)
    ]
    return {
        "width": BAR_LABEL_W + BAR_W + 60,
        "height": y + 8,
        "rows": rows,
        "ticks": ticks,
        "axis_x": BAR_LABEL_W,
        "axis_end": BAR_LABEL_W + BAR_W,
        "legend": [
            {"label": r.shown, "kind": r.kind, **STYLE.get(r.kind, {})} for r in view.raters
        ],
    }


LINE_W, LINE_H, PAD_L, PAD_B, PAD_T, PAD_R = 300, 150, 28, 26, 10, 24


def lines(
    dates,
    series: dict[str, list[float | None]],
    low: int,
    high: int,
    width: int = LINE_W,
    height: int = LINE_H,
) -> dict:
    """A line per rater over the assessments' dates."""
    n = len(dates)
    plot_w, plot_h = width - PAD_L - PAD_R, height - PAD_T - PAD_B

    def x(i):
        return round(PAD_L + (plot_w * i / (n - 1) if n > 1 else plot_w / 2), 1)

    def y(v):
        return round(PAD_T + plot_h * (high - v) / (high - low or 1), 1)

    out = []
    for kind, values in series.items():
        points = [(x(i), y(v), v) for i, v in enumerate(values) if v is not None]
        out.append(
            {
                "kind": kind,
                "points": " ".join(f"{px},{py}" for px, py, _ in points),
                "markers": [{"x": px, "y": py, "value": v} for px, py, v in points],
                **STYLE.get(kind, {"colour": "#1a1a1a", "dash": "", "marker": "circle"}),
            }
        )
    return {
        "width": width,
        "height": height,
        "lines": out,
        "yticks": [{"y": y(v), "value": v} for v in range(low, high + 1)],
        "xticks": [{"x": x(i), "label": d.strftime("%d.%m.%y")} for i, d in enumerate(dates)],
        "left": PAD_L,
        "right": width - PAD_R,
        "bottom": height - PAD_B,
        "top": PAD_T,
    }
