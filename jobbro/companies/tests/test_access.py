import pytest
from django.urls import reverse

from jobbro.companies import access
from jobbro.companies.models import Contact, ContactLogEntry, OpeningKind, PartnershipStatus

from .conftest import make_opening

pytestmark = pytest.mark.django_db


def test_it_lets_a_consultant_read_but_not_change_a_colleagues_company(
    client, people, other_company
):
    client.force_login(people["konrad"])
    assert client.get(reverse("companies:detail", args=[other_company.pk])).status_code == 200
    for name in ("edit", "partnership", "opening_create", "log_create", "contact_create"):
        response = client.get(reverse(f"companies:{name}", args=[other_company.pk]))
        assert response.status_code == 403, name
    opening = make_opening(other_company)
    assert client.get(reverse("companies:opening_edit", args=[opening.pk])).status_code == 403


def test_it_keeps_contact_persons_off_the_case_workers_page(client, people, company):
    Contact.objects.create(company=company, name="Hanne Krogh", phone="75 12 34 56")
    ContactLogEntry.objects.create(
        company=company, by=people["konrad"], channel="call", text="Aftalt besøg"
    )
    url = reverse("companies:detail", args=[company.pk])
    client.force_login(people["alice"])
    page = client.get(url).content.decode()
    assert "Hanne Krogh" not in page and "75 12 34 56" not in page and "Aftalt besøg" not in page
    client.force_login(people["amir"])
    page = client.get(url).content.decode()
    assert "Hanne Krogh" in page and "Aftalt besøg" in page


def test_it_shows_managers_no_company_one_by_one(people, company):
    assert not access.companies_for(people["lene"]).exists()
    assert not access.companies_for(people["tove"]).exists()
    assert access.companies_for(people["alice"]).count() == 1


def test_it_records_who_changed_the_partnership_and_why(client, people, company):
    client.force_login(people["konrad"])
    url = reverse("companies:partnership", args=[company.pk])
    response = client.post(url, {"status": PartnershipStatus.PAUSED, "reason": ""})
    assert "Skriv hvorfor samarbejdet sættes på pause eller afsluttes." in response.content.decode()
    company.refresh_from_db()
    assert company.partnership_status == PartnershipStatus.ACTIVE
    client.post(url, {"status": PartnershipStatus.PAUSED, "reason": "Travl sæson"})
    company.refresh_from_db()
    assert company.partnership_status == PartnershipStatus.PAUSED
    last = company.partnership_changes.first()
    assert (last.status, last.changed_by, last.reason) == (
        "paused",
        people["konrad"],
        "Travl sæson",
    )
    assert company.partnership_changes.count() == 2


def test_it_warns_when_a_new_internship_exceeds_the_ratio(client, people, company):
    company.ordinary_employees = 4  # allows 1
    company.save()
    client.force_login(people["konrad"])
    data = {"kind": OpeningKind.INTERNSHIP, "title": "Rengøring", "capacity": "2", "is_open": "on"}
    response = client.post(
        reverse("companies:opening_create", args=[company.pk]), data, follow=True
    )
    page = response.content.decode()
    assert "Åbningen er oprettet." in page
    assert (
        "Rimelighedskravet er overskredet: 2 i praktik eller løntilskud med 4 ordinært ansatte"
        in page
    )
    assert company.openings.count() == 1  # a warning, not a refusal


def test_it_does_not_warn_for_ordinary_jobs(client, people, company):
    company.ordinary_employees = 1
    company.save()
    client.force_login(people["konrad"])
    data = {"kind": OpeningKind.ORDINARY, "title": "Rengøring", "capacity": "5", "is_open": "on"}
    page = client.post(
        reverse("companies:opening_create", args=[company.pk]), data, follow=True
    ).content.decode()
    assert "Rimelighedskravet" not in page


def test_it_refuses_an_opening_that_ends_before_it_starts(client, people, company):
    client.force_login(people["konrad"])
    data = {
        "kind": OpeningKind.IGU,
        "title": "IGU-elev",
        "capacity": "1",
        "starts_on": "01.03.2027",
        "ends_on": "01.02.2027",
    }
    response = client.post(reverse("companies:opening_create", args=[company.pk]), data)
    assert "Slutdatoen kan ikke ligge før startdatoen." in response.content.decode()
    assert not company.openings.exists()


def test_it_lists_and_filters_companies(client, people, company, other_company):
    client.force_login(people["alice"])
    page = client.get(reverse("companies:list"), {"industry": "81"}).content.decode()
    assert company.name in page and other_company.name not in page
    page = client.get(reverse("companies:list"), {"q": "29189"}).content.decode()
    assert company.name in page and other_company.name not in page
    page = client.get(reverse("companies:list"), {"key_account": other_company.key_account_id})
    assert other_company.name in page.content.decode()


def test_it_shows_a_consultant_their_companies_on_the_front_page(client, people, company):
    make_opening(company, capacity=2)
    client.force_login(people["konrad"])
    response = client.get(reverse("front:home"))
    assert (response.context["key_accounts"], response.context["free_places"]) == (1, 1)
    assert "Dine virksomheder" in response.content.decode()
