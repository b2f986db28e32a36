import hashlib

import pytest
from cryptography.fernet import Fernet

from jobbro.lib import crypto
from jobbro.lib.crypto import DecryptionError

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()
OTHER = Fernet.generate_key().decode()


@pytest.fixture
def keys(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    return settings


def test_it_round_trips(keys):
    token = crypto.encrypt("0101901235")
    assert crypto.decrypt(token) == "0101901235"
    assert crypto.decrypt(crypto.encrypt("Æblegrød på ønsket")) == "Æblegrød på ønsket"


def test_it_hides_the_plaintext_and_never_repeats_a_token(keys):
    first, second = crypto.encrypt("0101901235"), crypto.encrypt("0101901235")
    assert "0101901235" not in first
    assert first != second
    assert crypto.decrypt(first) == crypto.decrypt(second) == "0101901235"


def test_it_hashes_deterministically_under_the_key(settings):
    settings.CPR_HASH_KEY = "key-one"
    one = crypto.keyed_hash("0101901235")
    assert crypto.keyed_hash("0101901235") == one
    assert crypto.keyed_hash("0101901236") != one
    # Not a plain hash, which could be brute-forced over the small space of CPR numbers.
    assert one != hashlib.sha256(b"0101901235").hexdigest()

    settings.CPR_HASH_KEY = "key-two"
    assert crypto.keyed_hash("0101901235") != one


def test_it_hashes_differently_by_purpose(settings):
    settings.CPR_HASH_KEY = "key-one"
    assert crypto.keyed_hash("20304050", purpose="cpr") != crypto.keyed_hash(
        "20304050", purpose="phone"
    )
    assert crypto.keyed_hash("20304050") == crypto.keyed_hash("20304050", purpose="cpr")


def test_it_decrypts_with_an_old_key_after_a_new_one_is_added(keys):
    old_token = crypto.encrypt("hemmelig")
    keys.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    assert crypto.decrypt(old_token) == "hemmelig"


def test_it_encrypts_with_the_newest_key(keys):
    keys.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    token = crypto.encrypt("hemmelig")
    keys.FIELD_ENCRYPTION_KEYS = [NEW]
    assert crypto.decrypt(token) == "hemmelig"


def test_it_rotates_a_token_to_the_newest_key(keys):
    old_token = crypto.encrypt("hemmelig")
    keys.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    new_token = crypto.rotate(old_token)
    assert new_token != old_token

    keys.FIELD_ENCRYPTION_KEYS = [NEW]
    assert crypto.decrypt(new_token) == "hemmelig"
    with pytest.raises(DecryptionError):
        crypto.decrypt(old_token)


def test_it_refuses_a_token_under_an_unknown_key(keys):
    keys.FIELD_ENCRYPTION_KEYS = [OTHER]
    token = crypto.encrypt("hemmelig")
    keys.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    with pytest.raises(DecryptionError):
        crypto.decrypt(token)
    with pytest.raises(DecryptionError):
        crypto.rotate(token)


def test_it_refuses_a_token_that_is_not_one(keys):
    with pytest.raises(DecryptionError):
        crypto.decrypt("0101901235")


def test_it_refuses_to_work_without_keys(settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    with pytest.raises(DecryptionError):
        crypto.encrypt("hemmelig")
