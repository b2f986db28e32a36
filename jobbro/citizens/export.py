"""The case file's sections of the data-subject export: the case file itself, its timeline
and the stated-reason grants that opened it (jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from .models import AccessGrant, Citizen, CitizenLanguage, TimelineEvent
from .subject_export import Part, fields_of, label_of, readable, records, section

# The CPR number is shown formatted (and its keyed hash, a lookup key, is not data about the
# citizen); the version is the edit counter.
CASE_FILE_FIELDS = fields_of(Citizen, leave_out=("cpr", "cpr_hash", "version"))


def _case_file(citizen: Citizen) -> Part:
    """One row of every field of the case file, the full CPR number first."""
    columns = (("cpr", label_of(Citizen, "cpr")),) + tuple(
        (name, label_of(Citizen, name)) for name in CASE_FILE_FIELDS
    )
    row = {"cpr": citizen.cpr_display, **{n: readable(citizen, n) for n in CASE_FILE_FIELDS}}
    return Part("case_file", str(_("Stamoplysninger")), columns, [row])


@section("case_file", _("Sagen"), order=10)
def case_file(citizen: Citizen):
    yield _case_file(citizen)
    yield records(
        "languages",
        _("Sprog"),
        CitizenLanguage.objects.filter(citizen=citizen).order_by("id"),
        ["code", "level"],
        model=CitizenLanguage,
    )
    yield records(
        "timeline",
        _("Tidslinje"),
        TimelineEvent.objects.filter(citizen=citizen).select_related("actor").order_by("at", "id"),
        ["at", "kind", "text", "actor"],
        model=TimelineEvent,
    )
    yield records(
        "grants",
        _("Begrundede adgange uden for egen sagsstamme"),
        AccessGrant.objects.filter(citizen=citizen).select_related("user").order_by("granted_at"),
        ["user", "reason", "granted_at", "expires_at"],
        model=AccessGrant,
        labels={"user": _("bruger"), "granted_at": _("givet"), "expires_at": _("udløber")},
    )
