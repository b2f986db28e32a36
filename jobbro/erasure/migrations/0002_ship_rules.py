from django.db import migrations

from jobbro.erasure.shipped import ship


class Migration(migrations.Migration):
    dependencies = [("erasure", "0001_initial")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
