"""Bulk writes for the demo's largest tables, below the ORM.

`bulk_create` builds a model instance per row and prepares every field of it in Python:
for the three million scores of a 50,000-citizen demo that was most of the build's time
(issue 14). `insert_rows` sends plain tuples to the cursor's `executemany`, in batches, on
SQLite and PostgreSQL alike. Only for values that need no conversion (ids, numbers, text);
the rows are checked by the database's own constraints as any insert is.
"""

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connection

BATCH = 20_000


def insert_rows(model, fields: Sequence[str], rows: Iterable[tuple]) -> int:
    """INSERT `rows` (tuples in the order of `fields`) into `model`'s table; the count."""
    opts = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(opts.get_field(name).column) for name in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    written = 0
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, BATCH)):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written
