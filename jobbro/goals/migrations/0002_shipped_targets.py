"""Ship seed 000's targets for the ambassador project (see ../shipped.py)."""

from django.db import migrations

from jobbro.goals.shipped import TARGETS, ship


def forwards(apps, schema_editor):
    ship(apps)


def unship(apps, schema_editor):
    apps.get_model("goals", "Target").objects.filter(programme__code__in=list(TARGETS)).delete()


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_initial"), ("programmes", "0002_shipped_programmes")]

    operations = [migrations.RunPython(forwards, unship)]
