"""What may be attached to a journal note is decided by the file's content, not its name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from jobbro.journal import attachments

from .factories import PDF_BYTES, docx_bytes, jpeg_bytes, png_bytes, upload


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("brev.pdf", lambda: PDF_BYTES, attachments.PDF),
        ("foto.PNG", png_bytes, attachments.PNG),
        ("foto.jpg", jpeg_bytes, attachments.JPEG),
        ("foto.jpeg", jpeg_bytes, attachments.JPEG),
        ("brev.docx", docx_bytes, attachments.DOCX),
    ],
)
def test_it_accepts_pdf_images_and_docx_by_their_content(name, make, content_type):
    checked = attachments.check(upload(name, make()))
    assert checked.content_type == content_type
    assert len(checked.sha256) == 64


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in names.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        # The name says PDF, the content is a Windows program.
        ("faktura.pdf", b"MZ\x90\x00" + b"\x00" * 100, "indholdet er ikke en PDF"),
        # An HTML page called a picture.
        ("billede.png", b"<html><script>alert(1)</script></html>", "indholdet er ikke en PNG"),
        # A PDF called a Word document.
        ("brev.docx", PDF_BYTES, "indholdet er ikke en Word (DOCX)"),
        # A PNG signature with nothing a reader can open behind it.
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "indholdet er ikke en PNG"),
        # A macro-enabled document renamed .docx.
        (
            "brev.docx",
            _zip(
                {"[Content_Types].xml": b"", "word/document.xml": b"", "word/vbaProject.bin": b""}
            ),
            "indholdet er ikke en Word (DOCX)",
        ),
        # Any ZIP renamed .docx.
        ("brev.docx", _zip({"a.txt": b"hej"}), "indholdet er ikke en Word (DOCX)"),
        ("program.exe", b"MZ", "kan ikke vedhæftes"),
        ("side.html", b"<html></html>", "kan ikke vedhæftes"),
        ("uden-endelse", PDF_BYTES, "kan ikke vedhæftes"),
        ("tom.pdf", b"", "er tom"),
    ],
)
def test_it_refuses_other_files_with_a_danish_message_naming_them(name, data, says):
    with pytest.raises(ValidationError) as refused:
        attachments.check(upload(name, data))
    message = " ".join(refused.value.messages)
    assert says in message
    assert f"»{name}«" in message


@override_settings(ATTACHMENT_MAX_MB=1)
def test_it_refuses_a_file_over_the_size_limit():
    big = PDF_BYTES[:-6] + b"0" * (1024 * 1024) + b"%%EOF\n"
    with pytest.raises(ValidationError, match="fylder 1,0 MB. Et bilag må højst fylde 1,0 MB"):
        attachments.check(upload("scanning.pdf", big))


def test_it_refuses_a_docx_that_unpacks_to_too_much(monkeypatch):
    monkeypatch.setattr(attachments, "DOCX_MAX_UNPACKED", 1000)
    data = _zip({"[Content_Types].xml": b"x" * 600, "word/document.xml": b"x" * 600})
    with pytest.raises(ValidationError, match="indholdet er ikke en Word"):
        attachments.check(upload("brev.docx", data))


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\sb\\brev.pdf", "brev.pdf"),
        ('ond"navn\r\n.pdf', "ond_navn.pdf"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
        ("", "bilag"),
    ],
)
def test_a_files_name_is_its_own_name_only(given, kept):
    assert attachments.safe_name(given) == kept


def test_a_stored_file_is_encrypted_outside_the_web_root_and_reads_back(settings):
    stored_as = attachments.store(PDF_BYTES)
    path = settings.ATTACHMENTS_DIR / stored_as
    assert path.exists() and b"%PDF" not in path.read_bytes()
    assert not path.is_relative_to(settings.BASE_DIR / "static")
    assert path.stat().st_mode & 0o077 == 0, "readable by its owner only"
    assert attachments.read(stored_as) == PDF_BYTES
    attachments.remove(stored_as)
    assert not path.exists()


def test_a_stored_name_cannot_point_elsewhere():
    with pytest.raises(ValueError):
        attachments.read("../../dev-secrets.json")


@pytest.mark.django_db
def test_rotate_keys_reencrypts_the_files_and_the_notes(settings, people, citizens):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from jobbro.lib import crypto

    from .factories import make_note, pdf_upload

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    citizens_key = list(settings.FIELD_ENCRYPTION_KEYS)  # the fixtures' CPR numbers
    settings.FIELD_ENCRYPTION_KEYS = [old, *citizens_key]
    note = make_note(citizens["fatima"], people["alice"], files=[pdf_upload()])
    path = settings.ATTACHMENTS_DIR / note.attachments.get().stored_as
    settings.FIELD_ENCRYPTION_KEYS = [new, old, *citizens_key]
    call_command("rotate_keys", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [new]  # every older key retired
    assert crypto.decrypt_bytes(path.read_bytes()) == PDF_BYTES
    note.refresh_from_db()
    assert note.text.startswith("Samtale")


@pytest.mark.django_db
def test_anonymising_a_case_removes_its_attachments_rows_and_files(
    people, citizens, django_capture_on_commit_callbacks
):
    from jobbro.erasure.services import anonymise_case
    from jobbro.journal import attachments as stored
    from jobbro.journal.models import Attachment
    from jobbro.journal.tests.factories import make_note, pdf_upload

    note = make_note(citizens["fatima"], people["alice"], files=[pdf_upload()])
    kept = make_note(citizens["omar"], people["alice"], files=[pdf_upload("andet.pdf")])
    gone_file = stored._path(note.attachments.get().stored_as)
    kept_file = stored._path(kept.attachments.get().stored_as)
    assert gone_file.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = anonymise_case(citizens["fatima"].pk)
    assert done["journal.Attachment (filer)"] == 1
    assert not Attachment.objects.filter(note__citizen=citizens["fatima"]).exists()
    assert not gone_file.exists()
    assert kept_file.exists()  # another citizen's stays
