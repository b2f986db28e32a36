"""The journal's section of the data-subject export: every note, planned, written or
cancelled, with its text decrypted, and every attachment: listed with its SHA-256 in the
JSON and the PDF, and the files themselves in the ZIP (jobbro/citizens/subject_export.py).

A list with hashes and a ZIP, rather than the files inside the PDF: the PDF stays a
readable document of a few pages whatever was attached (scans of letters run to
megabytes), and the hashes show that the ZIP's files are the ones Jobbro keeps."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import ExportFile, fields_of, records, section
from jobbro.placements.export import placement_name

from . import attachments
from .models import Attachment, JournalNote


def _note_name(note: JournalNote) -> str:
    return f"{note.get_kind_display()} {note.occurred_on:%d.%m.%Y}"


def zip_path(attachment: Attachment) -> str:
    return f"bilag/{attachment.pk}-{attachment.name}"


@section("journal", _("Journal"), order=40)
def journal(citizen):
    notes = (
        JournalNote.objects.filter(citizen=citizen)
        .select_related("author", "placement__company")
        .order_by("occurred_on", "id")
    )
    yield records(
        "journal_notes",
        _("Journalnotater og samtaler"),
        notes,
        fields_of(JournalNote, leave_out=("citizen", "placement", "version")),
        model=JournalNote,
        lead={
            "placement": (
                _("forløb"),
                lambda n: placement_name(n.placement) if n.placement is not None else "",
            )
        },
    )
    files = list(
        Attachment.objects.filter(note__citizen=citizen)
        .select_related("note", "uploaded_by")
        .order_by("uploaded_at", "id")
    )
    part = records(
        "attachments",
        _("Bilag"),
        files,
        ["name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"],
        model=Attachment,
        lead={"note": (_("journalnotat"), lambda a: _note_name(a.note))},
        extra={"zip_path": (_("fil i ZIP-udtrækket"), zip_path)},
    )
    part.files.extend(
        ExportFile(zip_path(a), a.sha256, a.size, lambda a=a: attachments.read(a.stored_as))
        for a in files
    )
    yield part
