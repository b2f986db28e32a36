"""Calendar feed tokens are stored as their SHA-256, not in clear.

Feeds made by `feed_renew` (secrets.token_urlsafe, 43 characters) are hashed in place, so
subscribed calendars keep working. Feeds of the old demo (48 hex digits from the demo's
seeded random stream, so predictable) are deleted: their users make a new address.
"""

import hashlib
import re

from django.db import migrations, models

SEEDED = re.compile(r"[0-9a-f]{48}")


def hash_tokens(apps, schema_editor):
    CalendarFeed = apps.get_model("placements", "CalendarFeed")
    for feed in CalendarFeed.objects.all():
        if SEEDED.fullmatch(feed.token):
            feed.delete()
        else:
            feed.token_hash = hashlib.sha256(feed.token.encode()).hexdigest()
            feed.save(update_fields=["token_hash"])


def forget_feeds(apps, schema_editor):
    # Going back cannot restore tokens that were never stored: the addresses are renewed.
    apps.get_model("placements", "CalendarFeed").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0003_optimistic_locking"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendarfeed", name="token"),
        migrations.AlterField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
        # Last, so that going back removes the feeds before the token column returns.
        migrations.RunPython(migrations.RunPython.noop, forget_feeds),
    ]
