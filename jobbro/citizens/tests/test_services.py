"""The case file's writes, called directly: citizens.services."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobbro.citizens import services
from jobbro.citizens.models import Arrival, Citizen, EventKind, Gender

pytestmark = pytest.mark.django_db


def _fields(**extra):
    return {
        "first_name": "Amina",
        "last_name": "Yusuf",
        "gender": Gender.FEMALE,
        "nationality": "SO",
        "arrival": Arrival.REFUGEE,
        **extra,
    }


def test_it_creates_a_citizen_with_its_timeline(people):
    settled = timezone.now() - dt.timedelta(days=1)

    citizen = services.citizen_create(
        by=people["alice"],
        cpr="150690-1234",
        case_worker=people["alice"],
        **_fields(settled_at=settled),
    )

    assert Citizen.objects.with_cpr("1506901234").get() == citizen
    assert citizen.birth_date == dt.date(1990, 6, 15)
    events = {e.kind: e for e in citizen.events.all()}
    assert set(events) == {EventKind.CREATED, EventKind.SETTLED}
    assert events[EventKind.SETTLED].at == settled
    assert events[EventKind.CREATED].actor == people["alice"]


def test_it_refuses_a_citizen_the_model_rules_forbid(people):
    now = timezone.now()
    with pytest.raises(ValidationError) as e:
        services.citizen_create(
            by=people["alice"],
            cpr="150690-1234",
            **_fields(settled_at=now, effort_started_at=now - dt.timedelta(hours=1)),
        )
    assert "effort_started_at" in e.value.message_dict
    assert not Citizen.objects.exists()


def test_it_refuses_a_second_citizen_with_the_same_cpr(people, citizens):
    with pytest.raises(ValidationError):
        services.citizen_create(by=people["alice"], cpr="010190-1236", **_fields())
    assert Citizen.objects.count() == 3


def test_it_names_the_changed_fields_and_records_them(people, citizens):
    fatima = citizens["fatima"]

    changed = services.citizen_change(
        citizen=fatima,
        by=people["alice"],
        version=fatima.version,
        cpr=fatima.cpr,
        phone="11223344",
        readiness="job_ready",
        first_name=fatima.first_name,
    )

    assert changed == ["phone", "readiness"]
    event = fatima.events.get(kind=EventKind.CHANGED)
    assert (event.text, event.actor) == ("Telefon, Visitation", people["alice"])
    fatima.refresh_from_db()
    assert fatima.phone == "11223344"


def test_it_records_nothing_when_nothing_changed(people, citizens):
    fatima = citizens["fatima"]

    changed = services.citizen_change(
        citizen=fatima, by=people["alice"], version=1, cpr=fatima.cpr, phone=fatima.phone
    )

    assert changed == []
    assert not fatima.events.exists()


def test_it_records_a_new_case_worker_and_a_new_cpr(people, citizens):
    fatima = citizens["fatima"]

    changed = services.citizen_change(
        citizen=fatima,
        by=people["alice"],
        version=1,
        cpr="010190-1244",
        case_worker=people["bob"],
    )

    assert changed == ["cpr", "case_worker"]
    assert fatima.events.get(kind=EventKind.CASE_WORKER).text == "Bob"
    assert Citizen.objects.with_cpr("0101901244").get() == fatima


def test_it_starts_the_effort_once(people, citizens):
    omar = citizens["omar"]
    at = timezone.now() - dt.timedelta(hours=3)

    assert services.citizen_effort_start(citizen=omar, by=people["carol"], at=at) is True
    assert services.citizen_effort_start(citizen=omar, by=people["carol"]) is False

    omar.refresh_from_db()
    assert omar.effort_started_at == at
    assert omar.events.filter(kind=EventKind.EFFORT_STARTED).count() == 1
    assert omar not in Citizen.objects.awaiting_effort()
