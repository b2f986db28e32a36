"""The caseload proposal: optimal beside greedy, locked and declined pairs, in the background."""

import datetime as dt

from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from jobbro.companies.models import Company, Opening, OpeningKind
from jobbro.conftest import make_citizen
from jobbro.matching import proposal
from jobbro.matching.models import Decision, MatchProfile, ProposalRun, RunStatus
from jobbro.matching.selectors import profiled
from jobbro.matching.tasks import run_proposal
from jobbro.placements.models import Placement

TODAY = dt.date(2026, 12, 1)
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _two_by_two(people, towns, kitchen):
    """Two citizens who both want the kitchen's one place, and a warehouse only one of them
    fits: the optimum gives the kitchen to the one the warehouse does not fit."""
    kitchen.capacity = 1
    kitchen.save()
    warehouse = Opening.objects.create(
        company=Company.objects.create(
            cvr="29189587", name="Lager ApS", sector="private", town="Hedensted"
        ),
        kind=OpeningKind.ORDINARY,
        title="Lagermedarbejder",
        occupation_code="9333",
        capacity=1,
    )
    a = make_citizen("0505901236", people["alice"], first_name="Amina", danish_course="DU2")
    b = make_citizen(
        "0606851237", people["alice"], first_name="Bashir", gender="male", driving_licence=True
    )
    MatchProfile.objects.create(citizen=a, town=towns["Hedensted"], wished_occupations=["9412"])
    MatchProfile.objects.create(
        citizen=b, town=towns["Hedensted"], wished_occupations=["9412"], experience=["9333"]
    )
    return a, b, warehouse


def test_the_optimum_beats_greedy_and_respects_capacities(people, towns, kitchen):
    a, b, warehouse = _two_by_two(people, towns, kitchen)
    result = proposal.compute(
        profiled(type(a).objects.filter(pk__in=[a.pk, b.pk])), TODAY, lambda p, s: None
    )
    chosen = {x["citizen"]: x["opening"] for x in result["assignments"]}
    assert result["optimal"]["total"] >= result["greedy"]["total"]
    assert result["optimal"]["placed"] == 2 and len(set(chosen.values())) == 2
    assert 0 <= result["loss"] < 1 and result["optimal"]["women"] == 0.5


def test_declined_pairs_are_left_out_and_accepted_ones_locked(people, towns, kitchen, client):
    a, b, warehouse = _two_by_two(people, towns, kitchen)
    placement = Placement.objects.create(
        citizen=b,
        company=warehouse.company,
        opening=warehouse,
        kind="ordinary",
        starts_on=TODAY,
        status="proposed",
    )
    Decision.objects.create(
        citizen=b,
        opening=warehouse,
        kind="accepted",
        score=50,
        decided_by=people["alice"],
        placement=placement,
    )
    Decision.objects.create(
        citizen=a,
        opening=kitchen,
        kind="declined",
        reason="Nej tak",
        score=50,
        decided_by=people["alice"],
    )
    result = proposal.compute(
        profiled(type(a).objects.filter(pk__in=[a.pk, b.pk])), TODAY, lambda p, s: None
    )
    chosen = {x["citizen"]: (x["opening"], x["locked"]) for x in result["assignments"]}
    assert chosen[b.pk] == (warehouse.pk, True)
    assert a.pk not in chosen  # her only fit was declined


def test_the_page_queues_a_task_and_the_task_keeps_its_result(client, people, towns, kitchen):
    a, b, _ = _two_by_two(people, towns, kitchen)
    client.force_login(people["alice"])
    response = client.post(reverse("matching:proposals"))
    run = ProposalRun.objects.get()
    assert response["Location"] == reverse("matching:proposal", args=[run.pk])
    assert set(run.citizen_ids) >= {a.pk, b.pk} and run.status == RunStatus.QUEUED
    assert DBTaskResult.objects.filter(id=run.task_id).exists()
    page = client.get(reverse("matching:proposal", args=[run.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in page.content.decode()  # the page polls while it waits
    run_proposal.call(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.progress == 100
    page = client.get(reverse("matching:proposal", args=[run.pk]), headers={"HX-Request": "true"})
    assert page["HX-Redirect"] == reverse("matching:proposal", args=[run.pk])
    page = client.get(reverse("matching:proposal", args=[run.pk])).content.decode()
    assert "Grådig" in page and "Kvinders andel af pladserne" in page and "Amina" in page
    assert not Placement.objects.exists()  # a proposal places nobody


@override_settings(TASKS=IMMEDIATE)
def test_another_users_proposal_is_refused(client, people, towns, kitchen):
    _two_by_two(people, towns, kitchen)
    client.force_login(people["alice"])
    client.post(reverse("matching:proposals"))
    run = ProposalRun.objects.get()
    client.force_login(people["amir"])
    assert client.get(reverse("matching:proposal", args=[run.pk])).status_code == 404
