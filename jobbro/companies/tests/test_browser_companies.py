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


def test_it_has_no_axe_violations_on_the_other_job_bank_pages(page, people):  # noqa: F811
    import datetime as dt

    from jobbro.companies.models import (
        BarometerSurvey,
        Contact,
        ContactLogEntry,
        Demand,
        Opening,
        PartnershipChange,
    )

    company = Company.objects.create(
        cvr="29189587", name="Hotel Stouby", sector="private", industry_code="551010",
        town="Stouby", key_account=people["konrad"], ordinary_employees=4,
    )  # fmt: skip
    PartnershipChange.objects.create(company=company, status="active", changed_by=people["amir"])
    contact = Contact.objects.create(company=company, name="Lone Bach", role="Hotelchef")
    ContactLogEntry.objects.create(
        company=company, by=people["amir"], channel="visit", contact=contact, text="Besøg"
    )
    Demand.objects.create(company=company, job_type="Stuepige", industry_code="551010", people=2)
    BarometerSurvey.objects.create(
        company=company, surveyed_on=dt.date(2026, 9, 15), expected_openings=3, readiness="ready"
    )
    wage = Opening.objects.create(
        company=company, kind=OpeningKind.WAGE_SUBSIDY, title="Kok", capacity=3
    )
    pages = Pages(page, "jobbank")
    log_in(page, pages, "amir")
    for name, path in (
        ("detail", f"/virksomheder/{company.pk}/"),
        ("opening-warnings", f"/virksomheder/aabninger/{wage.pk}/"),
        ("opening-edit", f"/virksomheder/aabninger/{wage.pk}/ret/"),
        ("edit", f"/virksomheder/{company.pk}/ret/"),
        ("partnership", f"/virksomheder/{company.pk}/samarbejde/"),
        ("contact", f"/virksomheder/{company.pk}/kontaktpersoner/ny/"),
        ("log", f"/virksomheder/{company.pk}/kontaktlog/ny/"),
        ("demand-create", f"/virksomheder/{company.pk}/efterspoergsel/ny/"),
        ("survey", f"/virksomheder/{company.pk}/jobbarometer/ny/"),
        ("capacity", "/virksomheder/ledig-kapacitet/"),
        ("demand", "/virksomheder/efterspoergsel/"),
        ("barometer", "/virksomheder/jobbarometer/"),
    ):
        page.goto(path)
        pages.check(name)
    page.goto(f"/virksomheder/{company.pk}/samarbejde/")
    page.get_by_label("Ny status").select_option("paused")
    page.get_by_role("button", name="Gem").click()
    from playwright.sync_api import expect

    expect(page.get_by_role("alert")).to_contain_text(
        "Skriv hvorfor samarbejdet sættes på pause eller afsluttes."
    )
    pages.check("partnership-error")
