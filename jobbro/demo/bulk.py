"""Bulk writes for the demo's tables, below the ORM's `bulk_create`.

`bulk_create` compiles every value of every row through the field machinery in Python
(`pre_save`, `get_db_prep_save`, one placeholder per value): at 50,000 citizens, with about
two million rows besides the three million scores, that was most of the build's time
(issue 14). Here the statement is made once per table and the rows go to the cursor's
`executemany` as tuples, in batches, on SQLite and PostgreSQL alike:

- `insert_rows` takes tuples of values that need no conversion (ids, numbers, text);
- `create` takes unsaved model instances, as `bulk_create` does, and gives them their
  primary keys (the next ids after the table's largest; PostgreSQL's sequence is moved past
  them). Only fields whose value the database driver cannot take as it is (dates, times,
  JSON, decimals, encrypted text) go through the field's own `get_db_prep_save`.

The rows are checked by the database's own constraints as any insert is. No signals are
sent (nor does `bulk_create` send them).
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, models

BATCH = 20_000

# Field classes whose Python value the drivers take unchanged (subclasses may convert, as the
# encrypted text field does, so the exact class is what counts).
_PLAIN = {
    models.AutoField,
    models.BigAutoField,
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.EmailField,
    models.FloatField,
    models.ForeignKey,
    models.IntegerField,
    models.OneToOneField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.SmallIntegerField,
    models.TextField,
}


def _insert_sql(model, columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608


def insert_rows(model, fields: Sequence[str], rows: Iterable[tuple]) -> int:
    """INSERT `rows` (tuples in the order of `fields`) into `model`'s table; the count."""
    opts = model._meta
    sql = _insert_sql(model, [opts.get_field(name).column for name in fields])
    written = 0
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, BATCH)):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def next_id(model) -> int:
    """The first id after the largest in `model`'s table."""
    largest = model._default_manager.aggregate(m=models.Max("pk"))["m"]
    return (largest or 0) + 1


def _move_sequence(model) -> None:
    """After rows with explicit ids: PostgreSQL's sequence must not hand them out again
    (SQLite's AUTOINCREMENT follows the largest id by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _converter(field, db):
    """How a value of `field` goes to the driver: None when as it is."""
    kind = type(field)
    if kind in _PLAIN:
        return None
    if db.vendor == "sqlite" and kind is models.DateTimeField and settings.USE_TZ:
        # What DatabaseOperations.adapt_datetimefield_value does (naive UTC text), without
        # its settings lookups per value.
        return lambda v: str(v.astimezone(dt.UTC).replace(tzinfo=None))
    if db.vendor == "sqlite" and kind is models.DateField:
        return str
    if db.vendor == "postgresql" and kind in (models.DateField, models.DateTimeField):
        return None  # psycopg takes dates and aware datetimes as they are
    return lambda v: field.get_db_prep_save(v, db)


def create(objs: Sequence[models.Model]) -> Sequence[models.Model]:
    """Save unsaved instances of one model, as `bulk_create(objs)` does: each gets its
    primary key (the next free ids, in order) and is marked saved. Defaults are those the
    instances were made with; `auto_now`/`auto_now_add` fields not given are now."""
    if not objs:
        return objs
    model = type(objs[0])
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.generated]
    pk = opts.pk
    related: list[Any] = [f for f in fields if f.is_relation]  # ForeignKeys: is_cached
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    start = next_id(model)
    for offset, obj in enumerate(objs):
        if getattr(obj, pk.attname) is None:
            setattr(obj, pk.attname, start + offset)
        # A related object saved after this one was made (a citizen's events are made with
        # the citizen): take its id now, as bulk_create does.
        for f in related:
            if getattr(obj, f.attname) is None and f.is_cached(obj):
                target = f.get_cached_value(obj)
                if target is not None:
                    setattr(obj, f.attname, target.pk)
        for f in stamped:
            if getattr(obj, f.attname) is None:
                f.pre_save(obj, add=True)
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the thread-local proxy
    converters = [_converter(f, db) for f in fields]
    names = [f.attname for f in fields]
    sql = _insert_sql(model, [str(f.column) for f in fields])

    def row(obj):
        return tuple(
            value if convert is None or value is None else convert(value)
            for value, convert in zip(
                [getattr(obj, name) for name in names], converters, strict=True
            )
        )

    with db.cursor() as cursor:
        for begin in range(0, len(objs), BATCH):
            cursor.executemany(sql, [row(o) for o in objs[begin : begin + BATCH]])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = db.alias
    _move_sequence(model)
    return objs
