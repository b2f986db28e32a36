"""Reading a document back the way assistive technology does: for the tests of every document."""

import io
import re
import shutil
import subprocess

from pypdf import PdfReader
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, IndirectObject


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def structure_elements(reader: PdfReader) -> list[DictionaryObject]:
    """Every structure element of the tagged PDF, in the tree's (reading) order."""
    root = _resolve(reader.root_object["/StructTreeRoot"])
    found: list[DictionaryObject] = []

    def walk(node):
        node = _resolve(node)
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject) and node.get("/Type") in (None, "/StructElem"):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(root["/K"])
    return found


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Each font the pages use, and whether its program is in the file."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = _resolve(page.get("/Resources", {}))
        for font in _resolve(resources.get("/Font", {})).values():
            font = _resolve(font)
            descriptor_holder = font
            if font.get("/Subtype") == "/Type0":
                descriptor_holder = _resolve(font["/DescendantFonts"][0])
            descriptor = _resolve(descriptor_holder.get("/FontDescriptor", {}))
            fonts[str(font.get("/BaseFont"))] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def read_accessible_pdf(content: bytes, *, title: str, lang: str = "da") -> PdfReader:
    """Assert what PDF/UA-1 asks of Jobbro's PDFs; return the reader for the caller's checks.

    Tagged (MarkInfo Marked, a StructTreeRoot with headings and a table with header
    cells), the title in the info dictionary and XMP with DisplayDocTitle, the language in
    the catalogue, the PDF/UA identification in XMP, every font embedded, and `pdfinfo`
    (poppler) agreeing that the file is tagged.
    """
    reader = PdfReader(io.BytesIO(content))
    root = reader.root_object
    assert _resolve(root["/MarkInfo"])["/Marked"] == BooleanObject(True)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == lang
    assert _resolve(root["/ViewerPreferences"])["/DisplayDocTitle"] == BooleanObject(True)

    assert reader.metadata is not None and reader.metadata.title == title
    xmp = reader.xmp_metadata
    assert xmp is not None and (xmp.dc_title or {}).get("x-default") == title
    raw_xmp = _resolve(root["/Metadata"]).get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", raw_xmp), "XMP identifies the file as PDF/UA-1"

    tags = [str(element["/S"]) for element in structure_elements(reader)]
    assert "/H1" in tags, tags
    for table_part in ("/Table", "/TR", "/TH", "/TD"):
        assert table_part in tags, (table_part, tags)

    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts

    if pdfinfo := shutil.which("pdfinfo"):
        info = subprocess.run(  # noqa: S603 (poppler's pdfinfo on our own bytes)
            [pdfinfo, "-"], input=content, capture_output=True, check=True
        ).stdout.decode()
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    return reader
