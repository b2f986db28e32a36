import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from jobbro.conftest import make_citizen
from jobbro.lib import crypto
from jobbro.lib.crypto import DecryptionError

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()
UNKNOWN = Fernet.generate_key().decode()


def raw_columns(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cpr, health_notes FROM citizens_citizen WHERE id = %s", [pk])
        return cursor.fetchone()


def rotate(**opts):
    out = io.StringIO()
    call_command("rotate_keys", stdout=out, **opts)
    return out.getvalue()


@pytest.fixture
def old_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    return settings


@pytest.mark.django_db
def test_it_reencrypts_every_encrypted_column_with_the_newest_key(old_key):
    fatima = make_citizen("0101901236", health_notes="Ondt i ryggen")
    yonas = make_citizen("0202851237")  # no health notes
    old_cpr, old_notes = raw_columns(fatima.pk)

    old_key.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    output = rotate()

    old_key.FIELD_ENCRYPTION_KEYS = [NEW]
    cpr, notes = raw_columns(fatima.pk)
    assert (cpr, notes) != (old_cpr, old_notes)
    assert crypto.decrypt(cpr) == "0101901236"
    assert crypto.decrypt(notes) == "Ondt i ryggen"
    cpr, notes = raw_columns(yonas.pk)
    assert crypto.decrypt(cpr) == "0202851237"
    assert notes == ""
    # The old tokens no longer decrypt with the new key alone: the test would notice a no-op.
    with pytest.raises(DecryptionError):
        crypto.decrypt(old_cpr)
    assert "citizens.Citizen: 2 of 2 re-encrypted" in output


@pytest.mark.django_db
def test_it_prints_progress_per_batch(old_key):
    for n in range(5):
        make_citizen(f"01019{n}1235", first_name=f"B{n}")
    old_key.FIELD_ENCRYPTION_KEYS = [NEW, OLD]

    output = rotate(batch_size=2)

    assert "2 of 5" in output and "4 of 5" in output and "5 of 5" in output
    old_key.FIELD_ENCRYPTION_KEYS = [NEW]
    with connection.cursor() as cursor:
        cursor.execute("SELECT cpr FROM citizens_citizen")
        assert sorted(crypto.decrypt(cpr) for (cpr,) in cursor.fetchall()) == [
            f"01019{n}1235" for n in range(5)
        ]


@pytest.mark.django_db
def test_it_changes_nothing_when_a_value_cannot_be_decrypted(old_key):
    first = make_citizen("0101901236")
    old_key.FIELD_ENCRYPTION_KEYS = [UNKNOWN]
    make_citizen("0202851237")
    before = raw_columns(first.pk)

    old_key.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    with pytest.raises(DecryptionError):
        rotate(batch_size=1)

    # The first batch was rewritten, then rolled back with the failing second one.
    assert raw_columns(first.pk) == before


@pytest.mark.django_db
def test_it_never_stores_the_cpr_number_in_clear_text(old_key):
    citizen = make_citizen("0101901236", health_notes="Diabetes")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM citizens_citizen WHERE id = %s", [citizen.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "0101901236" not in row
    assert "010190-1236" not in row
    assert "Diabetes" not in row
    assert citizen.birth_date.isoformat() in row  # the row was read at all
