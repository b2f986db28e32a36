"""Journal attachments: what is accepted, and how it is kept.

Accepted are PDF, JPEG and PNG images, and Word documents (DOCX), decided by the file's
content, not its name: the first bytes must be those of the type its name says (a PDF's
``%PDF-``, a PNG's signature, a JPEG's SOI marker, an image Pillow can read; a DOCX a ZIP
with ``word/document.xml``, no macros, and not a ZIP bomb). A file of another type, or whose
content is not what its name says, or too large, or empty, is refused with a Danish message
naming it (the rest of the form is kept).

Files are stored outside the web root (``settings.ATTACHMENTS_DIR``) under a random name,
encrypted with the field keys (``lib.crypto``, as the health notes), and handed out only by
``journal.views.attachment_download``: always as a download (``Content-Disposition:
attachment``), with the type Jobbro found and ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jobbro.lib import crypto

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The names a file may have, and the type its content must then be.
EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".docx": DOCX}
TYPE_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "Word (DOCX)"}

# A DOCX is a ZIP: refuse one that unpacks to more than this, or holds this many parts.
DOCX_MAX_UNPACKED = 100 * 1024 * 1024
DOCX_MAX_PARTS = 2000


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def safe_name(name: str) -> str:
    """The file's own name without any folder, control character or quote, at most 150
    characters (keeping the extension)."""
    name = unicodedata.normalize("NFC", os.path.basename(name.replace("\\", "/")))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'["<>:|?*]', "_", name).strip(" .")
    stem, ext = os.path.splitext(name)
    return (stem[: 150 - len(ext)] + ext) if name else "bilag"


def content_type_of(data: bytes) -> str | None:
    """The accepted type the content is, or None."""
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]:
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n") and _is_image(data, "PNG"):
        return PNG
    if data.startswith(b"\xff\xd8\xff") and _is_image(data, "JPEG"):
        return JPEG
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return DOCX
    return None


def _is_image(data: bytes, kind: str) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != kind:
                return False
            image.verify()
    except Exception:  # noqa: BLE001 (any failure to read it means it is not that image)
        return False
    return True


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {p.filename for p in parts}
            unpacked = sum(p.file_size for p in parts)
    except (zipfile.BadZipFile, ValueError):
        return False
    return (
        "[Content_Types].xml" in names
        and "word/document.xml" in names
        and "word/vbaProject.bin" not in names  # a macro-enabled document renamed
        and len(parts) <= DOCX_MAX_PARTS
        and unpacked <= DOCX_MAX_UNPACKED
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def check(upload) -> Checked:
    """The uploaded file, if it may be attached; otherwise ValidationError in Danish."""
    name = safe_name(upload.name or "")
    limit = settings.ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("»%(name)s« fylder %(size)s. Et bilag må højst fylde %(max)s.")
            % {"name": name, "size": _megabytes(upload.size), "max": _megabytes(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("»%(name)s« er tom.") % {"name": name}, code="empty")
    expected = EXTENSIONS.get(os.path.splitext(name)[1].lower())
    if expected is None:
        raise ValidationError(
            _(
                "»%(name)s« kan ikke vedhæftes. Bilag kan være PDF, billeder (JPEG, PNG) og "
                "Word-dokumenter (DOCX)."
            )
            % {"name": name},
            code="type",
        )
    data = b"".join(upload.chunks())
    found = content_type_of(data)
    if found != expected:
        raise ValidationError(
            _(
                "»%(name)s« hedder en %(type)s-fil, men indholdet er ikke en %(type)s. "
                "Gem filen igen som %(type)s, og vedhæft den så."
            )
            % {"name": name, "type": TYPE_NAMES[expected]},
            code="content",
        )
    return Checked(name, found, data)


def _path(stored_as: str) -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_-]{20,64}", stored_as):
        raise ValueError("not a stored attachment's name")
    return Path(settings.ATTACHMENTS_DIR) / stored_as


def store(data: bytes) -> str:
    """Write the content encrypted under a new random name; returns the name."""
    folder = Path(settings.ATTACHMENTS_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stored_as = secrets.token_urlsafe(24)
    path = _path(stored_as)
    with open(path, "xb") as f:
        os.fchmod(f.fileno(), 0o600)
        f.write(crypto.encrypt_bytes(data))
    return stored_as


def read(stored_as: str) -> bytes:
    return crypto.decrypt_bytes(_path(stored_as).read_bytes())


def rotate(stored_as: str) -> None:
    """Re-encrypt one file with the newest key (jobbro rotate_keys). The new content is
    written beside it and renamed over it, so the file is whole whatever happens."""
    path = _path(stored_as)
    fresh = path.with_suffix(".rotating")
    fresh.write_bytes(crypto.rotate_bytes(path.read_bytes()))
    fresh.chmod(0o600)
    fresh.replace(path)


def remove(stored_as: str) -> None:
    _path(stored_as).unlink(missing_ok=True)


def download(row):
    """A stored attachment (a row with `stored_as`, `content_type` and `name`: the journal's
    and the sanction documentation's) as a download of the type Jobbro found in it."""
    from jobbro import documents

    response = documents.file_response(read(row.stored_as), row.content_type, row.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def removed_on_commit(stored_as: str) -> None:
    """Remove the file once the deletion of its row commits (a rolled-back deletion keeps
    it): for the post_delete signals of the models that keep attachments."""
    from django.db import transaction

    transaction.on_commit(lambda: remove(stored_as))
