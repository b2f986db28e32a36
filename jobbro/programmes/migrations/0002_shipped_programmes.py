"""Ship the seeds' programmes and projects (see ../shipped.py)."""

from django.db import migrations

from jobbro.programmes.shipped import ALL, ship


def forwards(apps, schema_editor):
    ship(apps)


def unship(apps, schema_editor):
    codes = [data["code"] for data in ALL]
    apps.get_model("programmes", "Programme").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(forwards, unship)]
