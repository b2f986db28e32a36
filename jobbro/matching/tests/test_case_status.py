"""Only active cases are matched: a closed case leaves matching, a paused one gets nothing."""

from django.urls import reverse
from django.utils import timezone

from jobbro.cases import services as cases
from jobbro.citizens.models import Citizen
from jobbro.citizens.status import ClosingReason, PauseReason
from jobbro.matching import proposal
from jobbro.matching.models import ProposalRun, Suggestion
from jobbro.matching.selectors import profiled
from jobbro.matching.tasks import run_proposal

from .test_proposal import _two_by_two


def _close(citizen, by):
    cases.case_close(
        citizen=citizen, by=by, closed_on=timezone.localdate(), reason=ClosingReason.DECLINED
    )


def _pause(citizen, by):
    today = timezone.localdate()
    cases.case_pause(
        citizen=citizen, by=by, starts_on=today, ends_on=None, reason=PauseReason.ILLNESS
    )


def test_a_closed_case_gets_no_suggestions_and_is_no_candidate(
    client, people, fatima_profile, kitchen
):
    fatima = fatima_profile.citizen
    client.force_login(people["amir"])
    assert client.get(reverse("matching:citizen", args=[fatima.pk])).status_code == 200
    Suggestion.objects.all().delete()
    _close(fatima, people["alice"])
    assert client.get(reverse("matching:citizen", args=[fatima.pk])).status_code == 404
    page = client.get(reverse("matching:opening", args=[kitchen.pk])).content.decode()
    assert fatima.first_name not in page
    assert not Suggestion.objects.exists()


def test_a_paused_case_keeps_its_page_but_gets_no_suggestions(
    client, people, fatima_profile, kitchen
):
    fatima = fatima_profile.citizen
    _pause(fatima, people["alice"])
    client.force_login(people["amir"])
    page = client.get(reverse("matching:citizen", args=[fatima.pk])).content.decode()
    assert "Sagen er på pause" in page and "Kantinen A/S" not in page
    client.get(reverse("matching:opening", args=[kitchen.pk]))
    assert not Suggestion.objects.exists()


def test_closed_and_paused_cases_are_not_in_the_proposal(client, people, towns, kitchen):
    a, b, _ = _two_by_two(people, towns, kitchen)
    _close(a, people["alice"])
    client.force_login(people["alice"])
    client.post(reverse("matching:proposals"))
    run = ProposalRun.objects.get()
    assert a.pk not in run.citizen_ids and b.pk in run.citizen_ids
    _pause(b, people["alice"])  # paused after the run was queued: left out when it runs
    run_proposal.call(run.pk)
    run.refresh_from_db()
    assert run.result["citizens"] == len(run.citizen_ids) - 1
    assert b.pk not in {x["citizen"] for x in run.result["assignments"]}


def test_the_proposal_of_only_closed_cases_places_nobody(people, towns, kitchen):
    a, b, _ = _two_by_two(people, towns, kitchen)
    both = profiled(Citizen.objects.filter(pk__in=[a.pk, b.pk]))
    assert len(proposal.compute(both, timezone.localdate(), lambda p, s: None)["assignments"])
    _close(a, people["alice"])
    _close(b, people["alice"])
    run = ProposalRun.objects.create(created_by=people["alice"], citizen_ids=[a.pk, b.pk])
    run_proposal.call(run.pk)
    run.refresh_from_db()
    assert run.result["assignments"] == [] and run.result["citizens"] == 0
