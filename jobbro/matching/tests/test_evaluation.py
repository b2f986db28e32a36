"""The evaluation page and the back-test, from stored decisions and their outcomes."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from jobbro.matching import evaluation
from jobbro.matching.models import Decision, Suggestion
from jobbro.matching.outcomes import outcome_case, worked_q
from jobbro.placements.models import Placement

TODAY = dt.date(2026, 6, 1)


def _history(people, fatima_profile, kitchen, n_job=6, n_dropped=5):
    """Accepted suggestions: high scores that led to work, low ones that were dropped."""
    citizen = fatima_profile.citizen
    for i in range(n_job + n_dropped):
        job = i < n_job
        score = 85 if job else 35
        factors = [
            {
                "factor": "occupation_wish",
                "label": "Ønsket fag",
                "value": 1.0 if job else 0.0,
                "weight": 8,
                "points": 10,
                "text": "",
            }
        ]
        shown = Suggestion.objects.create(
            citizen=citizen,
            opening=kitchen,
            score=score,
            rank=1 if job else 2,
            factors=factors,
            shown_in="citizen",
            shown_to=people["amir"],
        )
        placement = Placement.objects.create(
            citizen=citizen,
            company=kitchen.company,
            kind="ordinary" if job else "internship",
            starts_on=TODAY,
            ends_on=TODAY + dt.timedelta(days=30),
            status="ended" if job else "cancelled",
        )
        Decision.objects.create(
            citizen=citizen,
            opening=kitchen,
            suggestion=shown,
            kind="accepted",
            score=score,
            factors=factors,
            placement=placement,
            decided_by=people["amir"],
        )


def test_it_counts_outcomes_by_score_band(people, fatima_profile, kitchen):
    _history(people, fatima_profile, kitchen)
    bands = {b.label: b for b in evaluation.bands()}
    assert bands["80–90"].outcomes["job"] == 6 and bands["80–90"].work_rate == 1.0
    assert bands["30–40"].outcomes["dropped"] == 5 and bands["30–40"].work_rate == 0.0


def test_it_compares_each_factor_in_work_and_otherwise(people, fatima_profile, kitchen):
    _history(people, fatima_profile, kitchen)
    wish = {f.factor: f for f in evaluation.factor_rows()}["occupation_wish"]
    assert (wish.worked, wish.other, wish.difference) == (1.0, 0.0, 1.0)


def test_the_page_hides_counts_under_5(client, people, fatima_profile, kitchen):
    _history(people, fatima_profile, kitchen, n_job=6, n_dropped=2)
    client.force_login(people["lene"])  # the manager sees aggregates only
    page = client.get(reverse("matching:evaluation")).content.decode()
    assert "80–90" in page and "under 5" in page
    assert "Fatima" not in page


def test_the_backtest_replays_history(people, fatima_profile, kitchen):
    _history(people, fatima_profile, kitchen)
    out = StringIO()
    call_command("matching_backtest", stdout=out)
    text = out.getvalue()
    assert "Førte til arbejde: 6/11" in text
    assert "nr. 1: 6/6 = 100.0 %" in text and "nr. 2 og lavere: 0/5 = 0.0 %" in text


@pytest.mark.parametrize(
    ("kind", "status", "end_reason", "paid_hours", "outcome"),
    [
        ("internship", "ended", "ordinary_job", 0, "job"),  # it led to ordinary work
        ("internship", "ended", "citizen_stopped", 0, "dropped"),
        ("internship", "ended", "company_stopped", 10, "dropped"),
        ("internship", "ended", "not_suitable", 0, "dropped"),  # a wrong match
        ("internship", "cancelled", "", 0, "dropped"),
        ("internship", "ended", "illness", 0, "ended"),
        ("internship", "ended", "completed", 10, "paid_hours"),
        ("ordinary", "ended", "citizen_stopped", 0, "job"),  # it was paid work itself
        ("internship", "active", "", 0, "ongoing"),
    ],
)
def test_a_placements_end_reason_decides_its_outcome(
    people, fatima_profile, kitchen, kind, status, end_reason, paid_hours, outcome
):
    placement = Placement.objects.create(
        citizen=fatima_profile.citizen,
        company=kitchen.company,
        kind=kind,
        starts_on=TODAY,
        ends_on=TODAY + dt.timedelta(days=30),
        status=status,
        end_reason=end_reason,
        paid_hours_per_week=paid_hours,
    )
    got = Placement.objects.annotate(o=outcome_case()).get(pk=placement.pk).o
    assert got == outcome
    worked = Placement.objects.filter(worked_q(), pk=placement.pk).exists()
    assert worked == (outcome == "job")
