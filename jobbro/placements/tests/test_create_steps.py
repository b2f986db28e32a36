"""A new placement in few steps: the company by typing, that company's openings only, kind,
dates and hours from the opening, and the legal warnings before and after saving."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.companies.models import OpeningKind
from jobbro.placements.models import PlacementKind, PlacementStatus
from jobbro.placements.tests.factories import make_company, make_opening, make_placement

pytestmark = pytest.mark.django_db


def create_url(citizen):
    return reverse("placements:create", kwargs={"pk": citizen.pk})


@pytest.fixture
def bank():
    rengoering = make_company("Hedensted Rengøring ApS")
    bageri = make_company("Juelsminde Bageri")
    return {
        "rengoering": rengoering,
        "bageri": bageri,
        "praktik": make_opening(rengoering, title="Praktik i rengøring"),
        "bager": make_opening(bageri, title="Praktik i bageriet"),
    }


def test_it_finds_the_company_by_typing_and_shows_only_its_openings(client, people, citizens, bank):
    client.force_login(people["alice"])
    page = client.get(create_url(citizens["fatima"]), {"q": "rengør"}, HTTP_HX_REQUEST="true")
    body = page.content.decode()
    # One company matches: it is chosen, and its openings (only its) are offered.
    assert (
        f'value="{bank["rengoering"].pk}" id="id_company_{bank["rengoering"].pk}" checked' in body
    )
    assert "Praktik i rengøring" in body
    assert "Praktik i bageriet" not in body
    assert "Juelsminde Bageri" not in body


def test_it_lists_several_matches_to_choose_from(client, people, citizens, bank):
    client.force_login(people["alice"])
    body = client.get(create_url(citizens["fatima"]), {"q": "e"}).content.decode()
    assert "Hedensted Rengøring ApS" in body and "Juelsminde Bageri" in body
    assert " checked" not in body.split('id="placement-details"')[0].split("id_opening_none")[0]
    assert "Åbning i jobbanken" not in body  # no company chosen yet


def test_it_prefills_kind_dates_and_hours_from_the_opening(client, people, citizens, bank):
    opening = bank["praktik"]
    opening.kind = OpeningKind.WAGE_SUBSIDY
    opening.starts_on = timezone.localdate() + dt.timedelta(days=7)
    opening.ends_on = opening.starts_on + dt.timedelta(weeks=26)
    opening.hours_per_week = Decimal("30")
    opening.save()
    client.force_login(people["alice"])
    response = client.get(
        create_url(citizens["fatima"]), {"company": bank["rengoering"].pk, "opening": opening.pk}
    )
    form = response.context["form"]
    assert form["kind"].value() == PlacementKind.WAGE_SUBSIDY
    assert form["starts_on"].value() == opening.starts_on
    assert form["ends_on"].value() == opening.ends_on
    assert form["hours_per_week"].value() == Decimal("30")
    # Wage subsidy: the merbeskæftigelseskrav's unknowns are said before saving.
    assert "merbeskæftigelseskravet" in response.content.decode()


def test_it_warns_of_the_reasonableness_ratio_before_and_after_saving(
    client, people, citizens, bank
):
    company = bank["rengoering"]
    company.ordinary_employees = 4  # allows 1
    company.save()
    make_placement(citizens["yonas"], company, opening=bank["praktik"])  # "1 af højst 1"
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    form_page = client.get(
        create_url(fatima), {"company": company.pk, "opening": bank["praktik"].pk}
    ).content.decode()
    assert "Rimelighedskravet er overskredet: 2 i praktik eller løntilskud" in form_page
    response = client.post(
        create_url(fatima),
        {
            "company": company.pk,
            "opening": bank["praktik"].pk,
            "kind": PlacementKind.INTERNSHIP,
            "status": PlacementStatus.ACTIVE,
            "starts_on": timezone.localdate().strftime("%d.%m.%Y"),
            "hours_per_week": "20",
            "paid_hours_per_week": "0",
        },
    )
    assert response.status_code == 302  # a warning, never a refusal: the jobcentre decides
    detail = client.get(response["Location"]).content.decode()
    assert "Rimelighedskravet er overskredet: 2 i praktik eller løntilskud" in detail


def test_it_keeps_the_choice_when_the_save_is_refused(client, people, citizens, bank):
    client.force_login(people["alice"])
    response = client.post(
        create_url(citizens["fatima"]),
        {"q": "rengør", "company": bank["rengoering"].pk, "kind": "", "starts_on": "31.02.2026"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vælg typen af forløb." in body
    assert f'id="id_company_{bank["rengoering"].pk}" checked' in body
    assert not citizens["fatima"].placements.exists()
