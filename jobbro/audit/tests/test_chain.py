"""The access log's hash chain and `jobbro verify_access_log` (issue 7, item 3).

Tampering is done the way an attacker with the database would: raw SQL, and on PostgreSQL
with the append-only trigger switched off (which the table's owner can do).
"""

import datetime as dt
import importlib
import io
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.test import RequestFactory
from django.utils import timezone

from jobbro.audit import chain
from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.audit.services import log_access

TRIGGER = "audit_accesslog_no_update_delete"


@contextmanager
def behind_the_apps_back():
    """A cursor that may change the log, as its owner can."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE audit_accesslogentry DISABLE TRIGGER {TRIGGER}")
        yield cursor
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE audit_accesslogentry ENABLE TRIGGER {TRIGGER}")


def verify(*args):
    out = io.StringIO()
    call_command("verify_access_log", *args, stdout=out)
    return out.getvalue()


def broken(*args):
    with pytest.raises(CommandError) as error:
        verify(*args)
    assert error.value.returncode == 1
    return str(error.value)


@pytest.fixture
def logged(people):
    """Five rows, written as the app writes them: log_access in a request's transaction."""
    request = RequestFactory().get("/borgere/7/", REMOTE_ADDR="10.0.0.5")
    request.user = people["alice"]
    with transaction.atomic():
        log_access(request, action=Action.VIEW, citizen_ids=[7], purpose=Purpose.CASELOAD)
        log_access(request, action=Action.LIST, citizen_ids=[7, 8, 9], purpose=Purpose.TEAM)
    AccessLogEntry.objects.create(
        user=people["bob"],
        role=people["bob"].role,
        action=Action.CHANGE,
        citizen_id=8,
        purpose=Purpose.STATED,
        reason="Henvendelse i åben rådgivning",
        ip_address="2001:db8::1",
    )
    return list(AccessLogEntry.objects.order_by("pk"))


@pytest.mark.django_db
class TestChain:
    def test_each_row_follows_from_the_one_before(self, logged):
        previous = chain.GENESIS
        for entry in logged:
            assert entry.chain_hash == chain.link(previous, entry)
            previous = entry.chain_hash
        assert len({e.chain_hash for e in logged}) == 5

    def test_the_hash_depends_on_the_key(self, logged, settings):
        first = logged[0]
        assert chain.link(chain.GENESIS, first, key="another key" * 4) != first.chain_hash

    def test_an_untouched_log_verifies(self, logged):
        out = verify()
        assert "intakt: 5 rækker" in out
        assert f"{logged[-1].pk}:{logged[-1].chain_hash}" in out

    def test_an_empty_log_verifies(self, db):
        assert "intakt: 0 rækker" in verify()

    def test_a_changed_row_is_the_first_broken_link(self, logged):
        target = logged[2]
        with behind_the_apps_back() as cursor:
            cursor.execute(
                "UPDATE audit_accesslogentry SET citizen_id = 99 WHERE id = %s", [target.pk]
            )
        message = broken()
        assert f"række id {target.pk} " in message
        assert timezone.localtime(target.at).strftime("%d.%m.%Y %H:%M:%S") in message
        assert "1 brudte led i alt af 5 rækker" in message

    def test_a_changed_row_with_a_rehashed_chain_without_the_key_is_found(self, logged):
        # Rewriting a row and recomputing its hash needs the key; a guessed key does not do.
        target = logged[1]
        target.reason = "skjult"
        forged = chain.link(logged[0].chain_hash, target, key="not the key" * 4)
        with behind_the_apps_back() as cursor:
            cursor.execute(
                "UPDATE audit_accesslogentry SET reason = 'skjult', chain_hash = %s WHERE id = %s",
                [forged, target.pk],
            )
        assert f"række id {target.pk} " in broken()

    def test_a_deleted_row_breaks_the_link_after_it(self, logged):
        with behind_the_apps_back() as cursor:
            cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [logged[1].pk])
        message = broken()
        assert f"række id {logged[2].pk} " in message
        assert "af 4 rækker" in message

    def test_an_inserted_row_is_the_first_broken_link(self, logged):
        # A copy of a real row, with its hash, slipped in between two others.
        with behind_the_apps_back() as cursor:
            cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [logged[2].pk])
            cursor.execute(
                "INSERT INTO audit_accesslogentry (id, at, user_id, role, action, citizen_id,"
                " purpose, reason, fields, ip_address, path, chain_hash)"
                " SELECT %s, at, user_id, role, action, 42, purpose, reason, fields,"
                " ip_address, path, chain_hash FROM audit_accesslogentry WHERE id = %s",
                [logged[2].pk, logged[0].pk],
            )
        assert f"række id {logged[2].pk} " in broken()

    def test_a_row_added_at_the_end_without_the_app_is_found(self, logged):
        last = logged[-1]
        with behind_the_apps_back() as cursor:
            cursor.execute(
                "INSERT INTO audit_accesslogentry (at, user_id, role, action, citizen_id,"
                " purpose, reason, fields, ip_address, path, chain_hash)"
                " SELECT at, user_id, role, action, 42, purpose, reason, fields,"
                " ip_address, path, chain_hash FROM audit_accesslogentry WHERE id = %s",
                [last.pk],
            )
        assert "første brudte led er række id" in broken()
        assert f"række id {last.pk} " not in broken()

    def test_rows_cut_from_the_end_are_found_by_the_anchor(self, logged):
        last = logged[-1]
        anchor = f"{last.pk}:{last.chain_hash}"
        assert "intakt" in verify("--anchor", anchor)
        with behind_the_apps_back() as cursor:
            cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [last.pk])
        # On its own the shorter chain verifies; the recorded head is gone from it.
        assert "intakt: 4 rækker" in verify()
        assert "findes ikke i kæden" in broken("--anchor", anchor)

    def test_a_malformed_anchor_is_refused(self, logged):
        with pytest.raises(CommandError, match="ID:HASH"):
            verify("--anchor", "17")

    def test_rows_chain_in_id_order_whatever_their_time(self, people):
        alice = people["alice"]
        later = timezone.now()
        for at in (later, later - dt.timedelta(days=3)):
            AccessLogEntry.objects.create(
                user=alice, role=alice.role, action=Action.VIEW, citizen_id=1,
                purpose=Purpose.CASELOAD, at=at,
            )  # fmt: skip
        assert "intakt: 2 rækker" in verify()


@pytest.mark.django_db
def test_the_migration_chains_rows_written_before_the_chain(logged):
    with behind_the_apps_back() as cursor:
        cursor.execute("UPDATE audit_accesslogentry SET chain_hash = ''")
    assert "5 brudte led" in broken()

    migration = importlib.import_module("jobbro.audit.migrations.0005_chain_existing_rows")

    class SchemaEditor:
        def __init__(self):
            self.connection = connection

        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    # The models as the migration sees them: plain managers, not the append-only one.
    state = MigrationLoader(connection).project_state(("audit", "0004_access_log_chain_hash"))
    migration.forwards(state.apps, SchemaEditor())

    assert "intakt: 5 rækker" in verify()
    if connection.vendor == "postgresql":
        # The append-only trigger is on again.
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("UPDATE audit_accesslogentry SET reason = 'x'")


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_make_one_chain(people, monkeypatch):
    """Eight requests logging at once, each in its own transaction and connection, with a
    pause between reading the head and inserting: the lock keeps it one chain."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database has one connection; see the file test")
    import threading
    import time

    from django.db import connections

    read_head = chain.head

    def slow_head(model, using):
        found = read_head(model, using)
        time.sleep(0.01)
        return found

    monkeypatch.setattr(chain, "head", slow_head)
    start = threading.Barrier(8)
    errors = []

    def writer(n):
        request = RequestFactory().get(f"/borgere/{n}/")
        request.user = people["alice"]
        try:
            start.wait(timeout=10)
            for i in range(5):
                with transaction.atomic():
                    log_access(
                        request, action=Action.VIEW, citizen_ids=[n, i], purpose=Purpose.TEAM
                    )
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert "intakt: 80 rækker" in verify()
