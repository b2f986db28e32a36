"""The job bank's writes, called directly: companies.services."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobbro.companies import services
from jobbro.companies.models import (
    BarometerReadiness,
    BarometerSurvey,
    Channel,
    Company,
    ContactLogEntry,
    Demand,
    Opening,
    OpeningKind,
)

pytestmark = pytest.mark.django_db


def test_it_makes_the_consultant_key_account_of_a_company_they_create(people):
    company = services.company_create(
        company=Company(cvr="10000009", name="Stouby Smedie", sector="private"),
        by=people["konrad"],
    )
    assert company.key_account == people["konrad"]
    assert company.partnership_changes.get().changed_by == people["konrad"]

    by_ambassador = services.company_create(
        company=Company(cvr="10000017", name="Hornsyld Bageri", sector="private"),
        by=people["amir"],
    )
    assert by_ambassador.key_account is None


def test_it_records_who_added_log_entries_and_barometer_answers(people, company):
    entry = services.contact_log_add(
        item=ContactLogEntry(company=company, channel=Channel.CALL, text="Aftalt besøg"),
        by=people["konrad"],
    )
    survey = services.survey_add(
        item=BarometerSurvey(
            company=company,
            surveyed_on=timezone.localdate(),
            expected_openings=2,
            readiness=BarometerReadiness.READY,
        ),
        by=people["amir"],
    )
    assert (entry.by, survey.recorded_by) == (people["konrad"], people["amir"])


def test_it_gives_demand_the_companys_industry_when_none_is_given(people, company):
    demand = services.demand_add(
        item=Demand(company=company, job_type="Rengøringsassistent", people=2),
        by=people["konrad"],
    )
    assert demand.industry_code == "812100"


def test_it_refuses_an_opening_without_a_place(people, company):
    with pytest.raises(ValidationError) as e:
        services.opening_create(
            opening=Opening(
                company=company,
                kind=OpeningKind.INTERNSHIP,
                title="Praktik",
                capacity=0,
                hours_per_week=Decimal(20),
            ),
            by=people["konrad"],
        )
    assert e.value.message_dict["capacity"] == ["Der skal være mindst 1 plads."]
    assert not Opening.objects.exists()
