import datetime as dt

import pytest
from django.urls import reverse

from jobbro.companies.models import BarometerReadiness, BarometerSurvey, Demand, PartnershipStatus

pytestmark = pytest.mark.django_db


def test_it_sums_current_demand_by_industry_and_job_type(client, people, company, other_company):
    Demand.objects.create(
        company=company, job_type="Rengøringsassistent", industry_code="812100", people=3
    )
    Demand.objects.create(
        company=company, job_type="Vinduespudser", industry_code="812210", people=2
    )
    past = dt.date(2020, 1, 1)
    Demand.objects.create(
        company=company, job_type="Gammel", people=9, starts_on=past, ends_on=past
    )
    other_company.partnership_status = PartnershipStatus.ENDED
    other_company.save()
    Demand.objects.create(company=other_company, job_type="Stuepige", people=7)
    client.force_login(people["lene"])
    response = client.get(reverse("companies:demand"))
    assert response.context["total"] == 5
    by_industry = {
        r["group"]: (r["people"], r["companies"]) for r in response.context["by_industry"]
    }
    assert by_industry == {"81": (5, 1)}
    page = response.content.decode()
    assert "81 Serviceydelser i forbindelse med ejendomme samt landskabspleje" in page
    assert "Gammel" not in page and "Stuepige" not in page


def test_it_shows_each_companys_latest_barometer_answer(client, people, company, other_company):
    BarometerSurvey.objects.create(
        company=company,
        surveyed_on=dt.date(2025, 9, 15),
        expected_openings=2,
        readiness=BarometerReadiness.MAYBE,
    )
    BarometerSurvey.objects.create(
        company=company,
        surveyed_on=dt.date(2026, 9, 15),
        expected_openings=5,
        readiness=BarometerReadiness.READY,
    )
    BarometerSurvey.objects.create(
        company=other_company,
        surveyed_on=dt.date(2026, 9, 15),
        expected_openings=1,
        readiness=BarometerReadiness.NOT_READY,
    )
    client.force_login(people["lene"])
    response = client.get(reverse("companies:barometer"))
    assert response.context["totals"] == {"companies": 2, "expected": 6, "ready": 1}
    rows = [(c.name, c.expected) for c in response.context["page"].object_list]
    assert rows == [(company.name, 5), (other_company.name, 1)]
    assert (
        f'href="{reverse("companies:detail", args=[company.pk])}"' not in response.content.decode()
    )


def test_it_refuses_a_second_answer_the_same_day(client, people, company):
    BarometerSurvey.objects.create(
        company=company,
        surveyed_on=dt.date(2026, 9, 15),
        expected_openings=2,
        readiness=BarometerReadiness.READY,
    )
    client.force_login(people["konrad"])
    data = {
        "surveyed_on": "15.09.2026",
        "expected_openings": "3",
        "readiness": BarometerReadiness.READY,
    }
    response = client.post(reverse("companies:survey_create", args=[company.pk]), data)
    assert "Virksomheden har allerede et svar fra denne dag." in response.content.decode()
    assert company.surveys.count() == 1


def test_it_logs_a_contact_with_who_and_what(client, people, company):
    client.force_login(people["amir"])
    data = {"at": "20.11.2026 10:30", "channel": "visit", "text": "Besøg med praktikant"}
    response = client.post(reverse("companies:log_create", args=[company.pk]), data)
    assert response.status_code == 302
    entry = company.contact_log.get()
    assert (entry.by, entry.channel, entry.text) == (
        people["amir"],
        "visit",
        "Besøg med praktikant",
    )
    bad = client.post(reverse("companies:log_create", args=[company.pk]), {**data, "at": "i går"})
    assert "Skriv tidspunktet som dd.mm.åååå tt:mm." in bad.content.decode()
