"""Two people saving the same assessment's grid, or the same instrument: the second is
refused and nothing of the first is overwritten."""

import pytest
from django.test import Client
from django.urls import reverse

from jobbro.assessments.models import Instrument, RaterKind, Score
from jobbro.core.tests.helpers import open_form

from .conftest import make_assessment

pytestmark = pytest.mark.django_db

REFUSED = "er blevet ændret af en anden, mens du arbejdede på det. Dine ændringer er ikke gemt."
ADVISOR = RaterKind.ADVISOR


def _open_grid(user, assessment):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("assessments:enter", args=[assessment.pk]))
    assert response.status_code == 200
    return client, response.context["form"]["version"].value()


def _scores(assessment, value, next_steps=""):
    items = assessment.version.items.all()
    return {**{f"s-{ADVISOR}-{i.pk}": str(value) for i in items}, "next_steps": next_steps}


def test_the_second_of_two_saves_of_a_grid_is_refused(people, citizens, shipped, day):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    url = reverse("assessments:enter", args=[a.pk])
    alice, alice_version = _open_grid(people["alice"], a)
    amir, amir_version = _open_grid(people["amir"], a)

    first = alice.post(url, {**_scores(a, 4, "Praktik i køkken"), "version": alice_version})
    assert first.status_code == 302
    second = amir.post(url, {**_scores(a, 2, "Amirs skridt"), "version": amir_version})

    assert second.status_code == 400
    page = second.content.decode()
    assert f"Målingen {REFUSED}" in page
    assert "Amirs skridt" in page and 'value="2"' in page  # the input is kept
    a.refresh_from_db()
    assert a.next_steps == "Praktik i køkken"
    assert set(Score.objects.filter(rating__assessment=a).values_list("value", flat=True)) == {4}
    assert a.ratings.get().entered_by == people["alice"]


def test_the_second_of_two_saves_of_an_instrument_is_refused(people, shipped):
    url = reverse("assessments:instrument_edit", args=[shipped.pk])
    one, one_form = open_form(people["ada"], url)
    two, two_form = open_form(people["ada"], url)
    versions = shipped.versions.count()

    one_form["items"] += "\nKan tage bus til arbejde"
    assert one.post(url, {**one_form, "active": "on"}).status_code == 302
    two_form["items"] += "\nKan læse en køreplan"
    response = two.post(url, {**two_form, "active": "on"})

    assert f"Værktøjet {REFUSED}" in response.content.decode()
    shipped = Instrument.objects.get(pk=shipped.pk)
    assert shipped.versions.count() == versions + 1
    texts = list(shipped.current.items.values_list("text", flat=True))
    assert "Kan tage bus til arbejde" in texts and "Kan læse en køreplan" not in texts
