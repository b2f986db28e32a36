"""`jobbro db_runtime_role`: the PostgreSQL grants for the role Jobbro runs as.

Migrations run as the database's owner; the application runs as a role that owns nothing.
It may read and write the ordinary tables, but on the append-only logs (the access log and
the administration log) only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, and since it
is not the owner it cannot ALTER the tables or DISABLE their triggers either.

Prints the SQL; `--apply` runs it as the current DATABASE_URL user (the owner). Run it after
every `jobbro migrate`, since new tables get no grants of their own.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

# Tables whose rows are only ever added (model labels; a model not installed is skipped).
APPEND_ONLY = ("audit.AccessLogEntry", "accounts.AdminLogEntry")


def append_only_tables() -> list[str]:
    tables = []
    for label in APPEND_ONLY:
        try:
            tables.append(apps.get_model(label)._meta.db_table)
        except LookupError:
            continue
    return tables


def statements(role: str) -> list[str]:
    q = connection.ops.quote_name
    existing = set(connection.introspection.table_names())
    logs = [t for t in append_only_tables() if t in existing]
    ordinary = sorted(existing - set(logs))
    r = q(role)
    sql = [
        f"GRANT CONNECT ON DATABASE {q(connection.settings_dict['NAME'])} TO {r}",
        f"GRANT USAGE ON SCHEMA {q(current_schema())} TO {r}",
    ]
    for table in ordinary:
        sql.append(f"REVOKE ALL ON {q(table)} FROM {r}")
        sql.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {q(table)} TO {r}")
    for table in logs:
        sql.append(f"REVOKE ALL ON {q(table)} FROM {r}")
        sql.append(f"GRANT SELECT, INSERT ON {q(table)} TO {r}")
    sql.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {q(current_schema())} TO {r}")
    return sql


def current_schema() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def role_exists(role: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        return cursor.fetchone() is not None


class Command(BaseCommand):
    help = "Print (or --apply) the PostgreSQL grants of the runtime role"

    def add_arguments(self, parser):
        parser.add_argument("--role", default="jobbro_app", help="default: jobbro_app")
        parser.add_argument("--apply", action="store_true", help="run the SQL as the owner")

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("db_runtime_role is for PostgreSQL; SQLite has no roles.")
        role = opts["role"]
        sql = statements(role)
        if not opts["apply"]:
            if not role_exists(role):
                self.stdout.write(
                    f"CREATE ROLE {connection.ops.quote_name(role)} LOGIN;"
                    "  -- then \\password in psql; never in a file"
                )
            for statement in sql:
                self.stdout.write(statement + ";")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            owner = connection.settings_dict.get("USER")
            if owner == role:
                raise CommandError("Run this as the tables' owner, not as the runtime role.")
            if not role_exists(role):
                # A role that can log in once it has a password (set it outside Jobbro).
                cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role)} LOGIN")
            for statement in sql:
                cursor.execute(statement)
        self.stdout.write(
            f"{role}: SELECT, INSERT, UPDATE, DELETE on {len(sql) // 2 - 1} tables; "
            f"only SELECT and INSERT on {', '.join(append_only_tables())}."
        )
