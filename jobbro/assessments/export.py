"""The progression tool's section of the data-subject export: every assessment, who rated
it, and each score with its comment (jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section
from jobbro.placements.export import placement_name

from .models import Assessment, Rating, Score


def _assessment_name(assessment: Assessment) -> str:
    return f"{assessment.version.instrument.name}, {assessment.assessed_on:%d.%m.%Y}"


def _placement(assessment: Assessment) -> str:
    return placement_name(assessment.placement) if assessment.placement is not None else ""


@section("assessments", _("Progressionsmålinger"), order=30)
def assessments(citizen):
    mine = Assessment.objects.filter(citizen=citizen).select_related(
        "version__instrument", "placement__company", "created_by"
    )
    yield records(
        "assessments",
        _("Målinger"),
        mine.order_by("assessed_on", "id"),
        ["assessed_on", "next_steps", "mean", "created_by", "created_at"],
        model=Assessment,
        labels={"created_by": _("oprettet af"), "created_at": _("oprettet")},
        lead={
            "instrument": (_("progressionsværktøj"), lambda a: str(a.version)),
            "placement": (_("forløb"), _placement),
        },
    )
    yield records(
        "ratings",
        _("Bedømmere"),
        Rating.objects.filter(assessment__citizen=citizen)
        .select_related("assessment__version__instrument", "rater", "entered_by")
        .order_by("assessment__assessed_on", "assessment", "rater__position"),
        ["entered_by", "entered_at", "channel"],
        model=Rating,
        labels={"channel": _("indtastning")},
        lead={
            "assessment": (_("måling"), lambda r: _assessment_name(r.assessment)),
            "rater": (_("bedømmer"), lambda r: r.rater.label),
        },
    )
    yield records(
        "scores",
        _("Scorer"),
        Score.objects.filter(rating__assessment__citizen=citizen)
        .select_related("rating__assessment__version__instrument", "rating__rater", "item")
        .order_by(
            "rating__assessment__assessed_on", "rating__assessment", "rating", "item__position"
        ),
        ["value", "comment"],
        model=Score,
        lead={
            "assessment": (_("måling"), lambda s: _assessment_name(s.rating.assessment)),
            "rater": (_("bedømmer"), lambda s: s.rating.rater.label),
            "item": (_("spørgsmål"), lambda s: s.item.text),
        },
    )
