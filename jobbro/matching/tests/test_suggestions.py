"""Suggestions with reasons, decisions stored with what was shown, and who may match whom."""

import datetime as dt

import pytest
from django.urls import reverse

from jobbro.audit.models import AccessLogEntry, Purpose
from jobbro.matching import suggest
from jobbro.matching.models import Decision, DecisionKind, Suggestion
from jobbro.placements.models import Placement, PlacementStatus

TODAY = dt.date(2026, 12, 1)


def test_it_ranks_the_wished_occupation_first_and_explains_each_factor(
    fatima_profile, kitchen, van
):
    result = suggest.for_citizen(fatima_profile.citizen, TODAY)
    assert [s.opening for s in result.suggestions] == [kitchen]
    best = result.suggestions[0]
    assert sum(line.points for line in best.lines) == pytest.approx(best.score)
    texts = {line.factor: line.text for line in best.lines}
    assert texts["occupation_wish"].startswith("Borgeren ønsker netop 9412")
    assert "Branchen" in texts["industry_wish"]


def test_it_says_why_an_opening_is_left_out(fatima_profile, kitchen, van):
    result = suggest.for_citizen(fatima_profile.citizen, TODAY)
    assert [(x.opening, x.why) for x in result.left_out] == [
        (van, "kræver 37 timer om ugen, borgeren kan højst 30; kræver kørekort")
    ]


def test_it_leaves_out_more_hours_than_the_citizen_can(fatima_profile, kitchen):
    fatima_profile.max_hours_per_week = 20
    fatima_profile.save()
    result = suggest.for_citizen(fatima_profile.citizen, TODAY)
    assert result.left_out[0].why == "kræver 25 timer om ugen, borgeren kan højst 20"


def test_the_suggestions_page_stores_what_it_shows(client, people, fatima_profile, kitchen):
    client.force_login(people["amir"])
    response = client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id]))
    assert response.status_code == 200
    assert "Sådan er scoren regnet ud" in response.content.decode()
    shown = Suggestion.objects.get()
    assert shown.opening == kitchen and shown.shown_to == people["amir"]
    assert {f["factor"] for f in shown.factors} >= {"occupation_wish", "travel"}
    assert AccessLogEntry.objects.filter(
        citizen_id=fatima_profile.citizen_id, purpose=Purpose.PROJECT
    ).exists()


def test_accepting_creates_a_proposed_placement_and_keeps_the_factors_shown(
    client, people, fatima_profile, kitchen
):
    client.force_login(people["amir"])
    client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id]))
    shown = Suggestion.objects.get()
    response = client.post(reverse("matching:decide", args=[shown.pk]), {"kind": "accepted"})
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.kind == DecisionKind.ACCEPTED
    assert decision.factors == shown.factors and decision.score == shown.score
    placement = Placement.objects.get()
    assert decision.placement == placement
    assert placement.status == PlacementStatus.PROPOSED and placement.opening == kitchen


def test_declining_needs_a_reason_and_then_leaves_the_opening_out(
    client, people, fatima_profile, kitchen
):
    client.force_login(people["alice"])
    url = reverse("matching:citizen", args=[fatima_profile.citizen_id])
    client.get(url)
    shown = Suggestion.objects.get()
    client.post(reverse("matching:decide", args=[shown.pk]), {"kind": "citizen_declined"})
    assert not Decision.objects.exists()
    client.post(
        reverse("matching:decide", args=[shown.pk]),
        {"kind": "citizen_declined", "reason": "Vil ikke arbejde i køkken"},
    )
    assert Decision.objects.get().reason == "Vil ikke arbejde i køkken"
    result = suggest.for_citizen(fatima_profile.citizen, TODAY)
    assert not result.suggestions and result.left_out[0].why == "fravalgt tidligere"


def test_a_consultant_matches_only_citizens_who_consented(client, people, fatima_profile, citizens):
    client.force_login(people["konrad"])
    assert (
        client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id])).status_code == 200
    )
    assert AccessLogEntry.objects.filter(purpose=Purpose.MATCHING).exists()
    assert client.get(reverse("matching:citizen", args=[citizens["yonas"].pk])).status_code == 404


def test_a_consultant_does_not_see_the_reservations_note(client, people, fatima_profile):
    fatima_profile.reservations = "Vil helst ikke arbejde med svinekød"
    fatima_profile.save()
    client.force_login(people["konrad"])
    page = client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id]))
    assert "svinekød" not in page.content.decode()
    client.force_login(people["alice"])
    page = client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id]))
    assert "svinekød" in page.content.decode()


def test_a_case_worker_matches_only_their_own_caseload(client, people, citizens):
    client.force_login(people["bob"])
    assert client.get(reverse("matching:citizen", args=[citizens["yonas"].pk])).status_code == 200
    assert client.get(reverse("matching:citizen", args=[citizens["fatima"].pk])).status_code == 404


def test_someone_elses_suggestion_cannot_be_decided(client, people, fatima_profile, kitchen):
    client.force_login(people["amir"])
    client.get(reverse("matching:citizen", args=[fatima_profile.citizen_id]))
    shown = Suggestion.objects.get()
    client.force_login(people["alice"])
    response = client.post(reverse("matching:decide", args=[shown.pk]), {"kind": "accepted"})
    assert response.status_code == 404 and not Decision.objects.exists()


def test_the_opening_page_ranks_citizens(client, people, fatima_profile, kitchen):
    client.force_login(people["amir"])
    page = client.get(reverse("matching:opening", args=[kitchen.pk]))
    assert page.status_code == 200 and "Fatima Haddad" in page.content.decode()
    assert Suggestion.objects.get().shown_in == "opening"
