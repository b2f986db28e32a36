"""In a real browser: a case worker writes a journal note with an attachment (a refused file
first, its Danish message and the kept text), opens it, and sees it on the case file; every
page checked by axe-core at 1280 and 390 px (jobbro/tests/test_browser.py's Pages)."""

import pytest
from django.urls import reverse

from jobbro.journal.models import JournalNote
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 (the fixture)

from .factories import PDF_BYTES

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Samtale om praktik i kantinen. Borgeren vil gerne starte i næste uge."


def test_case_worker_writes_a_note_with_an_attachment(
    page,  # noqa: F811 (the fixture imported above)
    live_server,
    people,
    citizens,
    tmp_path,
):
    from playwright.sync_api import expect

    fatima = citizens["fatima"]
    pages = Pages(page, "journal", phones=True)
    log_in(page, pages, "alice")
    page.goto(reverse("citizens:detail", args=[fatima.pk]))
    page.get_by_role("link", name="Skriv journalnotat").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skriv journalnotat")
    pages.check("note-form")

    fake = tmp_path / "faktura.pdf"
    fake.write_bytes(b"MZ this is a program")
    page.get_by_label("Type").select_option(label="Telefon")
    page.get_by_label("Notat").fill(TEXT)
    page.get_by_label("Bilag").set_input_files([str(fake)])
    page.get_by_role("button", name="Gem notatet").click()
    expect(page.get_by_role("alert")).to_contain_text("»faktura.pdf« hedder en PDF-fil")
    expect(page.get_by_label("Notat")).to_have_value(TEXT)
    pages.check("note-refused")

    real = tmp_path / "aftale.pdf"
    real.write_bytes(PDF_BYTES)
    page.get_by_label("Bilag").set_input_files([str(real)])
    page.get_by_role("button", name="Gem notatet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Telefon")
    note = JournalNote.objects.get()
    assert note.text == TEXT and note.attachments.count() == 1
    pages.check("note")
    with page.expect_download() as download:
        page.get_by_role("link", name="aftale.pdf").click()
    assert download.value.suggested_filename == "aftale.pdf"

    page.goto(reverse("citizens:detail", args=[fatima.pk]))
    expect(page.get_by_role("list").filter(has_text="Journal: Telefon")).to_be_visible()
    page.get_by_role("link", name="Se journalen (1 notat)").click()
    expect(page.get_by_role("table", name="Journalnotater")).to_contain_text(TEXT[:40])
    pages.check("journal")
