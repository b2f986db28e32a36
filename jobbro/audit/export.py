"""The access log's section of the data-subject export: who has seen or changed the
citizen's data, when, from where and why (jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section

from .models import AccessLogEntry


@section("access_log", _("Adgangslog"), order=90)
def access_log(citizen):
    entries = (
        AccessLogEntry.objects.filter(citizen_id=citizen.pk)
        .select_related("user")
        .order_by("at", "id")
    )
    yield records(
        "access_log",
        _("Hvem har set eller ændret oplysningerne, og hvorfor"),
        entries,
        ["at", "user", "action", "purpose", "reason", "path"],
        model=AccessLogEntry,
        extra={
            "role": (_("rolle"), lambda e: e.role_label),
            "fields": (_("felter"), lambda e: e.fields_label),  # in Danish, as on the page
        },
        wide=False,  # one line per entry: a log of hundreds of entries stays readable
    )
