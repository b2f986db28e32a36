"""The placements' sections of the data-subject export: placements, the conversations before
an internship ends, plans and every revision, follow-ups, acute issues, retention plans and
their entries (jobbro/citizens/subject_export.py). Every one of the citizen's, cancelled
placements included; every stored field (`fields_of`), so a field added later is exported."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import fields_of, records, section

from .models import (
    AcuteIssue,
    CoursePlan,
    EndingConversation,
    FollowUp,
    Placement,
    PlanRevision,
    RetentionEntry,
    RetentionPlan,
)
from .staircase import kind_label


def placement_name(placement: Placement) -> str:
    """Which placement a row is about, as a person would say it."""
    where = placement.company.name if placement.company is not None else _("uden virksomhed")
    kind = kind_label(placement.kind, placement.paid_hours_per_week)
    return f"{kind}, {where}, {placement.starts_on:%d.%m.%Y}"


def _of(path: str = "placement"):
    """The lead column of a part whose rows hang off a placement (by `path`)."""

    def name(obj):
        for step in path.split("__"):
            obj = getattr(obj, step)
        return placement_name(obj)

    return {"placement": (_("forløb"), name)}


def _part(key, title, model, rows, *, path="placement", leave_out=(), labels=None):
    return records(
        key,
        title,
        rows,
        fields_of(model, leave_out=(path.split("__")[0], *leave_out)),
        model=model,
        labels=labels,
        lead=_of(path),
    )


@section("placements", _("Forløb, planer og opfølgning"), order=20)
def placements(citizen):
    yield records(
        "placements",
        _("Forløb"),
        Placement.objects.filter(citizen=citizen)
        .select_related("company", "opening", "ambassador", "created_by")
        .order_by("starts_on", "id"),
        fields_of(Placement, leave_out=("citizen", "version")),
        model=Placement,
        labels={"company": _("virksomhed"), "opening": _("åbning i jobbanken")},
    )
    on = {"placement__citizen": citizen}
    company = "placement__company"
    yield _part(
        "ending_conversations",
        _("Samtaler før et forløb afsluttes"),
        EndingConversation,
        EndingConversation.objects.filter(**on).select_related(
            company, "ambassador", "recorded_by"
        ),
    )
    yield _part(
        "plans",
        _("Planer for forløb"),
        CoursePlan,
        CoursePlan.objects.filter(**on).select_related(company, "updated_by"),
    )
    yield _part(
        "plan_revisions",
        _("Planernes tidligere udgaver"),
        PlanRevision,
        PlanRevision.objects.filter(plan__placement__citizen=citizen)
        .select_related("plan__placement__company", "saved_by")
        .order_by("plan", "version"),
        path="plan__placement",
        labels={
            "saved_at": _("gemt"),
            "saved_by": _("gemt af"),
            "changed": _("ændrede felter"),
            **{
                f.name: f.verbose_name
                for f in CoursePlan._meta.concrete_fields
                if f.name in [g.name for g in PlanRevision._meta.concrete_fields]
            },
        },
    )
    yield _part(
        "follow_ups",
        _("Opfølgninger"),
        FollowUp,
        FollowUp.objects.filter(**on).select_related(company, "assigned_to", "done_by"),
        labels={"done_by": _("gennemført af"), "cancelled": _("aflyst")},
    )
    yield _part(
        "acute_issues",
        _("Akutte henvendelser"),
        AcuteIssue,
        AcuteIssue.objects.filter(**on)
        .select_related(company, "registered_by", "answered_by")
        .order_by("reported_at", "id"),
        labels={
            "registered_by": _("registreret af"),
            "answered_by": _("besvaret af"),
            "breach_flagged_at": _("lederen fik besked om overskredet frist"),
        },
    )
    yield _part(
        "retention_plans",
        _("Fastholdelsesplaner"),
        RetentionPlan,
        RetentionPlan.objects.filter(**on).select_related(company, "municipality_contact"),
    )
    yield _part(
        "retention_entries",
        _("Fastholdelsesplanernes beskrivelser af udfordringen"),
        RetentionEntry,
        RetentionEntry.objects.filter(plan__placement__citizen=citizen).select_related(
            "plan__placement__company", "recorded_by"
        ),
        path="plan__placement",
    )
