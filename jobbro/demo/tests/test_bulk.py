"""The demo's bulk writes (demo/bulk.py) store what the ORM's own save stores."""

import datetime as dt

import pytest
from django.utils import timezone

from jobbro.citizens.models import Citizen, EventKind, Gender, TimelineEvent
from jobbro.conftest import make_citizen
from jobbro.demo import bulk

pytestmark = pytest.mark.django_db


def test_it_saves_instances_with_their_ids_and_related_ids():
    first = make_citizen(cpr="0101901235")
    at = timezone.make_aware(dt.datetime(2026, 7, 1, 10, 30, 15, 250))  # summer time, +02:00
    citizen = Citizen(
        first_name="Amal",
        last_name="Nour",
        gender=Gender.FEMALE,
        nationality="SY",
        settled_at=at,
        residence_permit_date=dt.date(2026, 2, 1),
        health_notes="Astma",
    )
    citizen.set_cpr("0202901236")
    # Made before the citizen has an id, as the demo makes a citizen's timeline.
    event = TimelineEvent(citizen=citizen, kind=EventKind.NOTE, at=at, text="Samtale")

    bulk.create([citizen])
    bulk.create([event])

    assert citizen.pk == first.pk + 1 and not citizen._state.adding
    stored = Citizen.objects.get(pk=citizen.pk)
    assert stored.settled_at == at
    assert stored.residence_permit_date == dt.date(2026, 2, 1)
    assert stored.health_notes == "Astma"  # encrypted and decrypted by the field
    assert stored.cpr == "0202901236" and stored.created_at is not None
    assert TimelineEvent.objects.get(pk=event.pk).citizen_id == citizen.pk
    assert list(stored.events.values_list("at", "text")) == [(at, "Samtale")]


def test_the_next_row_saved_by_the_orm_gets_a_new_id():
    citizen = make_citizen()
    now = timezone.now()
    made = bulk.create(
        [TimelineEvent(citizen=citizen, kind=EventKind.NOTE, at=now) for _ in range(3)]
    )
    later = TimelineEvent.objects.create(citizen=citizen, kind=EventKind.NOTE, at=now)
    assert later.pk > max(e.pk for e in made)
