"""Chain the rows written before the hash chain existed, in id order, with JOBBRO_LOG_KEY.

On PostgreSQL the append-only trigger refuses the UPDATE, so this migration (run as the
table's owner, like every migration) switches it off for its own transaction only.
"""

from django.db import migrations

from jobbro.audit import chain

TRIGGER = "audit_accesslog_no_update_delete"


def forwards(apps, schema_editor):
    Entry = apps.get_model("audit", "AccessLogEntry")
    db = schema_editor.connection.alias
    postgres = schema_editor.connection.vendor == "postgresql"
    rows = Entry.objects.using(db).order_by("pk")
    if not rows.exists():
        return
    if postgres:
        # Flush deferred constraint checks first, or ALTER TABLE refuses.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE audit_accesslogentry DISABLE TRIGGER {TRIGGER}")
    previous, last_pk = chain.GENESIS, 0
    while batch := list(rows.filter(pk__gt=last_pk)[:1000]):
        for entry in batch:
            entry.chain_hash = previous = chain.link(previous, entry)
        Entry.objects.using(db).bulk_update(batch, ["chain_hash"])
        last_pk = batch[-1].pk
    if postgres:
        schema_editor.execute(f"ALTER TABLE audit_accesslogentry ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_access_log_chain_hash")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
