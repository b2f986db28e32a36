"""Make existing rows keep the rules that 0006 adds as constraints, so it cannot fail.

- hours per week outside (0, 60] are not a week's hours anyone meant: unknown (NULL);
- negative paid hours become 0;
- of several open follow-ups of one placement, the one due first stays open and the
  others are cancelled (the plan's rhythm keeps one open follow-up per course).

The data is fixed in its own migration (its own transaction on PostgreSQL) before the
constraints are added.
"""

from django.db import migrations
from django.db.models import Count, Q

MAX_HOURS_PER_WEEK = 60  # as companies.models.MAX_HOURS_PER_WEEK when this was written


def keep_the_rules(apps, schema_editor):
    Placement = apps.get_model("placements", "Placement")
    FollowUp = apps.get_model("placements", "FollowUp")
    Placement.objects.filter(
        Q(hours_per_week__lte=0) | Q(hours_per_week__gt=MAX_HOURS_PER_WEEK)
    ).update(hours_per_week=None)
    Placement.objects.filter(paid_hours_per_week__lt=0).update(paid_hours_per_week=0)
    open_ = FollowUp.objects.filter(done_on__isnull=True, cancelled=False)
    doubled = (
        open_.values("placement_id").annotate(n=Count("id")).filter(n__gt=1).values("placement_id")
    )
    for placement_id in doubled.values_list("placement_id", flat=True):
        first = open_.filter(placement_id=placement_id).order_by("due_on", "id").first()
        open_.filter(placement_id=placement_id).exclude(pk=first.pk).update(cancelled=True)


class Migration(migrations.Migration):
    dependencies = [("placements", "0004_calendar_token_hash")]

    operations = [migrations.RunPython(keep_the_rules, migrations.RunPython.noop)]
