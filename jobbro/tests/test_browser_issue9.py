"""Issue 9's case file end to end in Chromium, every page checked by axe-core.

A case worker imports 10 citizens from an XLSX (one bad row refused with its Danish
message, then the fixed file imported), opens one of them (benefit, languages, the first
company-based offer's flag), the benefit history, the languages page with its typed filter
and the law's reference data, writes a journal note with an attachment, closes the case as
"moved" to another municipality, and downloads the data-subject PDF, which holds the note.
"""

import io
import re

import pytest
from django.utils import timezone

from jobbro import documents
from jobbro.citizens.models import Citizen
from jobbro.imports import rows as importrows
from jobbro.journal.tests.factories import PDF_BYTES
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 (the page fixture)

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Ringede om praktikken. Borgeren flytter til Vejle i næste måned."

FIRST_NAMES = ["Amina", "Yonas", "Rahel", "Bashar", "Hodan", "Farid", "Selam", "Nour", "Dawit",
               "Layla"]  # fmt: skip


def workbook(path, *, bad_row: bool):
    today = timezone.localdate()
    settled = today.replace(day=1) if today.day > 1 else today
    rows = []
    for i, first in enumerate(FIRST_NAMES):
        values = {
            "cpr": f"0101901{100 + i:03d}", "first_name": first, "last_name": "Importeret",
            "gender": "Kvinde" if i % 2 == 0 else "Mand", "nationality": "Eritrea",
            "languages": "tigrinya (modersmål), arabisk (lidt)", "arrival": "Flygtning",
            "settled_at": settled.strftime("%d.%m.%Y"), "benefit": "Kontanthjælp",
            "rate": "Grundsats", "benefit_from": settled.strftime("%d.%m.%Y"),
        }  # fmt: skip
        if bad_row and i == 2:
            values["nationality"] = "Atlantis"
        rows.append([values.get(c.key, "") for c in importrows.COLUMNS])
    buffer = io.BytesIO()
    documents.xlsx_workbook("Eksport", importrows.headers(), rows).save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_case_worker_imports_ten_citizens_and_downloads_a_data_subject_pdf(
    page,  # noqa: F811
    people,
    tmp_path,
):
    from django.apps import apps
    from playwright.sync_api import expect
    from pypdf import PdfReader

    from jobbro.law import reference

    reference.sync(apps)  # a transactional test before this one flushed the shipped rows
    pages = Pages(page, "issue9")
    log_in(page, pages, "alice")

    page.goto("/borgere/")
    page.get_by_role("link", name="Importér borgere").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importér borgere")
    pages.check("import-start")

    # The file with one bad row: refused with its Danish message, row and column named.
    page.get_by_label("Fil med borgere (XLSX eller CSV)").set_input_files(
        str(workbook(tmp_path / "borgere.xlsx", bad_row=True))
    )
    page.get_by_role("button", name="Indlæs og vis rækkerne").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Række 4, kolonne «Nationalitet»: Ukendt land «Atlantis».")
    expect(page.get_by_role("button", name=re.compile("^Importér"))).to_have_count(0)
    pages.check("import-refused")
    assert not Citizen.objects.exists()

    # Fixed, loaded again and imported: all ten.
    page.get_by_role("link", name="Ny import").click()
    page.get_by_label("Fil med borgere (XLSX eller CSV)").set_input_files(
        str(workbook(tmp_path / "rettet.xlsx", bad_row=False))
    )
    page.get_by_role("button", name="Indlæs og vis rækkerne").click()
    expect(page.get_by_text("10 nye borgere, 0 dubletter, 0 rækker med fejl.")).to_be_visible()
    pages.check("import-preview")
    page.get_by_role("button", name="Importér 10 borgere").click()
    expect(page.get_by_text("10 borgere er importeret.")).to_be_visible()
    pages.check("import-done")
    assert Citizen.objects.filter(last_name="Importeret").count() == 10

    # One of them: the benefit, the languages and the first-offer flag on the case file.
    rahel = Citizen.objects.get(first_name="Rahel")
    page.goto(f"/borgere/{rahel.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rahel Importeret")
    expect(page.locator("main")).to_contain_text("Kontanthjælp, grundsats")
    expect(page.locator("main")).to_contain_text("Tigrinya (modersmål), Arabisk (lidt)")
    expect(page.get_by_text("Første virksomhedsrettede tilbud", exact=False).first).to_be_visible()
    pages.check("case-file")

    page.get_by_role("link", name="Se forsørgelseshistorik").click()
    expect(page.get_by_role("table")).to_contain_text("Grundsats")
    pages.check("benefits")

    page.goto(f"/borgere/{rahel.pk}/sprog/")
    page.get_by_label("Skriv for at filtrere listen").fill("somal")
    expect(page.locator("#id_code option:not([hidden])")).to_have_count(2)  # "Vælg", Somali
    page.get_by_label("Sprog", exact=True).select_option(label="Somali")
    page.get_by_label("Niveau").select_option(label="Godt")
    page.get_by_role("button", name="Gem sprog").click()
    expect(page.get_by_role("table")).to_contain_text("Somali")
    pages.check("languages")

    page.goto("/lov/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lovgrundlag: ydelser og program")
    pages.check("law")

    # A journal note with an attachment (item 1).
    page.goto(f"/borgere/{rahel.pk}/")
    page.get_by_role("link", name="Skriv journalnotat").first.click()
    page.get_by_label("Type").select_option(label="Telefon")
    page.get_by_label("Notat").fill(NOTE)
    attachment = tmp_path / "aftale.pdf"
    attachment.write_bytes(PDF_BYTES)
    page.get_by_label("Bilag").set_input_files([str(attachment)])
    page.get_by_role("button", name="Gem notatet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Telefon")
    expect(page.locator("main")).to_contain_text("aftale.pdf")
    pages.check("journal-note")

    # Closed as moved to another municipality (item 2).
    page.goto(f"/borgere/{rahel.pk}/")
    page.get_by_role("link", name="Luk sagen").first.click()
    page.get_by_label("Afslutningsårsag").select_option(label="Flyttet til anden kommune")
    page.get_by_label("Ny kommune").select_option(label="Vejle Kommune")
    page.get_by_role("button", name="Luk sagen").click()
    expect(page.locator("main")).to_contain_text("Flyttet til anden kommune")
    pages.check("case-closed")

    # The data-subject PDF holds what was imported and what was added since.
    page.goto(f"/borgere/{rahel.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Indsigtsudtræk (PDF)").click()
    text = "".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "Rahel" in text and "Kontanthjælp" in text and "Somali" in text
    flat = " ".join(text.split())
    assert "Ringede om praktikken" in flat and "aftale.pdf" in flat
    assert "Flyttet til anden kommune" in flat
