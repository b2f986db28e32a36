"""The goals' tables as rows for `documents.xlsx_workbook`: one sheet each, numbers as
numbers (a folded count as the text "under 5"), the definitions in their own column."""

from django.utils.translation import gettext as _

from . import categories
from .selectors import Cell, OutcomeReport


def _n(cell: Cell):
    return str(cell) if cell.small else cell.n


def target_rows(results):
    header = [
        _("Mål"),
        _("Mål (%)"),
        _("Personer"),
        _("Har nået målet"),
        _("Andel (%)"),
        _("Kvinder blandt dem"),
        _("Kvindernes andel (%)"),
        _("Kvinder mindst (%)"),
        _("Definition"),
    ]
    rows = []
    for r in results:
        folded = _("under %(n)s") % {"n": 5}
        rows.append(
            [
                r.target.wording,
                r.target.share,
                r.people if not r.folded else folded,
                r.reached if not r.folded else folded,
                r.share,
                r.women if r.women_share is not None else None,
                r.women_share,
                r.target.women_share,
                r.definition,
            ]
        )
    return header, rows


def outcome_rows(report: OutcomeReport):
    header = [
        _("Opgørelse"),
        _("Gruppe"),
        _("I alt"),
        _("Afsluttede"),
        _("Heraf til arbejde eller uddannelse"),
        _("I gang"),
    ]
    work = {o.key for o in categories.TO_WORK_OR_EDUCATION}
    rows = []
    for row in report.rows:
        n = _n(row.count)
        ended = row.outcome.ended if row.outcome else row in report.ended_rows
        to_work = row.outcome is not None and row.outcome.key in work
        rows.append(
            [_("Status"), row.label, n, n if ended else 0, n if to_work else 0, 0 if ended else n]
        )
    for b in report.breakdowns:
        for r in b.rows:
            rows.append([b.title, r.label, _n(r.total), _n(r.ended), _n(r.to_work), _n(r.active)])
    return header, rows


def measure_rows(residence, self_support):
    from .selectors import RESIDENCE_YEARS

    header = [_("Mål"), _("Gruppe"), _("Målt"), _("Antal / uger"), _("Andel (%)")]
    rows = []
    for n in RESIDENCE_YEARS:
        title = _("Ustøttet lønbeskæftigelse efter %(n)s år") % {"n": n}
        for row in residence:
            cell = row.cells[n]
            if not cell.measured:
                continue
            shown = not cell.folded
            rows.append(
                [
                    title,
                    _("Ankomstår %(year)s") % {"year": row.year},
                    cell.measured if shown else str(cell),
                    cell.employed if shown else str(cell),
                    cell.share,
                ]
            )
    for s in self_support:
        rows.append(
            [
                _("Selvforsørgelsesgrad (uger af 26)"),
                s.label,
                s.efforts if not s.folded else _("under %(n)s") % {"n": 5},
                s.weeks,
                s.share,
            ]
        )
    return header, rows
