"""The migrated test database, kept between test runs on SQLite.

Migrating an empty database takes about 20 CPU seconds (some 110 migrations, the data
migrations among them: the law's reference rows, the shipped programmes, instruments and
practices), a third of the whole fast suite. Most runs migrate exactly the same files as the
run before, so the first run saves the migrated in-memory database to a file under
JOBBRO_VAR_DIR, and later runs copy that file into the in-memory test database (SQLite's
backup API: a few milliseconds) instead of migrating.

The file is named by a hash of everything the migrations' result depends on: every
migration file of the project, every project module those files import (followed
transitively: the data migrations ship rows from `law/reference.py`, `programmes/shipped.py`
and others), the settings, uv.lock (the migrations of Django and the other packages), and the
versions of Python, Django and SQLite, and the keys the migrations could encrypt or hash
with. A change to any of them migrates again, for real.

`pytest --create-db` always migrates (and renews the file); so does every PostgreSQL run and a
run with `--no-migrations`. CI (.ci/run) gives each run a fresh JOBBRO_VAR_DIR, so CI migrates
for real every time.
"""

import ast
import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.db.backends.base.creation import BaseDatabaseCreation

ROOT = Path(__file__).resolve().parents[2]  # the repository
PACKAGE = ROOT / "jobbro"


def _module_file(dotted: str) -> Path | None:
    path = ROOT.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_project_files(path: Path) -> set[Path]:
    """The project's modules that `path` imports anywhere (also inside functions, where the
    data migrations import what they ship)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name == "jobbro" or name.startswith("jobbro."):
                # The package __init__ files on the way are imported too.
                parts = name.split(".")
                for i in range(1, len(parts) + 1):
                    module = _module_file(".".join(parts[:i]))
                    if module is not None:
                        found.add(module)
    return found


def depends_on() -> list[Path]:
    """Every file whose content decides what the migrated database holds."""
    todo = sorted(PACKAGE.glob("*/migrations/*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_imported_project_files(path) - seen)
    seen |= {PACKAGE / "settings.py", ROOT / "uv.lock"}
    return sorted(p for p in seen if p.is_file())


def key() -> str:
    digest = hashlib.sha256()
    for part in (sys.version, django.__version__, sqlite3.sqlite_version):
        digest.update(part.encode() + b"\0")
    # What the migrations encrypt or hash with (only hashed into the name, never stored).
    for name in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "CPR_HASH_KEY", "ACCESS_LOG_KEY"):
        digest.update(repr(getattr(settings, name, None)).encode() + b"\0")
    for path in depends_on():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(settings.VAR_DIR) / "test-db"


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    source.backup(target)


@contextmanager
def _migrate_from_file(connection, path: Path) -> Iterator[None]:
    """While the test database is created: `migrate` copies `path` in when it exists, and
    writes it after migrating when it does not."""
    from django.core import management

    real_call_command = management.call_command

    def call_command(name, *args, **options):
        if name != "migrate" or options.get("database", "default") != connection.alias:
            return real_call_command(name, *args, **options)
        connection.ensure_connection()
        if path.is_file():
            with closing(sqlite3.connect(path)) as saved:
                _copy(saved, connection.connection)
            return None
        result = real_call_command(name, *args, **options)
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("migrated-*.sqlite3"):
            old.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        with closing(sqlite3.connect(partial)) as saved:
            _copy(connection.connection, saved)
        partial.replace(path)  # atomic: a parallel run reads the whole file or none
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(management, "call_command", call_command)
        yield


def _cacheable(connection) -> bool:
    test = connection.settings_dict.get("TEST", {})
    return (
        connection.vendor == "sqlite"
        and test.get("MIGRATE", True) is not False
        and connection.creation.is_in_memory_db(connection.creation._get_test_db_name())
    )


@contextmanager
def migrated_from_file(*, renew: bool) -> Iterator[None]:
    """For the test session: SQLite test databases come from the saved migrated file;
    `renew` (pytest --create-db) migrates again and saves the result."""
    real_create = BaseDatabaseCreation.create_test_db
    path = cache_dir() / f"migrated-{key()}.sqlite3"
    if renew:
        path.unlink(missing_ok=True)

    def create_test_db(self, *args, **kwargs):
        if not _cacheable(self.connection):
            return real_create(self, *args, **kwargs)
        with _migrate_from_file(self.connection, path):
            return real_create(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseCreation, "create_test_db", create_test_db)
        yield
