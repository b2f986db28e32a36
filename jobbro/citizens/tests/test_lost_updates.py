"""Two case workers with the same case file open: the second save is refused, not lost."""

import pytest
from django.urls import reverse

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens.models import Citizen, EventKind
from jobbro.core.tests.helpers import open_form

pytestmark = pytest.mark.django_db

REFUSED = (
    "Sagen er blevet ændret af en anden, mens du arbejdede på det. Dine ændringer er ikke gemt."
)


def test_the_second_of_two_edits_of_a_case_file_is_refused(people, citizens):
    fatima = citizens["fatima"]
    url = reverse("citizens:edit", args=[fatima.pk])
    alice, alice_form = open_form(people["alice"], url)
    bob, bob_form = open_form(people["bob"], url)  # same team: both may change it

    first = alice.post(url, {**alice_form, "phone": "11111111"})
    assert first.status_code == 302
    second = bob.post(url, {**bob_form, "address": "Bobs vej 2", "phone": "22222222"})

    assert second.status_code == 200
    page = second.content.decode()
    assert REFUSED in page
    assert 'value="Bobs vej 2"' in page and 'value="22222222"' in page  # the input is kept
    fatima = Citizen.objects.get(pk=fatima.pk)
    assert (fatima.phone, fatima.address, fatima.version) == ("11111111", "", 2)
    assert fatima.events.filter(kind=EventKind.CHANGED).count() == 1
    assert not AccessLogEntry.objects.filter(user=people["bob"], action=Action.CHANGE).exists()
    # Bob reads the new version and saves again: now it goes through.
    bob, bob_form = open_form(people["bob"], url)
    assert bob.post(url, {**bob_form, "address": "Bobs vej 2"}).status_code == 302
    assert Citizen.objects.get(pk=fatima.pk).phone == "11111111"


def test_starting_the_effort_refuses_an_older_form_that_would_blank_it(people, citizens):
    yonas = citizens["yonas"]
    url = reverse("citizens:edit", args=[yonas.pk])
    bob, bob_form = open_form(people["bob"], url)
    alice, _ = open_form(people["alice"], url)
    alice.post(reverse("citizens:start_effort", args=[yonas.pk]))
    assert Citizen.objects.get(pk=yonas.pk).effort_started_at is not None

    response = bob.post(url, {**bob_form, "phone": "33333333"})
    assert REFUSED in response.content.decode()
    assert Citizen.objects.get(pk=yonas.pk).effort_started_at is not None
