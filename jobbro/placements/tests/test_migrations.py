"""The constraint migrations keep existing data: rows that break a new rule are fixed
first (placements 0005, companies 0004), so adding the constraints (placements 0006,
companies 0005) cannot fail."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jobbro.conftest import make_citizen

BEFORE = [
    ("placements", "0004_calendar_token_hash"),
    ("companies", "0003_optimistic_locking"),
]
AFTER = [("placements", "0006_constraints"), ("companies", "0005_constraints")]


@pytest.mark.django_db(transaction=True)
def test_it_fixes_rows_that_break_the_new_rules_before_adding_them():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    # The citizens app stays migrated: its current model fits the table.
    citizen = make_citizen()
    company = apps.get_model("companies", "Company").objects.create(
        cvr="10000009", name="Gammel A/S", sector="private"
    )
    opening = apps.get_model("companies", "Opening").objects.create(
        company=company, kind="internship", title="Praktik", capacity=0, hours_per_week=70
    )
    placement = apps.get_model("placements", "Placement").objects.create(
        citizen_id=citizen.pk,
        company=company,
        kind="internship",
        starts_on=dt.date(2026, 1, 5),
        hours_per_week=Decimal(0),
        paid_hours_per_week=Decimal(-2),
    )
    FollowUp = apps.get_model("placements", "FollowUp")
    later = FollowUp.objects.create(placement=placement, due_on=dt.date(2026, 2, 2), mode="visit")
    first = FollowUp.objects.create(placement=placement, due_on=dt.date(2026, 1, 19), mode="visit")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    opening.refresh_from_db()
    placement.refresh_from_db()
    assert (opening.capacity, opening.hours_per_week) == (1, None)
    assert (placement.hours_per_week, placement.paid_hours_per_week) == (None, 0)
    first.refresh_from_db()
    later.refresh_from_db()
    assert (first.cancelled, later.cancelled) == (False, True)
