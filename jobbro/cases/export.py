"""The case's status history, mentors and handovers in the data-subject export
(jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.status import StatusPeriod
from jobbro.citizens.subject_export import records, section

from .models import Mentorship, Transfer


@section("case_status", _("Sagens status, mentorer og overdragelser"), order=15)
def case_status(citizen):
    yield records(
        "status_periods",
        _("Statushistorik"),
        StatusPeriod.objects.filter(citizen=citizen).select_related("recorded_by").order_by("id"),
        ["status", "starts_on", "ends_on", "pause_reason", "closing_reason", "note", "recorded_by"],
        model=StatusPeriod,
        extra={"municipality": (_("ny kommune"), lambda p: p.municipality_name)},
    )
    yield records(
        "mentorships",
        _("Mentorer"),
        Mentorship.objects.filter(citizen=citizen).select_related("mentor").order_by("starts_on"),
        ["mentor", "starts_on", "ends_on", "note"],
        model=Mentorship,
    )
    yield records(
        "transfers",
        _("Overdragelser"),
        Transfer.objects.filter(citizen=citizen)
        .select_related("from_case_worker", "to_case_worker", "from_team", "to_team")
        .order_by("handover_on", "id"),
        ["handover_on", "from_case_worker", "from_team", "to_case_worker", "to_team", "note"],
        model=Transfer,
    )
