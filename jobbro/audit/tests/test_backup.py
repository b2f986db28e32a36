"""The backup and restore drill (issue 7, item 10), on whichever database the suite runs:
back up, wipe, restore, and everything is back: the rows, the encrypted fields readable
with the keys, the access log's chain intact."""

import io
import stat

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import RequestFactory

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens.models import Citizen


def counts() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_gives_everything_back(people, citizens, tmp_path):
    fatima = citizens["fatima"]
    fatima.health_notes = "Rygskade; må ikke løfte over 10 kg"
    fatima.save()
    request = RequestFactory().get("/borgere/", REMOTE_ADDR="10.0.0.5")
    request.user = people["alice"]
    with transaction.atomic():
        log_access(
            request, action=Action.LIST, citizen_ids=[c.pk for c in citizens.values()],
            purpose=Purpose.TEAM,
        )  # fmt: skip
    before = counts()
    assert before["audit.AccessLogEntry"] == len(citizens)

    path = tmp_path / "jobbro.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The backup does not carry CPR numbers in clear.
    assert b"0101901236" not in path.read_bytes()

    call_command("flush", interactive=False, verbosity=0)
    assert counts()["citizens.Citizen"] == 0
    assert counts()["audit.AccessLogEntry"] == 0

    out = io.StringIO()
    call_command("restore", str(path), interactive=False, stdout=out)

    assert counts() == before
    restored = Citizen.objects.get(pk=fatima.pk)
    assert restored.cpr == "0101901236"
    assert restored.health_notes == "Rygskade; må ikke løfte over 10 kg"
    assert Citizen.objects.get(cpr_hash=fatima.cpr_hash) == restored
    assert "intakt" in out.getvalue()
    # The log goes on from the restored chain.
    with transaction.atomic():
        log_access(request, action=Action.VIEW, citizen_ids=[fatima.pk], purpose=Purpose.TEAM)
    check = io.StringIO()
    call_command("verify_access_log", stdout=check)
    assert f"intakt: {len(citizens) + 1} rækker" in check.getvalue()
    if connection.vendor == "postgresql":
        # The append-only trigger came back with the table.
        entry = AccessLogEntry.objects.first()
        with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [entry.pk])


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    path = tmp_path / "not-a-backup"
    path.write_text("hello")
    with pytest.raises(CommandError, match="unknown backup"):
        call_command("restore", str(path), interactive=False)


@pytest.mark.django_db
def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "nothing"), interactive=False)


@pytest.mark.django_db
def test_backup_refuses_to_run_inside_a_transaction(tmp_path):
    with pytest.raises(CommandError, match="inside a transaction"):
        call_command("backup", str(tmp_path / "b"))


@pytest.mark.django_db(transaction=True)
def test_restore_asks_first(tmp_path, monkeypatch, people):
    path = tmp_path / "jobbro.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    with pytest.raises(CommandError, match="intet er ændret"):
        call_command("restore", str(path))
    assert counts()["accounts.User"] == len(people)
