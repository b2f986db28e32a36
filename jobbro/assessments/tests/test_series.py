"""The stored series (`ProgressionSeries`) give the numbers the per-request Python did.

The measures and "no progress" used to build every series in Python from every assessment;
they now aggregate stored first/latest means in the database (issue 14). These tests build
the demo municipality and compare the two, and check the services keep the series true.
"""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps
from django.db import transaction
from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.assessments import selectors
from jobbro.assessments.access import assessments_for
from jobbro.assessments.models import Assessment, ProgressionSeries, RaterKind
from jobbro.assessments.services import rating_save, series_rebuild
from jobbro.demo.build import build
from jobbro.tests.worlds import world_built

FIELDS = ("citizen_id", "instrument_id", "scored", "first_mean", "latest_mean", "latest_id")
BACKS = tuple(f"back{n}" for n in range(1, 6))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build(seed=2017, citizens=300, today=timezone.localdate())
        world_built()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def built(db, demo):
    return None


def _stored():
    return sorted(ProgressionSeries.objects.values_list(*FIELDS, *BACKS))


def _old_stalled(user, last):
    """Today's page before issue 14: every series built in Python."""
    found = selectors.stalled(assessments_for(user), last)
    from jobbro.citizens.models import Citizen

    names = {c.pk: (c.last_name, c.first_name, c.pk) for c in Citizen.objects.all()}
    return sorted(((names[c], i, m) for c, i, m in found), key=lambda r: r[0])


def test_the_demo_has_series_to_compare(built):
    assert ProgressionSeries.objects.filter(scored__gte=3).count() > 50


@pytest.mark.parametrize("threshold", [0.1, 0.5, 1.0, 2.0])
def test_stored_measures_equal_the_measures_built_in_python(built, threshold):
    old = selectors.progression_measures(Assessment.objects.all(), threshold)
    new = selectors.stored_measures(threshold)
    assert new.people == old.people > 0
    assert new.tables == old.tables


@pytest.mark.parametrize("last", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("role", [Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT])
def test_stalled_equals_the_list_built_in_python(built, role, last):
    users = User.objects.filter(role=role).order_by("pk")
    compared = 0
    for user in users[:3]:
        old = _old_stalled(user, last)
        rows = selectors.with_means(selectors.stalled_rows(user, last), last)
        new = [
            ((r.citizen.last_name, r.citizen.first_name, r.citizen.pk), r.instrument.pk, r.means)
            for r in rows
        ]
        assert new == old
        compared += len(new)
    if last <= 3 and role != Role.COMPANY_CONSULTANT:
        assert compared > 0  # the comparison is about something


def test_the_data_migration_fills_what_the_rebuild_does(built):
    expected = _stored()
    ProgressionSeries.objects.all().delete()
    import_module("jobbro.assessments.migrations.0005_progression_series").fill(apps, None)
    assert _stored() == expected


def test_the_services_keep_the_series_up_to_date(built):
    series = ProgressionSeries.objects.filter(scored__gte=2).select_related("latest").first()
    latest = series.latest
    user = User.objects.filter(role=Role.CASE_WORKER).first()
    items = list(latest.version.items.values_list("pk", flat=True))
    # A new, higher latest assessment.
    newer = Assessment.objects.create(
        citizen_id=series.citizen_id,
        version=latest.version,
        assessed_on=latest.assessed_on + dt.timedelta(days=1),
        created_by=user,
    )
    rating_save(
        assessment=newer, kind=RaterKind.ADVISOR, scores=dict.fromkeys(items, (5, "")), by=user
    )
    kept = _stored()
    series_rebuild()
    assert _stored() == kept
    now = ProgressionSeries.objects.get(citizen=series.citizen_id, instrument=series.instrument_id)
    assert (now.latest_id, now.latest_mean, now.scored) == (newer.pk, 5.0, series.scored + 1)
    # Deleting it (or any assessment) brings the series back.
    newer.delete()
    kept = _stored()
    series_rebuild()
    assert _stored() == kept
