"""Worlds built once per module: what the module fixtures that build one must call.

Several test modules build their world once (the permission matrix, the forms fuzz, the
query-count pins, the demo's rules, the assessment series): in a transaction of the module's
own, with each test in a savepoint inside it (pytest-django's `db`), rolled back at the end.
"""

from django.db import connection


def world_built() -> None:
    """Call when the module's world is built, in its transaction, before the tests use it.

    PostgreSQL checks foreign keys at the end of the transaction (Django makes them DEFERRABLE
    INITIALLY DEFERRED). pytest-django's `db` checks them at the end of every test (`SET
    CONSTRAINTS ALL IMMEDIATE`, in the test's savepoint), and rolling the savepoint back marks
    the checks it ran as not done again: so every test checked every row of the world again,
    in the database server, where the test's own CPU time does not show it (1.3 s a test
    after the demo's build; the PostgreSQL suite took twice as long as SQLite's). Checked once
    here, at the top of the module's transaction, the world's checks are done for good and each
    test checks only its own rows. On SQLite this is one `PRAGMA foreign_key_check`.
    """
    connection.check_constraints()
