"""Every document Jobbro hands out is made here, so it is accessible without extra work.

- PDF: ``render_pdf`` (bytes) and ``pdf_response``: a Django template through WeasyPrint as
  PDF/UA-1, i.e. tagged (headings, tables with their header cells, figures with the SVG's
  ``<title>`` as alternative text, the page's reading order), with the document's title and
  language in the catalogue, the info dictionary and the XMP metadata, and its fonts
  embedded (IBM Plex Sans from Det Fælles Designsystem, via ``static/documents/pdf.css``).
  WeasyPrint reads only files under ``jobbro/static`` and ``data:`` URLs, never the network.
- DOCX: ``docx_document(title, lang)`` gives a builder whose headings are Word's own
  "Heading 1..." styles and whose tables repeat a marked header row; title and language
  are in the core properties and the language in the default run style.
- XLSX: ``xlsx_workbook(title, header, rows)``: one sheet whose first row is the header,
  frozen, repeated on print, and the header of an Excel table; title and language in the
  properties. Text is always stored as text, never as a formula.

Views return ``pdf_response``, ``docx_response`` or ``xlsx_response``: attachment or inline
with a safe file name, ``Cache-Control: no-store`` (the documents hold personal data).
Tests that only need *a* PDF may replace ``jobbro.documents.render_pdf``: every PDF goes
through it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
PDF_STYLESHEET = STATIC_DIR / "documents" / "pdf.css"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def document_language(lang: str | None = None) -> str:
    """The language a document is in: the one given, else the language of the request."""
    return lang or translation.get_language() or settings.LANGUAGE_CODE


def file_response(
    content: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    """A document as a response: never cached, downloaded (or shown inline) as filename."""
    response = HttpResponse(content, content_type=content_type)
    if disposition := content_disposition_header(not inline, filename):
        response["Content-Disposition"] = disposition
    response["Cache-Control"] = "no-store"
    return response


# PDF ------------------------------------------------------------------------------------------


def _url_fetcher():
    """WeasyPrint's fetcher, limited to our static files and data: URLs (no network)."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(STATIC_DIR.resolve()):
                    return super().fetch(url, headers)
            raise ValueError("Dokumenter må kun hente Jobbros egne statiske filer")

    return StaticOnly(allowed_protocols={"file", "data"})


def render_pdf(
    request: HttpRequest | None,
    template: str,
    context: dict[str, Any],
    *,
    title: str,
    lang: str | None = None,
) -> bytes:
    """The template as a tagged PDF/UA-1 document with this title and language.

    The template gets ``document`` = {"title", "lang"} to put in ``<title>`` and
    ``<html lang>``; the PDF's metadata is set from the arguments either way.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    lang = document_language(lang)
    html = render_to_string(
        template, {**context, "document": {"title": title, "lang": lang}}, request
    )
    fetcher = _url_fetcher()
    fonts = FontConfiguration()
    stylesheet = CSS(filename=str(PDF_STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    source = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
    document = source.render(font_config=fonts, stylesheets=[stylesheet], **PDF_OPTIONS)
    document.metadata.title = title
    document.metadata.lang = lang
    return document.write_pdf(**PDF_OPTIONS)


def pdf_response(
    request: HttpRequest | None,
    template: str,
    context: dict[str, Any],
    *,
    title: str,
    filename: str,
    lang: str | None = None,
    inline: bool = False,
) -> HttpResponse:
    pdf = render_pdf(request, template, context, title=title, lang=lang)
    return file_response(pdf, PDF, filename, inline=inline)


# DOCX -----------------------------------------------------------------------------------------


class DocxDocument:
    """A Word document built only from structure: headings, paragraphs, tables."""

    def __init__(self, title: str, lang: str | None = None):
        import docx

        self.title = title
        self.lang = document_language(lang)
        self.document = docx.Document()
        properties = self.document.core_properties
        properties.title = title
        properties.language = self.lang
        self._set_default_language()

    def _set_default_language(self):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles.insert(0, defaults)
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is None:
            run_defaults = OxmlElement("w:rPrDefault")
            defaults.insert(0, run_defaults)
        run_properties = run_defaults.find(qn("w:rPr"))
        if run_properties is None:
            run_properties = OxmlElement("w:rPr")
            run_defaults.append(run_properties)
        language = run_properties.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            run_properties.append(language)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            language.set(qn(attribute), self.lang)

    def heading(self, text: str, level: int = 1):
        """A heading in Word's "Heading <level>" style (level 0: the "Title" style)."""
        return self.document.add_heading(text, level)

    def paragraph(self, text: str = ""):
        return self.document.add_paragraph(text)

    def table(self, header: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = ""):
        """A table whose first row is its header row, repeated on every page."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        header_row = table.rows[0]
        row_properties = header_row._tr.get_or_add_trPr()
        marker = OxmlElement("w:tblHeader")
        marker.set(qn("w:val"), "true")
        row_properties.append(marker)
        for cell, text in zip(header_row.cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(str(text)).bold = True
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = "" if value is None else str(value)
        if caption:
            caption_element = OxmlElement("w:tblCaption")
            caption_element.set(qn("w:val"), caption)
            table._tbl.tblPr.append(caption_element)
        return table

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def docx_document(title: str, lang: str | None = None) -> DocxDocument:
    return DocxDocument(title, lang)


def docx_response(document: DocxDocument, filename: str) -> HttpResponse:
    return file_response(document.to_bytes(), DOCX, filename)


# XLSX -----------------------------------------------------------------------------------------

_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def xlsx_workbook(
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    lang: str | None = None,
    sheet: str | None = None,
):
    """A workbook of one sheet: the header row frozen, repeated on print, an Excel table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.language = document_language(lang)
    worksheet = workbook.active
    worksheet.title = (sheet or title).translate(_SHEET_NAME_FORBIDDEN).strip()[:31] or "Ark1"
    worksheet.append([str(h) for h in header])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for count, values in enumerate(rows, start=1):
        worksheet.append(list(values))
        for cell in worksheet[count + 1]:
            if cell.data_type == "f":  # user text beginning with "=" stays text
                cell.data_type = "s"
    worksheet.freeze_panes = "A2"
    worksheet.print_title_rows = "1:1"
    last = f"{get_column_letter(len(header))}{max(count, 1) + 1}"
    table = Table(displayName="Data", ref=f"A1:{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    worksheet.add_table(table)
    for index, heading in enumerate(header, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = max(10, len(str(heading)) + 4)
    return workbook


class UnreadableSpreadsheet(ValueError):
    """The upload is not an XLSX workbook openpyxl can read."""


def xlsx_rows(data: bytes, *, max_rows: int) -> list[list[Any]]:
    """The first sheet's rows as values (dates as date/datetime), for an import; at most
    `max_rows` + 1 rows are read, so a huge upload costs no more than that."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # zipfile, XML and openpyxl's own errors: all mean "not readable"
        raise UnreadableSpreadsheet(str(e)) from e
    try:
        rows = []
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > max_rows + 1:
                break
        return rows
    finally:
        workbook.close()


def xlsx_response(workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return file_response(buffer.getvalue(), XLSX, filename)
