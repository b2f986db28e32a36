import pytest
from django.urls import reverse

from jobbro.companies.models import Company, PartnershipChange, PartnershipStatus

pytestmark = pytest.mark.django_db

VALID = {
    "cvr": "29 18 95 87",
    "name": "Tørring Slagteri A/S",
    "sector": "private",
    "industry_code": "101110",
    "address": "Stationsvej 4",
    "postcode": "7160",
    "town": "Tørring",
    "ordinary_employees": "40",
}


def _post(client, user, **changes):
    client.force_login(user)
    return client.post(reverse("companies:create"), {**VALID, **changes})


def test_it_creates_a_company_with_its_first_history(client, people):
    response = _post(client, people["konrad"])
    company = Company.objects.get()
    assert response.status_code == 302
    assert company.cvr == "29189587"
    assert company.key_account == people["konrad"]  # the consultant who registers it
    change = PartnershipChange.objects.get(company=company)
    assert (change.status, change.changed_by) == (PartnershipStatus.ACTIVE, people["konrad"])


@pytest.mark.parametrize(
    ("cvr", "message"),
    [
        ("2918958", "CVR-nummeret skal bestå af 8 cifre."),
        ("29189588", "CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke)."),
        ("09189587", "Et CVR-nummer kan ikke begynde med 0."),
        ("", "Skriv virksomhedens CVR-nummer."),
    ],
)
def test_it_refuses_an_invalid_cvr_in_danish(client, people, cvr, message):
    response = _post(client, people["amir"], cvr=cvr)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Company.objects.exists()


def test_it_refuses_a_duplicate_cvr(client, people, company):
    response = _post(client, people["amir"], cvr=company.cvr)
    assert "Der findes allerede en virksomhed med dette CVR-nummer" in response.content.decode()
    assert Company.objects.count() == 1


def test_it_keeps_the_cvr_when_editing(client, people, company):
    client.force_login(people["konrad"])
    data = {**VALID, "cvr": company.cvr, "name": "Nyt navn ApS", "version": company.version}
    response = client.post(reverse("companies:edit", args=[company.pk]), data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Nyt navn ApS"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("industry_code", "123", "Branchekoden skal være en 6-cifret DB07-kode"),
        ("industry_code", "000000", "Branchekoden skal være en 6-cifret DB07-kode"),
        ("postcode", "71600", "Postnummeret skal bestå af 4 cifre."),
        ("ordinary_employees", "mange", "Antal ansatte skal være et helt tal."),
        ("sector", "", "Vælg om virksomheden er privat eller offentlig."),
    ],
)
def test_it_refuses_bad_fields_in_danish(client, people, field, value, message):
    response = _post(client, people["amir"], **{field: value})
    assert message in response.content.decode()
    assert not Company.objects.exists()


def test_it_accepts_a_code_not_shipped_under_a_known_main_group(client, people):
    _post(client, people["amir"], industry_code="101190")
    assert Company.objects.get().industry_code == "101190"
