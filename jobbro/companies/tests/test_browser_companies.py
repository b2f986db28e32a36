"""In a real browser: a company consultant registers a company and an internship opening.

The first step of issue 3's scenario. Every page visited is checked by axe-core and
screenshotted (see jobbro/tests/test_browser.py for the set-up).
"""

import re

import pytest

from jobbro.companies.models import Company, OpeningKind
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_registers_a_company_and_an_internship(page, people):  # noqa: F811
    from playwright.sync_api import expect

    pages = Pages(page, "companies")
    log_in(page, pages, "konrad")

    page.get_by_role("link", name="Virksomheder", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Virksomheder")
    pages.check("list")
    page.get_by_role("link", name="Opret virksomhed").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret virksomhed")
    pages.check("create")

    page.get_by_label("CVR-nummer").fill("29189588")  # wrong check digit
    page.get_by_label("Navn", exact=True).fill("Juelsminde Køkken ApS")
    page.get_by_label("Sektor").select_option("private")
    page.get_by_label("Branchekode (DB07)").fill("561010")
    page.get_by_label("Adresse").fill("Havnevej 3")
    page.get_by_label("Postnummer").fill("7130")
    page.get_by_label(re.compile(r"^By")).fill("Juelsminde")
    page.get_by_label(re.compile(r"^Ordinært ansatte")).fill("12")
    page.get_by_role("button", name="Opret virksomhed").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke)."
    )
    pages.check("create-invalid-cvr")
    assert not Company.objects.exists()

    page.get_by_label("CVR-nummer").fill("29189587")
    page.get_by_role("button", name="Opret virksomhed").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Juelsminde Køkken ApS")
    expect(page.get_by_text("561010 Restauranter")).to_be_visible()
    pages.check("detail")
    company = Company.objects.get()
    assert company.key_account == people["konrad"]

    page.get_by_role("link", name="Opret åbning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret åbning")
    pages.check("opening-create")
    page.get_by_label("Type").select_option(OpeningKind.INTERNSHIP)
    page.get_by_label("Titel").fill("Køkkenmedhjælper")
    page.get_by_label("Antal pladser").fill("2")
    page.get_by_label("Timer pr. uge").fill("20")
    page.get_by_label("Krav til dansk").select_option("basic")
    page.get_by_role("button", name="Opret åbning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Køkkenmedhjælper")
    expect(page.get_by_role("status").first).to_contain_text("Åbningen er oprettet.")
    pages.check("opening-detail")
    opening = company.openings.get()
    assert (opening.kind, opening.capacity) == (OpeningKind.INTERNSHIP, 2)

    page.get_by_role("link", name="Ledig kapacitet", exact=True).first.click()
    expect(page.get_by_role("link", name="Køkkenmedhjælper")).to_be_visible()
    pages.check("capacity")
