"""Indexes the benchmark showed were missing (issue 14).

- `citizen_awaiting`: a partial index on the few citizens settled without a started effort,
  for the 96-hour list and its counts.
- On PostgreSQL only: trigram indexes (pg_trgm) on the upper-cased first and last name, which
  serve the name search's `icontains` (Django writes it as `UPPER(col) LIKE UPPER('%term%')`).
  SQLite has no trigram index; there the search scans the user's scope, which is small.
"""

from django.db import migrations, models

TRIGRAM = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS citizen_first_name_trgm ON citizens_citizen "
    "USING gin (UPPER(first_name) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS citizen_last_name_trgm ON citizens_citizen "
    "USING gin (UPPER(last_name) gin_trgm_ops)",
)
TRIGRAM_DROP = (
    "DROP INDEX IF EXISTS citizen_first_name_trgm",
    "DROP INDEX IF EXISTS citizen_last_name_trgm",
)


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("citizens", "0004_case_status"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="citizen",
            index=models.Index(
                condition=models.Q(
                    ("effort_started_at__isnull", True), ("settled_at__isnull", False)
                ),
                fields=["settled_at"],
                name="citizen_awaiting",
            ),
        ),
        migrations.RunPython(_on_postgresql(TRIGRAM), _on_postgresql(TRIGRAM_DROP)),
    ]
