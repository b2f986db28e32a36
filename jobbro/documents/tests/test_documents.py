"""The one helper that makes documents: tagged PDF/UA, structured DOCX and XLSX."""

import io
import zipfile
from pathlib import Path

import pytest
from django.utils import translation

from jobbro import documents
from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf, structure_elements

JOBBRO = Path(documents.__file__).resolve().parent.parent

EXAMPLE = """<!DOCTYPE html><html lang="{{ document.lang }}"><head><meta charset="utf-8">
<title>{{ document.title }}</title></head><body>
<h1>Overskrift</h1><p>Tekst med æ, ø og å.</p>
<h2>Tabellen</h2>
<table><thead><tr><th scope="col">Navn</th><th scope="col">Antal</th></tr></thead>
<tbody><tr><td>{{ name }}</td><td>3</td></tr></tbody></table>
</body></html>"""


@pytest.fixture
def example_template(settings, tmp_path):
    (tmp_path / "example.html").write_text(EXAMPLE, encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return "example.html"


def test_a_pdf_is_tagged_pdf_ua_with_its_title_language_and_fonts(example_template):
    with translation.override("da"):
        pdf = documents.render_pdf(None, example_template, {"name": "Testa"}, title="Et eksempel")
    reader = read_accessible_pdf(pdf, title="Et eksempel", lang="da")
    tags = [str(e["/S"]) for e in structure_elements(reader)]
    assert tags.index("/H1") < tags.index("/H2") < tags.index("/Table"), "reading order"
    assert "Tekst med æ, ø og å." in pdf_text(reader)


def test_a_pdf_is_in_the_language_of_the_request_unless_told(example_template):
    with translation.override("en"):
        english = documents.render_pdf(None, example_template, {}, title="An example")
        danish = documents.render_pdf(None, example_template, {}, title="Et eksempel", lang="da")
    read_accessible_pdf(english, title="An example", lang="en")
    read_accessible_pdf(danish, title="Et eksempel", lang="da")


def test_the_pdf_response_is_never_cached(example_template):
    response = documents.pdf_response(
        None, example_template, {}, title="Et eksempel", filename="eksempel-1.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="eksempel-1.pdf"'
    assert response["Cache-Control"] == "no-store"
    inline = documents.pdf_response(
        None, example_template, {}, title="Et eksempel", filename="x.pdf", inline=True
    )
    assert inline["Content-Disposition"] == 'inline; filename="x.pdf"'


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/static/documents/pdf.css",
        "https://example.org/font.woff",
        "file:///etc/passwd",
        (JOBBRO / "static" / ".." / "settings.py").as_uri(),
        "file://elsewhere/" + str(JOBBRO / "static" / "documents" / "pdf.css"),
    ],
)
def test_weasyprint_reads_nothing_but_our_static_files(url):
    fetcher = documents._url_fetcher()
    with pytest.raises(ValueError):
        fetcher(url)
    response = fetcher((JOBBRO / "static" / "documents" / "pdf.css").as_uri())
    assert b"@font-face" in response.read()
    response.close()


def test_a_docx_has_heading_styles_a_header_row_a_title_and_a_language():
    import docx
    from docx.oxml.ns import qn

    document = documents.docx_document("SIRI-beskrivelse", lang="da")
    document.heading("SIRI-beskrivelse", 1)
    document.paragraph("Indledning.")
    document.heading("Deltagere", 2)
    document.table(["Navn", "Forløb"], [["Testa", "Praktik"], ["Prøve", None]], caption="Deltagere")
    content = documents.docx_response(document, "siri.docx")
    assert content["Content-Type"] == documents.DOCX
    assert content["Cache-Control"] == "no-store"
    assert content["Content-Disposition"] == 'attachment; filename="siri.docx"'

    read = docx.Document(io.BytesIO(content.content))
    assert read.core_properties.title == "SIRI-beskrivelse"
    assert read.core_properties.language == "da"
    styles = [(p.style.name, p.text) for p in read.paragraphs]
    assert ("Heading 1", "SIRI-beskrivelse") in styles
    assert ("Heading 2", "Deltagere") in styles
    (table,) = read.tables
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert [c.text for c in table.rows[0].cells] == ["Navn", "Forløb"]
    assert [c.text for c in table.rows[2].cells] == ["Prøve", ""]
    for row in table.rows[1:]:
        assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Deltagere"
    language = read.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert language.find(qn("w:lang")).get(qn("w:val")) == "da"
    with zipfile.ZipFile(io.BytesIO(content.content)) as archive:
        assert "<dc:language>da</dc:language>" in archive.read("docProps/core.xml").decode()


def test_an_xlsx_has_a_frozen_defined_header_row_and_a_title():
    from openpyxl import load_workbook

    workbook = documents.xlsx_workbook(
        "Rapport: forløb pr. virksomhed",
        ["Virksomhed", "Forløb"],
        [["Testfirma ApS", 3], ['=HYPERLINK("http://x")', 1]],
        lang="da",
    )
    response = documents.xlsx_response(workbook, "rapport.xlsx")
    assert response["Content-Type"] == documents.XLSX
    assert response["Cache-Control"] == "no-store"

    read = load_workbook(io.BytesIO(response.content))
    assert read.properties.title == "Rapport: forløb pr. virksomhed"
    assert read.properties.language == "da"
    sheet = read.active
    assert sheet.title == "Rapport  forløb pr. virksomhed"[:31]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    (table,) = sheet.tables.values()
    assert table.ref == "A1:B3" and table.headerRowCount in (None, 1)
    assert [c.value for c in sheet[1]] == ["Virksomhed", "Forløb"]
    assert all(c.font.bold for c in sheet[1])
    formula_like = sheet["A3"]
    assert formula_like.data_type == "s" and formula_like.value == '=HYPERLINK("http://x")'


def test_an_empty_xlsx_still_has_its_header_row():
    from openpyxl import load_workbook

    workbook = documents.xlsx_workbook("Tom", ["A", "B"], [])
    read = load_workbook(io.BytesIO(documents.xlsx_response(workbook, "t.xlsx").content))
    assert [c.value for c in read.active[1]] == ["A", "B"]
    assert read.active.freeze_panes == "A2"


def test_every_document_goes_through_the_one_helper():
    """A PDF, DOCX or XLSX made anywhere else would miss the tags, title and language."""
    offenders = []
    for path in JOBBRO.rglob("*.py"):
        relative = path.relative_to(JOBBRO)
        if relative.parts[0] == "documents" or "tests" in relative.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for marker in ("weasyprint", "import docx", "from docx", "openpyxl"):
            if marker in text:
                offenders.append(f"{relative}: {marker}")
    assert not offenders, offenders
