"""Matching's section of the data-subject export: the matching profile, every suggestion
shown with its score and factors, and every decision (jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section

from . import occupations
from .models import Decision, MatchProfile, Suggestion


def _codes(codes) -> str:
    return "; ".join(occupations.label(c) or c for c in codes or [])


def _factors(row) -> str:
    return "; ".join(f"{f['label']}: {f['points']} ({f['text']})" for f in row.factors or [])


def _opening(row) -> str:
    return f"{row.opening.title} – {row.opening.company.name}"


@section("matching", _("Matchning"), order=40)
def matching(citizen):
    yield records(
        "match_profile",
        _("Matchprofil"),
        MatchProfile.objects.filter(citizen=citizen).select_related("town", "updated_by"),
        [
            "town",
            "max_travel_minutes",
            "max_hours_per_week",
            "no_shifts",
            "available_from",
            "reservations",
            "updated_at",
            "updated_by",
        ],
        model=MatchProfile,
        extra={
            "wished_occupations": (_("ønskede fag"), lambda p: _codes(p.wished_occupations)),
            "wished_industries": (_("ønskede brancher"), lambda p: "; ".join(p.wished_industries)),
            "experience": (_("erfaring"), lambda p: _codes(p.experience)),
            "reserved": (_("fag borgeren ikke ønsker"), lambda p: _codes(p.reserved_occupations)),
        },
    )
    yield records(
        "suggestions",
        _("Viste forslag"),
        Suggestion.objects.filter(citizen=citizen)
        .select_related("opening__company", "shown_to")
        .order_by("shown_at", "id"),
        ["shown_at", "shown_to", "shown_in", "rank", "score"],
        model=Suggestion,
        labels={
            "shown_at": _("vist"),
            "shown_to": _("vist for"),
            "shown_in": _("vist på"),
            "score": _("point"),
        },
        lead={"opening": (_("åbning"), _opening)},
        extra={"factors": (_("faktorer"), _factors)},
        wide=True,
    )
    yield records(
        "decisions",
        _("Beslutninger om forslag"),
        Decision.objects.filter(citizen=citizen)
        .select_related("opening__company", "decided_by")
        .order_by("decided_at", "id"),
        ["decided_at", "decided_by", "kind", "reason", "score"],
        model=Decision,
        labels={"decided_at": _("besluttet"), "decided_by": _("besluttet af"), "score": _("point")},
        lead={"opening": (_("åbning"), _opening)},
        extra={"factors": (_("faktorer"), _factors)},
        wide=True,
    )
