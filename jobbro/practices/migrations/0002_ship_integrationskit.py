"""Ship the Integrationskit's 19 practices (data/integrationskit.json, seed 002)."""

from django.db import migrations

from jobbro.practices.shipped import ship


def forwards(apps, schema_editor):
    ship(apps)


def backwards(apps, schema_editor):
    apps.get_model("practices", "Practice").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
