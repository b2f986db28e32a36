"""Enrolment is the context: the ambassador's access comes from enrolment in the ambassador
project, a teacher's from their cohorts; the old flag became enrolments (migration 0003)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404
from django.utils import timezone

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import ReasonRequired, citizens_for, open_citizen
from jobbro.conftest import make_citizen, make_people, make_teams, make_user
from jobbro.programmes import access
from jobbro.programmes.models import AMBASSADOR_PROJECT, EndReason, Enrolment
from jobbro.programmes.tests.factories import enrol, enrol_in_ambassador_project, make_cohort


@pytest.fixture
def people(db):
    return make_people(make_teams())


def test_the_ambassador_sees_the_citizens_enrolled_in_the_project_until_it_ends(people):
    amir = people["amir"]
    inside = make_citizen("0101901234", people["alice"])
    outside = make_citizen("0101911234", people["alice"])
    enrolment = enrol_in_ambassador_project(inside, dt.date(2025, 1, 6))
    assert list(citizens_for(amir)) == [inside]
    assert open_citizen(amir, inside.pk).purpose == Purpose.PROJECT
    with pytest.raises(ReasonRequired):
        open_citizen(amir, outside.pk)
    # Ended yesterday: out of the project, out of the ambassador's context.
    enrolment.ends_on = timezone.localdate() - dt.timedelta(days=1)
    enrolment.end_reason = EndReason.ORDINARY_JOB
    enrolment.save()
    assert list(citizens_for(amir)) == []
    with pytest.raises(ReasonRequired):
        open_citizen(amir, inside.pk)


def test_enrolment_in_another_programme_gives_the_ambassador_nothing(people):
    citizen = make_citizen("0101901234", people["alice"])
    enrol(citizen, make_cohort("najah"))
    assert list(citizens_for(people["amir"])) == []


def test_a_teacher_sees_their_cohorts_participants_and_no_one_else(people):
    tove = people["tove"]
    trine = make_user("trine", Role.TEACHER)
    mine = make_cohort("najah", "Najah 3", teachers=[tove])
    theirs = make_cohort("de-internationale", "Hold 1", teachers=[trine])
    a = make_citizen("0101901234", people["alice"], first_name="Amal")
    b = make_citizen("0101911234", people["bob"], first_name="Basma")
    enrol(a, mine)
    enrol(b, theirs)
    assert list(citizens_for(tove)) == [a]
    assert citizen_access.context_purpose(tove, a) == Purpose.PROGRAMME
    # A teacher never states a reason: another cohort's participant does not exist for them.
    with pytest.raises(Http404):
        open_citizen(tove, b.pk)
    with pytest.raises(Http404):
        access.open_cohort(tove, theirs.pk)
    assert access.open_cohort(tove, mine.pk).teacher_view
    # The teacher cannot change the case file they see a little of.
    assert not open_citizen(tove, a.pk).may_change


def test_a_teachers_context_ends_with_the_enrolment(people):
    tove = people["tove"]
    cohort = make_cohort("najah", teachers=[tove])
    citizen = make_citizen("0101901234", people["alice"])
    enrolment = enrol(citizen, cohort)
    enrolment.ends_on = timezone.localdate() - dt.timedelta(days=1)
    enrolment.end_reason = EndReason.PARENTAL_LEAVE
    enrolment.save()
    assert list(citizens_for(tove)) == []
    assert list(access.participants(access.open_cohort(tove, cohort.pk), tove)) == []


def test_a_case_worker_sees_only_their_own_participants_of_a_cohort(people):
    cohort = make_cohort("najah")
    mine = make_citizen("0101901234", people["alice"])
    carols = make_citizen("0101911234", people["carol"])
    enrol(mine, cohort)
    enrol(carols, cohort)
    opened = access.open_cohort(people["alice"], cohort.pk)
    assert [e.citizen for e in access.participants(opened, people["alice"])] == [mine]


@pytest.mark.django_db(transaction=True)
def test_in_project_becomes_enrolments_in_the_ambassador_project():
    before = [
        ("citizens", "0003_timeline_event_placement"),
        ("programmes", "0002_shipped_programmes"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    # A transactional test before this one may have flushed the shipped programmes.
    from jobbro.programmes.shipped import ship

    ship(apps)
    Citizen = apps.get_model("citizens", "Citizen")
    common = {
        "first_name": "A",
        "last_name": "B",
        "gender": "female",
        "birth_date": dt.date(1990, 1, 1),
        "nationality": "Syrien",
        "arrival": "refugee",
    }
    inside = Citizen.objects.create(cpr="x", cpr_hash="1", in_project=True, **common)
    outside = Citizen.objects.create(cpr="y", cpr_hash="2", in_project=False, **common)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    enrolments = Enrolment.objects.filter(programme__code=AMBASSADOR_PROJECT)
    assert list(enrolments.values_list("citizen_id", flat=True)) == [inside.pk]
    assert enrolments.get().starts_on == timezone.localdate()
    assert not Enrolment.objects.filter(citizen_id=outside.pk).exists()
