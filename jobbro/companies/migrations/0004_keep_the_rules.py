"""Make existing openings keep the rules that 0005 adds as constraints, so it cannot fail:
a capacity under 1 becomes 1, and hours per week outside (0, 60] become unknown (NULL).

The data is fixed in its own migration (its own transaction on PostgreSQL) before the
constraints are added.
"""

from django.db import migrations
from django.db.models import Q

MAX_HOURS_PER_WEEK = 60  # as companies.models.MAX_HOURS_PER_WEEK when this was written


def keep_the_rules(apps, schema_editor):
    Opening = apps.get_model("companies", "Opening")
    Opening.objects.filter(capacity__lt=1).update(capacity=1)
    Opening.objects.filter(
        Q(hours_per_week__lte=0) | Q(hours_per_week__gt=MAX_HOURS_PER_WEEK)
    ).update(hours_per_week=None)


class Migration(migrations.Migration):
    dependencies = [("companies", "0003_optimistic_locking")]

    operations = [migrations.RunPython(keep_the_rules, migrations.RunPython.noop)]
