"""Backing up and restoring the whole database: `jobbro backup FILE`, `jobbro restore FILE`.

PostgreSQL: pg_dump's custom format, restored by pg_restore in one transaction (--clean:
the tables in the file replace the ones in the database; owner and grants are left out, so
re-run `jobbro db_runtime_role --apply` afterwards). SQLite: the SQLite backup API, a
consistent copy even while others write, restored page by page into the live database.

The file holds every personal datum: CPR numbers and health notes encrypted with the field
keys, everything else (names, notes, the access log) in clear. It is written readable by
its owner only; keep it encrypted at rest and apart from the keys (README, Drift).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A message safe to show: what went wrong and what to do."""


def _private_file(path: Path) -> None:
    """Create `path` empty and readable by its owner only (or make it so)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    path.chmod(0o600)


def _pg_command(program: str) -> tuple[list[str], dict[str, str]]:
    executable = shutil.which(program)
    if not executable:
        raise BackupError(f"{program} is missing: install postgresql-client (Debian)")
    settings_dict = connection.settings_dict
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    args = [executable]
    for flag, key in (("--username", "USER"), ("--host", "HOST"), ("--port", "PORT")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    args += ["--dbname", settings_dict["NAME"]]
    return args, {**os.environ, **(env or {})}


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {done.stderr.strip()[-2000:]}")


def backup(path: Path) -> None:
    path = Path(path)
    if connection.in_atomic_block:
        # It copies what is committed; on SQLite it would wait for this very transaction.
        raise BackupError("backup must not run inside a transaction")
    _private_file(path)
    if connection.vendor == "postgresql":
        args, env = _pg_command("pg_dump")
        _run([*args, "--format=custom", "--file", str(path)], env)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"no backup for {connection.vendor}")
    path.chmod(0o600)


def kind(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    return "unknown"


def restore(path: Path) -> None:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    found = kind(path)
    if found != connection.vendor:
        raise BackupError(f"{path} is a {found} backup, and this database is {connection.vendor}")
    if connection.in_atomic_block:
        raise BackupError("restore must not run inside a transaction")
    if connection.vendor == "postgresql":
        args, env = _pg_command("pg_restore")
        # Our own connection must hold no locks while the tables are replaced.
        connection.close()
        _run(
            [*args, "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", "--exit-on-error", str(path)],
            env,
        )  # fmt: skip
    else:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (PRAGMA integrity_check)")
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
