"""The runtime role on PostgreSQL (issue 7, item 3): Jobbro runs as a role that may only add
to and read the access log, while migrations run as the owner. Roles are created inside the
test's transaction, so they vanish with it."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from jobbro.audit.models import AccessLogEntry, Action, Purpose

pytestmark = pytest.mark.django_db


def test_it_is_for_postgresql_only():
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the command works")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("db_runtime_role")


@pytest.fixture
def runtime_role(people):
    if connection.vendor != "postgresql":
        pytest.skip("roles and grants exist on PostgreSQL only")
    role = f"jobbro_runtime_test_{os.getpid()}"
    out = io.StringIO()
    call_command("db_runtime_role", "--role", role, "--apply", stdout=out)
    assert "only SELECT and INSERT on audit_accesslogentry, accounts_adminlogentry" in (
        out.getvalue()
    )
    with connection.cursor() as cursor:
        cursor.execute(f'SET ROLE "{role}"')
    yield role
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


def refused(sql, match):
    # A savepoint per statement keeps the test's transaction usable after each refusal.
    with (
        pytest.raises(DatabaseError, match=match),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)


def test_the_runtime_role_adds_and_reads_but_cannot_rewrite_the_log(runtime_role, people):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == runtime_role

    # What Jobbro does at runtime works: chained inserts, reads, ordinary updates.
    entry = AccessLogEntry.objects.create(
        user=people["alice"], role="case_worker", action=Action.VIEW,
        citizen_id=1, purpose=Purpose.CASELOAD,
    )  # fmt: skip
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()
    people["bob"].first_name = "Robert"
    people["bob"].save(update_fields=["first_name"])

    # What would rewrite the log is refused, trigger or not.
    denied = "permission denied"
    refused("UPDATE audit_accesslogentry SET reason = 'x'", denied)
    refused("DELETE FROM audit_accesslogentry", denied)
    refused("TRUNCATE audit_accesslogentry", denied)
    refused(
        "ALTER TABLE audit_accesslogentry DISABLE TRIGGER audit_accesslog_no_update_delete",
        "must be owner",
    )
    refused("ALTER TABLE audit_accesslogentry DISABLE TRIGGER ALL", "must be owner")
    refused("DROP TABLE audit_accesslogentry", "must be owner")
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()

    # The administration log is held the same way.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM accounts_adminlogentry")
    refused("UPDATE accounts_adminlogentry SET reason = 'x'", denied)
    refused("DELETE FROM accounts_adminlogentry", denied)
    refused("TRUNCATE accounts_adminlogentry", denied)
    refused("ALTER TABLE accounts_adminlogentry DISABLE TRIGGER ALL", "must be owner")


def test_the_printed_sql_grants_only_insert_and_select_on_the_log(people):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    out = io.StringIO()
    call_command("db_runtime_role", "--role", "jobbro_app", stdout=out)
    sql = out.getvalue()
    assert 'GRANT SELECT, INSERT ON "audit_accesslogentry" TO "jobbro_app";' in sql
    assert 'GRANT SELECT, INSERT ON "accounts_adminlogentry" TO "jobbro_app";' in sql
    assert 'GRANT SELECT, INSERT, UPDATE, DELETE ON "citizens_citizen" TO "jobbro_app";' in sql
    assert "TRUNCATE" not in sql.replace("REVOKE ALL", "")
