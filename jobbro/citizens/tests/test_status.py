"""The case's status history: status as of a date, computed in the database; closed cases
leave lists and flags but stay findable."""

import datetime as dt

import pytest
from django.utils import timezone

from jobbro.citizens.models import Citizen
from jobbro.citizens.status import CaseStatus, ClosingReason, PauseReason, StatusPeriod

D = dt.date


def period(citizen, status, starts_on, ends_on=None, **extra):
    return StatusPeriod.objects.create(
        citizen=citizen, status=status, starts_on=starts_on, ends_on=ends_on, **extra
    )


def status_on(citizen, day):
    return Citizen.objects.status_as_of(day).get(pk=citizen.pk).status_on


@pytest.mark.django_db
def test_the_status_as_of_a_past_date_follows_the_history(citizens):
    fatima = citizens["fatima"]
    period(
        fatima, CaseStatus.PAUSED, D(2026, 3, 1), D(2026, 8, 31), pause_reason=PauseReason.MATERNITY
    )
    period(fatima, CaseStatus.CLOSED, D(2026, 10, 1), closing_reason=ClosingReason.ORDINARY_JOB)
    period(fatima, CaseStatus.ACTIVE, D(2026, 11, 15), note="Mistede jobbet")

    assert status_on(fatima, D(2026, 2, 28)) == CaseStatus.ACTIVE  # nothing recorded yet
    assert status_on(fatima, D(2026, 3, 1)) == CaseStatus.PAUSED
    assert status_on(fatima, D(2026, 8, 31)) == CaseStatus.PAUSED  # "til og med"
    assert status_on(fatima, D(2026, 9, 1)) == CaseStatus.ACTIVE  # the pause ran out
    assert status_on(fatima, D(2026, 10, 1)) == CaseStatus.CLOSED
    assert status_on(fatima, D(2026, 11, 14)) == CaseStatus.CLOSED
    assert status_on(fatima, D(2026, 11, 15)) == CaseStatus.ACTIVE  # reopened
    # Other citizens are active throughout, in the same query.
    statuses = dict(
        Citizen.objects.status_as_of(D(2026, 10, 2)).values_list("first_name", "status_on")
    )
    assert statuses == {"Fatima": "closed", "Yonas": "active", "Omar": "active"}


@pytest.mark.django_db
def test_a_later_decision_covers_an_earlier_one_from_its_date(citizens):
    yonas = citizens["yonas"]
    period(
        yonas, CaseStatus.PAUSED, D(2026, 5, 1), D(2026, 12, 31), pause_reason=PauseReason.ILLNESS
    )
    period(yonas, CaseStatus.CLOSED, D(2026, 6, 1), closing_reason=ClosingReason.REPATRIATED)

    assert status_on(yonas, D(2026, 5, 31)) == CaseStatus.PAUSED
    assert status_on(yonas, D(2026, 7, 1)) == CaseStatus.CLOSED
    assert Citizen.objects.closed_cases(D(2026, 7, 1)).get() == yonas
    assert list(Citizen.objects.closed_cases(D(2026, 5, 31))) == []


@pytest.mark.django_db
def test_a_closed_case_leaves_the_96_hour_flag(citizens):
    omar = citizens["omar"]
    omar.settled_at = timezone.now() - dt.timedelta(days=5)
    omar.save()
    assert list(Citizen.objects.awaiting_effort()) == [omar]
    assert omar.is_awaiting_effort

    period(omar, CaseStatus.CLOSED, timezone.localdate(), closing_reason=ClosingReason.DECEASED)

    assert list(Citizen.objects.awaiting_effort()) == []
    assert not Citizen.objects.get(pk=omar.pk).is_awaiting_effort


def listed(response):
    assert response.status_code == 200
    return [c.first_name for c in response.context["page"].object_list]


def search(client, **data):
    response = client.post("/borgere/", data)
    return client.get(response.url)


@pytest.mark.django_db
def test_a_closed_case_leaves_the_list_but_is_found_by_filter_and_search(client, people, citizens):
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    period(fatima, CaseStatus.CLOSED, D(2026, 1, 5), closing_reason=ClosingReason.FLEXJOB)

    assert listed(client.get("/borgere/")) == ["Yonas"]
    assert listed(search(client, status="closed")) == ["Fatima"]
    assert listed(search(client, q="Haddad")) == ["Fatima"]
    assert listed(search(client, q="010190-1236")) == ["Fatima"]
    assert listed(search(client, status="active", q="Haddad")) == []
    assert listed(search(client, status="all")) == ["Fatima", "Yonas"]
    assert "Lukket" in search(client, status="closed").content.decode()


@pytest.mark.django_db
def test_the_database_refuses_a_closing_without_its_reason(citizens):
    from django.db import IntegrityError, transaction

    fatima = citizens["fatima"]
    for bad in (
        {"status": CaseStatus.CLOSED},
        {"status": CaseStatus.PAUSED},
        {"status": CaseStatus.CLOSED, "closing_reason": ClosingReason.MOVED},
        {"status": CaseStatus.CLOSED, "closing_reason": ClosingReason.OTHER},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            StatusPeriod.objects.create(citizen=fatima, starts_on=D(2026, 1, 1), **bad)
