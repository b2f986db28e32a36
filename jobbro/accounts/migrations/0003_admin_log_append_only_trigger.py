"""On PostgreSQL, the administration log refuses UPDATE and DELETE in the database itself,
as the access log does (audit/migrations/0002)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION accounts_adminlog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The administration log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounts_adminlog_no_update_delete
    BEFORE UPDATE OR DELETE ON accounts_adminlogentry
    FOR EACH ROW EXECUTE FUNCTION accounts_adminlog_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS accounts_adminlog_no_update_delete ON accounts_adminlogentry;
DROP FUNCTION IF EXISTS accounts_adminlog_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # No params: psycopg would read the % of RAISE's format string as a placeholder.
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_admin_log")]

    operations = [migrations.RunPython(forwards, backwards)]
