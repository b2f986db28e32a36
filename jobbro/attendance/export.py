"""The work obligation's, the week's, attendance's and sanction cases' sections of the
data-subject export (jobbro/citizens/subject_export.py): every stored field (`fields_of`), so
a field added later is exported too."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import fields_of, records, section

from .models import (
    Attendance,
    LanguageSchoolDay,
    SanctionAttachment,
    SanctionCase,
    SanctionDocument,
    WorkObligation,
)


def _session(a: Attendance) -> str:
    s = a.session
    return f"{s.on:%d.%m.%Y} {s.starts_at:%H:%M}-{s.ends_at:%H:%M}, {s.cohort.name}: {s.title}"


@section("attendance", _("Arbejdspligt, ugeskema, fremmøde og sanktionssager"), order=45)
def attendance(citizen):
    yield records(
        "work_obligations",
        _("Arbejdspligt"),
        WorkObligation.objects.filter(citizen=citizen)
        .select_related("created_by")
        .order_by("valid_from"),
        fields_of(WorkObligation, leave_out=("citizen",)),
        model=WorkObligation,
    )
    yield records(
        "language_school_days",
        _("Sprogskoledage"),
        LanguageSchoolDay.objects.filter(citizen=citizen)
        .select_related("created_by")
        .order_by("valid_from", "weekday"),
        fields_of(LanguageSchoolDay, leave_out=("citizen", "starts_at", "ends_at")),
        model=LanguageSchoolDay,
        lead={"time": (_("tid"), lambda d: f"{d.starts_at:%H:%M}-{d.ends_at:%H:%M}")},
    )
    yield records(
        "attendance",
        _("Fremmøde"),
        Attendance.objects.filter(citizen=citizen)
        .select_related("session__cohort", "recorded_by")
        .order_by("session__on", "session__starts_at"),
        fields_of(Attendance, leave_out=("citizen", "session")),
        model=Attendance,
        lead={"session": (_("mødegang"), _session)},
    )
    yield records(
        "sanction_cases",
        _("Sanktionssager"),
        SanctionCase.objects.filter(citizen=citizen)
        .select_related("opened_by")
        .prefetch_related("absences__session__cohort")
        .order_by("opened_at"),
        fields_of(SanctionCase, leave_out=("citizen", "version")),
        model=SanctionCase,
        extra={
            "absences": (_("fravær"), lambda c: "; ".join(_session(a) for a in c.absences.all()))
        },
    )
    yield records(
        "sanction_documents",
        _("Dokumentation i sanktionssager"),
        SanctionDocument.objects.filter(case__citizen=citizen)
        .select_related("added_by")
        .order_by("received_on", "pk"),
        fields_of(SanctionDocument, leave_out=()),
        model=SanctionDocument,
    )
    yield records(
        "sanction_attachments",
        _("Bilag til dokumentation i sanktionssager"),
        SanctionAttachment.objects.filter(document__case__citizen=citizen)
        .select_related("uploaded_by", "document")
        .order_by("uploaded_at", "pk"),
        # The file itself is listed by name and SHA-256; where it is stored says nothing.
        fields_of(SanctionAttachment, leave_out=("stored_as",)),
        model=SanctionAttachment,
    )
