"""Ship the two instruments and the self-scoring page's languages (see ../shipped.py)."""

from django.db import migrations

from jobbro.assessments.shipped import ship


def forwards(apps, schema_editor):
    ship(apps)


def unship(apps, schema_editor):
    apps.get_model("assessments", "Instrument").objects.all().delete()
    apps.get_model("assessments", "Language").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(forwards, unship)]
