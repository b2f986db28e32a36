import datetime as dt

import pytest
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens.models import Citizen
from jobbro.conftest import make_citizen


def hours_ago(hours):
    return timezone.now() - dt.timedelta(hours=hours)


@pytest.fixture
def settled(people):
    alice = people["alice"]
    return {
        "late": make_citizen("0101901235", alice, first_name="Late", settled_at=hours_ago(97)),
        "in_time": make_citizen("0202901235", alice, first_name="InTime", settled_at=hours_ago(95)),
        "started": make_citizen(
            "0303901235",
            alice,
            first_name="Started",
            settled_at=hours_ago(97),
            effort_started_at=hours_ago(50),
        ),
        "not_settled": make_citizen("0404901235", alice, first_name="NotSettled"),
    }


def awaiting_names():
    return sorted(c.first_name for c in Citizen.objects.awaiting_effort())


@pytest.mark.django_db
def test_it_lists_citizens_without_an_effort_after_96_hours(settled):
    assert awaiting_names() == ["Late"]


@pytest.mark.django_db
def test_it_flags_the_same_citizens_on_the_model(settled):
    flagged = sorted(name for name, c in settled.items() if c.is_awaiting_effort)
    assert flagged == ["late"]
    assert settled["in_time"].effort_deadline == settled["in_time"].settled_at + dt.timedelta(
        hours=96
    )
    assert settled["not_settled"].effort_deadline is None


@pytest.mark.django_db
def test_it_counts_from_a_given_moment(settled):
    later = timezone.now() + dt.timedelta(hours=2)
    names = sorted(c.first_name for c in Citizen.objects.awaiting_effort(now=later))
    assert names == ["InTime", "Late"]


@pytest.mark.django_db
def test_it_follows_the_configured_deadline(settings, settled):
    settings.EFFORT_START_DEADLINE_HOURS = 48
    assert awaiting_names() == ["InTime", "Late"]


@pytest.mark.django_db
def test_it_shows_the_case_workers_scope_on_the_page(client, people, citizens, settled):
    client.force_login(people["alice"])

    response = client.get("/borgere/96-timer/")

    assert response.status_code == 200
    # Omar (settled 5 days ago, carol's) is late too, but not alice's to see.
    assert [c.first_name for c in response.context["page"].object_list] == ["Late"]
    entry = AccessLogEntry.objects.get()
    assert (entry.citizen_id, entry.action) == (settled["late"].pk, Action.LIST)


@pytest.mark.django_db
def test_it_orders_the_page_by_who_has_waited_longest(client, people, citizens, settled):
    client.force_login(people["carol"])
    make_citizen("0505901235", people["carol"], first_name="Older", settled_at=hours_ago(200))
    response = client.get("/borgere/96-timer/")
    assert [c.first_name for c in response.context["page"].object_list] == ["Older", "Omar"]
