"""The raters' English and the items' first-person wordings for the self-scoring page; the
shipped tools' raters named as seed 004 names them (see ../shipped.py, `reword`)."""

from django.db import migrations, models

from jobbro.assessments.shipped import reword


def forwards(apps, schema_editor):
    reword(apps)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_progression_series")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="self_texts",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="borgerens egen formulering"
            ),
        ),
        migrations.AddField(
            model_name="rater",
            name="translations",
            field=models.JSONField(blank=True, default=dict, verbose_name="oversættelser"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
