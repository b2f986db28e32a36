"""The stored series of the progression measures (issue 14), filled from today's scores."""

import django.db.models.deletion
from django.db import migrations, models

BACK = 5


def fill(apps, schema_editor):
    """Every series from the assessments already scored (as services.series_rebuild)."""
    Assessment = apps.get_model("assessments", "Assessment")
    ProgressionSeries = apps.get_model("assessments", "ProgressionSeries")
    rows = (
        Assessment.objects.filter(mean__isnull=False)
        .order_by("citizen_id", "version__instrument_id", "assessed_on", "pk")
        .values_list("citizen_id", "version__instrument_id", "pk", "mean")
    )
    series = {}
    for citizen_id, instrument_id, pk, mean in rows.iterator(chunk_size=5000):
        series.setdefault((citizen_id, instrument_id), []).append((pk, mean))
    ProgressionSeries.objects.bulk_create(
        (
            ProgressionSeries(
                citizen_id=c,
                instrument_id=i,
                scored=len(points),
                first_mean=points[0][1],
                latest_mean=points[-1][1],
                latest_id=points[-1][0],
                **{
                    f"back{n}": points[-1 - n][1] if len(points) > n else None
                    for n in range(1, BACK + 1)
                },
            )
            for (c, i), points in series.items()
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_optimistic_locking"),
        ("citizens", "0003_timeline_event_placement"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProgressionSeries",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("scored", models.PositiveIntegerField()),
                ("first_mean", models.FloatField()),
                ("latest_mean", models.FloatField()),
                ("back1", models.FloatField(null=True)),
                ("back2", models.FloatField(null=True)),
                ("back3", models.FloatField(null=True)),
                ("back4", models.FloatField(null=True)),
                ("back5", models.FloatField(null=True)),
                (
                    "citizen",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="citizens.citizen",
                    ),
                ),
                (
                    "instrument",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="assessments.instrument",
                    ),
                ),
                (
                    "latest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="assessments.assessment",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("citizen", "instrument"), name="series_one_per_pair"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
