"""End to end in Chromium: a case worker places a citizen in an internship, the ambassador
follows up, and the internship ends only after the conversation (seed 000 line ~287).
Every page is checked by axe-core (pattern and fixtures of jobbro/tests/test_browser.py)."""

import pytest
from django.utils import timezone

from jobbro.companies.models import Sector
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus
from jobbro.placements.tests.factories import make_company, make_opening, make_placement
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)

REFUSAL = (
    "En virksomhedspraktik kan ikke afsluttes uden en samtale med ambassadøren og virksomheden."
)


def log_out(browser_page):
    browser_page.get_by_role("button", name="Log af").click()


def test_an_internship_from_placement_to_ending(page, live_server, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    fatima = citizens["fatima"]
    # The job bank's company and opening (registered in the companies engineer's pages).
    company = make_company("Hedensted Rengøring ApS", Sector.PRIVATE, key_account=people["konrad"])
    make_opening(company, title="Praktik i rengøring")
    # Fatima already follows a VUC course: step 6 until she is placed higher.
    make_placement(fatima, None, kind=PlacementKind.EDUCATION, weeks_ago=10)

    pages = Pages(page, "placements")
    log_in(page, pages, "alice")
    page.goto(f"/borgere/{fatima.pk}/")
    section = page.locator("#placements + p")
    expect(section).to_contain_text("Trin 6: Uddannelse (VUC, FVU)")
    pages.check("case-file-before")

    page.get_by_role("link", name="Opret forløb").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nyt forløb for Fatima Haddad")
    page.get_by_label("Virksomhed", exact=True).fill("Hedensted Rengøring")
    page.get_by_role("group", name="Åbning i jobbanken").get_by_label("Praktik i rengøring").check()
    expect(page.get_by_label("Type")).to_have_value(PlacementKind.INTERNSHIP)
    page.get_by_label("Ambassadør").select_option(label="Amir")
    page.locator("#id_hours_per_week").fill("20")
    pages.check("placement-form")
    page.get_by_role("button", name="Opret forløb").click()
    expect(page.get_by_text("Forløbet er oprettet.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hedensted Rengøring ApS")
    pages.check("placement")
    page.get_by_role("link", name="Til borgerens sag").click()
    expect(section).to_contain_text("Trin 4: Virksomhedspraktik i privat virksomhed")
    pages.check("case-file-placed")
    placement = Placement.objects.get(citizen=fatima, kind=PlacementKind.INTERNSHIP)
    log_out(page)

    # The ambassador makes the plan, which schedules a follow-up, and records it.
    log_in(page, pages, "amir")
    page.goto(f"/forloeb/{placement.pk}/")
    page.get_by_role("link", name="Lav en plan").click()
    page.get_by_label("Mål for forløbet").fill("Lære rutinerne og tale dansk i pauserne.")
    page.get_by_label("Opfølgning hver (dage)").fill("7")
    page.get_by_label("Opfølgning som").select_option(label="Besøg")
    pages.check("plan-form")
    page.get_by_role("button", name="Opret planen").click()
    expect(page.get_by_text("Planen er gemt.")).to_be_visible()
    page.get_by_role("table", name="Opfølgninger i forløbet").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrér opfølgning")
    page.get_by_label("Notat fra opfølgningen").fill(
        "Besøg: trives, men vil gerne have flere timer."
    )
    pages.check("follow-up-form")
    page.get_by_role("button", name="Registrér opfølgningen").click()
    expect(
        page.get_by_text("Opfølgningen er registreret, og den næste er planlagt.")
    ).to_be_visible()
    assert placement.follow_ups.filter(done_on__isnull=False).count() == 1
    assert placement.follow_ups.filter(done_on__isnull=True).count() == 1
    pages.check("placement-followed-up")

    # Ending the internship without the conversation is refused, in Danish.
    page.get_by_role("link", name="Afslut forløbet").click()
    # The page says what is needed before anyone tries.
    expect(page.get_by_role("status").filter(has_text=REFUSAL)).to_contain_text(REFUSAL)
    page.get_by_label("Hvorfor slutter forløbet").select_option(label="Uddannelse")
    page.get_by_role("button", name="Afslut forløbet").click()
    expect(page.get_by_role("alert")).to_contain_text(REFUSAL)
    pages.check("end-refused")
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE

    page.get_by_role("link", name="Registrér samtalen").click()
    page.get_by_label("Deltager fra virksomheden").fill("Lise Holm, rengøringsleder")
    page.get_by_label("Øvrige deltagere").fill("Fatima, tolk")
    page.get_by_label("Resultat").select_option(label="Praktikken afsluttes")
    page.get_by_label("Hvad blev drøftet og aftalt").fill(
        "Fatima starter på VUC på fuld tid; praktikken slutter efter aftale."
    )
    pages.check("conversation-form")
    page.get_by_role("button", name="Registrér samtalen").click()
    expect(page.get_by_text("Samtalen er registreret.")).to_be_visible()

    page.get_by_role("link", name="Afslut forløbet").click()
    page.get_by_label("Hvorfor slutter forløbet").select_option(label="Uddannelse")
    page.get_by_role("button", name="Afslut forløbet").click()
    expect(page.get_by_text("Forløbet er afsluttet.")).to_be_visible()
    expect(page.get_by_text("Årsag til afslutning")).to_be_visible()
    pages.check("placement-ended")
    placement.refresh_from_db()
    assert (placement.status, placement.ends_on) == (PlacementStatus.ENDED, timezone.localdate())
    assert placement.end_reason == "education"

    page.get_by_role("link", name="Til borgerens sag").click()
    expect(section).to_contain_text("Trin 6: Uddannelse (VUC, FVU)")
    pages.check("case-file-after")
