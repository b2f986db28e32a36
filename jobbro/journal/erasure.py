"""The journal's part of anonymising a case (jobbro/erasure): the attachments go, rows and
files. The erasure walk blanks the notes' free text, but a file is not text: its row is
deleted here and the file follows once the decision is committed (signals.py)."""

from jobbro.erasure.services import register

from .models import Attachment


@register
def remove_attachments(citizen_id: int) -> dict[str, int]:
    removed, _by_model = Attachment.objects.filter(note__citizen_id=citizen_id).delete()
    return {"journal.Attachment (filer)": removed}
