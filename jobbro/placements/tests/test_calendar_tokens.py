"""Calendar feed tokens are stored hashed, shown once, and not predictable in the demo."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from jobbro.placements.calendar import feed_renew
from jobbro.placements.models import CalendarFeed


def _feed_url(token):
    return reverse("placements:calendar_feed", kwargs={"token": token})


@pytest.mark.django_db
def test_the_database_holds_only_the_tokens_hash(people):
    feed = feed_renew(user=people["amir"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM placements_calendarfeed")
        rows = cursor.fetchall()
    assert len(rows) == 1 and len(feed.token) >= 43
    assert feed.token not in repr(rows)
    assert hashlib.sha256(feed.token.encode()).hexdigest() in repr(rows)
    assert CalendarFeed.objects.get().token == ""  # nothing to read back


@pytest.mark.django_db
def test_the_address_is_shown_once_and_works_until_renewed(client, people):
    client.force_login(people["amir"])
    response = client.post(reverse("placements:calendar"), {"action": "renew"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    url = response.context["url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert token in response.content.decode()
    assert token not in client.get(reverse("placements:calendar")).content.decode()
    calendar_app = Client()  # not logged in: it has only the address
    assert calendar_app.get(_feed_url(token)).status_code == 200

    renewed = client.post(reverse("placements:calendar"), {"action": "renew"}).context["url"]
    assert calendar_app.get(_feed_url(token)).status_code == 404
    assert calendar_app.get(renewed.removeprefix("http://testserver")).status_code == 200


@pytest.mark.django_db
def test_the_demos_addresses_are_not_predictable_from_its_seed(settings):
    import datetime as dt

    from django.db.models import QuerySet

    from jobbro.accounts.models import Team, User
    from jobbro.citizens.models import Citizen
    from jobbro.companies.models import Company
    from jobbro.demo.build import build
    from jobbro.meetings.models import Meeting
    from jobbro.mentoring.models import Mentor
    from jobbro.placements.models import Placement
    from jobbro.programmes.models import ProgrammeChange

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    builds = []
    for _ in range(2):
        build(seed=7, citizens=20, today=dt.date(2026, 11, 23))
        builds.append(set(CalendarFeed.objects.values_list("token_hash", flat=True)))
        Meeting.objects.all().delete()  # meetings protect the users who held them
        QuerySet(model=ProgrammeChange).delete()  # append-only through its manager
        for model in (Placement, Citizen, Mentor, Company, User, Team):
            model.objects.all().delete()
    assert len(builds[0]) == 2
    assert not builds[0] & builds[1]  # the same seed, other addresses: from `secrets`


@pytest.mark.django_db(transaction=True)
def test_the_migration_hashes_old_tokens_in_place_and_drops_the_seeded_ones(people):
    executor = MigrationExecutor(connection)
    executor.migrate([("placements", "0003_optimistic_locking")])
    old = executor.loader.project_state([("placements", "0003_optimistic_locking")]).apps
    Feed = old.get_model("placements", "CalendarFeed")
    kept = "k" * 43
    Feed.objects.create(user_id=people["amir"].pk, token=kept)
    Feed.objects.create(user_id=people["alice"].pk, token="ab" * 24)  # the old demo's kind
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    feed = CalendarFeed.objects.get()
    assert feed.user_id == people["amir"].pk
    assert feed.token_hash == hashlib.sha256(kept.encode()).hexdigest()
    assert Client().get(_feed_url(kept)).status_code == 200
