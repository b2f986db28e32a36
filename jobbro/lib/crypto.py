"""Encryption of sensitive fields and the keyed hash used to find them.

Fields are encrypted with Fernet (AES-128-CBC with HMAC-SHA256). Several keys may be
configured, newest first: the newest encrypts, all decrypt, and `rotate` re-encrypts a
token with the newest key, so a key can be retired after `jobbro rotate_keys`.

A CPR number is found by exact match through an HMAC-SHA256 of its digits under a separate
key: the database holds neither the number nor an unkeyed hash that could be brute-forced
over the small space of CPR numbers.
"""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class DecryptionError(Exception):
    pass


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise DecryptionError("No field encryption keys are configured")
    return MultiFernet([Fernet(k.encode()) for k in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return _current().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _current().decrypt(token.encode()).decode()
    except InvalidToken as e:
        raise DecryptionError("The value cannot be decrypted with the configured keys") from e


def encrypt_bytes(data: bytes) -> bytes:
    """A file's content encrypted like a field (journal attachments)."""
    return _current().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _current().decrypt(token)
    except InvalidToken as e:
        raise DecryptionError("The file cannot be decrypted with the configured keys") from e


def rotate_bytes(token: bytes) -> bytes:
    try:
        return _current().rotate(token)
    except InvalidToken as e:
        raise DecryptionError("The file cannot be decrypted with the configured keys") from e


def rotate(token: str) -> str:
    """The same plaintext, encrypted with the newest key."""
    try:
        return _current().rotate(token.encode()).decode()
    except InvalidToken as e:
        raise DecryptionError("The value cannot be decrypted with the configured keys") from e


def keyed_hash(value: str, *, purpose: str = "cpr") -> str:
    key = f"{purpose}:{settings.CPR_HASH_KEY}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
