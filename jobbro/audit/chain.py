"""The access log's hash chain: every row carries an HMAC over its content and the previous
row's hash, so a row changed, deleted or inserted behind Jobbro's back breaks the chain.

    chain_hash(n) = HMAC-SHA256(ACCESS_LOG_KEY, chain_hash(n-1) + content(n))

Rows are chained in id order, starting from GENESIS. The key (JOBBRO_LOG_KEY) lives only in
the environment, never in the database, so whoever can write the table (even its owner)
cannot compute a hash that verifies. Deleting the newest rows leaves a shorter chain that
still verifies: `verify_access_log --anchor ID:HASH` checks against a head recorded earlier.

Writers are serialized while they read the head and insert: on PostgreSQL by a
transaction-level advisory lock, held until the request's transaction ends; on SQLite by the
write lock that every (immediate) transaction takes when it begins.
"""

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections

GENESIS = "0" * 64
# pg_advisory_xact_lock takes a bigint; this one is "jobbro.audit.chain" folded to 63 bits.
LOCK_ID = int.from_bytes(hashlib.sha256(b"jobbro.audit.chain").digest()[:8], "big") >> 1


def _ip(value) -> str:
    if not value:
        return ""
    try:
        return ipaddress.ip_address(str(value)).compressed
    except ValueError:
        return str(value)


def _at(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content(entry) -> list:
    """What the hash covers: every column but the id and the hash itself."""
    return [
        _at(entry.at),
        entry.user_id,
        entry.role,
        entry.action,
        entry.citizen_id,
        entry.purpose,
        entry.reason,
        entry.fields,
        _ip(entry.ip_address),
        entry.path,
    ]


def link(previous: str, entry, key: str | None = None) -> str:
    """The hash of `entry` following a row whose hash is `previous`."""
    payload = json.dumps([previous, *content(entry)], ensure_ascii=False, separators=(",", ":"))
    secret = (key or settings.ACCESS_LOG_KEY).encode()
    return hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()


def lock(using: str) -> None:
    """Serialize chain writers until the current transaction ends."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
    # SQLite: the transaction already holds the database's write lock (BEGIN IMMEDIATE), or
    # its first write fails rather than fork the chain.


def head(model, using: str) -> tuple[int, str]:
    """The newest row's id and hash (0 and GENESIS for an empty log)."""
    rows = model._base_manager.using(using).order_by("-pk").values_list("pk", "chain_hash")
    return rows.first() or (0, GENESIS)


def check_order(head_id: int, ids: list) -> None:
    """The rows just inserted must follow the head in id order, as they were chained."""
    if None in ids:  # the database did not return the ids: nothing to check
        return
    if any(b <= a for a, b in zip([head_id, *ids], ids, strict=False)):
        raise RuntimeError("access log rows got ids out of chain order")


def chain(entries: list, previous: str) -> None:
    """Set each entry's hash, in order, after `previous`."""
    for entry in entries:
        entry.chain_hash = previous = link(previous, entry)


@dataclass
class Verification:
    rows: int = 0
    last_id: int | None = None
    last_hash: str = GENESIS
    # (id, at) of each row whose hash does not follow from its content and the row before.
    broken: list[tuple[int, dt.datetime]] = field(default_factory=list)
    anchor_found: bool | None = None

    @property
    def intact(self) -> bool:
        return not self.broken and self.anchor_found is not False


def verify(
    entries: Iterable, anchor: tuple[int, str] | None = None, start: str = GENESIS
) -> Verification:
    """Walk the rows in id order; after a broken link go on from the stored hash, so one
    changed row is one break and later rows are still checked. `start` is the hash the
    first row follows: GENESIS for the whole log, or a checkpoint's hash when the rows up to
    it were removed under the log's retention rule (docs/retention.md)."""
    result = Verification()
    previous = start
    if anchor is not None:
        # The empty log's head is 0:GENESIS, and it is in every chain.
        result.anchor_found = anchor == (0, GENESIS)
    for entry in entries:
        result.rows += 1
        if not hmac.compare_digest(link(previous, entry), entry.chain_hash or ""):
            result.broken.append((entry.pk, entry.at))
        if anchor is not None and entry.pk == anchor[0]:
            result.anchor_found = hmac.compare_digest(entry.chain_hash or "", anchor[1])
        previous = entry.chain_hash or ""
        result.last_id, result.last_hash = entry.pk, previous
    return result
