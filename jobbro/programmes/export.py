"""The programmes' section of the data-subject export: every enrolment of the citizen, in any
programme or project, ended ones included, with every stored field
(jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import fields_of, records, section

from .models import Enrolment


@section("enrolments", _("Indsatser og projekter"), order=22)
def enrolments(citizen):
    yield records(
        "enrolments",
        _("Indskrivninger"),
        Enrolment.objects.filter(citizen=citizen)
        .select_related("programme", "cohort", "created_by")
        .order_by("starts_on", "id"),
        fields_of(Enrolment, leave_out=("citizen",)),
        model=Enrolment,
        labels={"programme": _("indsats")},
    )
