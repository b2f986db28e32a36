"""In a real browser, issue 11's "Done when": the ambassador opens a citizen's suggestions,
reads the reasons, accepts one (a proposed placement appears), declines another with a
reason, sees both in the evaluation's bands, runs the caseload proposal and sees it beside
greedy with the loss; axe-core on every page (see jobbro/tests/test_browser.py for the
set-up)."""

import pytest
from django.test import override_settings

from jobbro.companies.models import Company, DanishLevel, Opening, OpeningKind, Sector
from jobbro.matching.models import Decision, DecisionKind, MatchProfile, Town, TravelTime
from jobbro.placements.models import Placement, PlacementStatus
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)
# The proposal's task runs at once in the request here; the worker, polling and progress
# are tested in test_proposal.py.
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _world(people, citizens):
    # The shipped towns (migration 0002), unless a transactional test before flushed them.
    hedensted = Town.objects.get_or_create(name="Hedensted")[0]
    losning = Town.objects.get_or_create(name="Løsning")[0]
    TravelTime.objects.update_or_create(
        origin=hedensted,
        destination=losning,
        defaults={"km": 4, "minutes_car": 7, "minutes_public": 20},
    )

    def opening(cvr, name, town, title, code, **extra):
        company = Company.objects.create(
            cvr=cvr, name=name, sector=Sector.PRIVATE, industry_code="562900", town=town
        )
        return Opening.objects.create(
            company=company,
            kind=OpeningKind.INTERNSHIP,
            title=title,
            occupation_code=code,
            capacity=1,
            hours_per_week=25,
            **extra,
        )

    kitchen = opening(
        "29189587",
        "Kantinen Hedensted",
        "Hedensted",
        "Køkkenmedhjælper",
        "9412",
        danish_level=DanishLevel.BASIC,
    )
    hotel = opening("12345674", "Hotel Løsning", "Løsning", "Opvasker", "9412")
    opening("35954716", "Vognmand Løsning", "Løsning", "Chauffør", "8322", driving_licence=True)
    fatima = citizens["fatima"]
    fatima.danish_course, fatima.danish_module = "DU2", 3
    fatima.competences = "Madlavning og opvask"
    fatima.save()
    MatchProfile.objects.create(
        citizen=fatima, town=hedensted, wished_occupations=["9412"], wished_industries=["56", "47"]
    )
    return fatima, kitchen, hotel


@override_settings(TASKS=IMMEDIATE)
def test_the_ambassador_matches_decides_and_proposes(page, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    fatima, kitchen, hotel = _world(people, citizens)
    pages = Pages(page, "matching")
    log_in(page, pages, "amir")

    page.goto("/matchning/")  # the menu may fold it under "Mere" (front's navigation)
    expect(page.get_by_role("heading", level=1)).to_have_text("Matchning: det gode match")
    pages.check("list")
    page.get_by_role("link", name="Fatima Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forslag til Fatima Haddad")
    first = page.get_by_role("listitem").filter(has_text="Køkkenmedhjælper – Kantinen Hedensted")
    expect(first.get_by_role("table", name="Sådan er scoren regnet ud")).to_contain_text(
        "Borgeren ønsker netop 9412 Køkkenhjælp mv."
    )
    left_out = page.get_by_role("table", name="Fravalgte åbninger")
    expect(left_out).to_contain_text("kræver kørekort")
    pages.check("suggestions")

    first.get_by_role("button", name="Acceptér og opret forslag til forløb").click()
    expect(page.get_by_role("status").first).to_contain_text("Forslaget er accepteret")
    placement = Placement.objects.get()
    assert (placement.opening, placement.status) == (kitchen, PlacementStatus.PROPOSED)
    pages.check("accepted")

    second = page.get_by_role("listitem").filter(has_text="Opvasker – Hotel Løsning")
    second.get_by_text("Fravælg med begrundelse").click()
    second.get_by_label("Hvem sagde nej?").select_option("citizen_declined")
    second.get_by_label("Begrundelse").fill("Vil hellere arbejde tæt på hjemmet")
    second.get_by_role("button", name="Gem fravalg").click()
    expect(page.get_by_role("table", name="Beslutninger om forslag")).to_contain_text(
        "Vil hellere arbejde tæt på hjemmet"
    )
    declined = Decision.objects.get(kind=DecisionKind.CITIZEN_DECLINED)
    assert declined.opening == hotel and declined.factors  # the factors as shown
    pages.check("declined")

    # The two decisions in the evaluation's bands (counts under 5 are hidden as such).
    page.get_by_role("link", name="Tilbage til matchning").click()
    page.get_by_role("link", name="Hvordan gik forslagene?").click()
    bands = page.get_by_role("table", name="Efter score")
    expect(bands.get_by_role("row", name="I alt")).to_contain_text("under 5")
    pages.check("evaluation")

    page.go_back()
    page.get_by_role("link", name="Forslag for hele sagsstammen").click()
    pages.check("proposals")
    page.get_by_role("button", name="Beregn et nyt forslag").click()
    table = page.get_by_role("table", name="Den bedste fordeling mod den grådige")
    expect(table).to_contain_text("Grådig (højeste score først)")
    expect(page.get_by_text("Den grådige fordeling taber")).to_be_visible()
    expect(page.get_by_role("table", name="Fordelingen")).to_contain_text("accepteret, ligger fast")
    pages.check("proposal")
    assert Placement.objects.count() == 1  # nothing placed by the proposal

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Fatima Haddad").click()
    pages.check("suggestions-phone")
