"""Test objects for the journal: notes, planned conversations, and files of each kind."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from jobbro.journal import attachments, services
from jobbro.journal.models import NoteKind

# A minimal, valid one-page PDF.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "JPEG")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    from jobbro.documents import docx_document

    document = docx_document("Brev", "da")
    document.paragraph("Kære borger")
    return document.to_bytes()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def pdf_upload(name: str = "lægeerklæring.pdf"):
    return upload(name, PDF_BYTES, "application/pdf")


def make_note(citizen, author, *, text="Samtale om praktik i rengøring.", placement=None, files=()):
    return services.note_create(
        citizen=citizen,
        by=author,
        kind=NoteKind.CONVERSATION,
        occurred_on=timezone.localdate(),
        text=text,
        placement=placement,
        files=[attachments.check(f) for f in files],
    )


def make_planned(citizen, author, *, days=3, place="Jobcentret, mødelokale 2", placement=None):
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    return services.conversation_plan(
        citizen=citizen,
        by=author,
        kind=NoteKind.CONVERSATION,
        starts_at=starts + dt.timedelta(days=days),
        minutes=45,
        place=place,
        text="Opfølgning på praktikken.",
        placement=placement,
    )
