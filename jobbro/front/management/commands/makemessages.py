"""`makemessages` that writes a catalogue several people can change at once.

Entries are sorted by msgid and carry no source locations, and the header's creation date
is pinned, so two branches that each add strings touch different lines of `django.po` and
merge without conflict. Tests and the virtualenv are not scanned.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages

SORTED = ["--sort-output"]
PINNED_DATE = '"POT-Creation-Date: 2026-01-01 00:00+0000\\n"'


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, *SORTED]
    msgattrib_options = [*makemessages.Command.msgattrib_options, *SORTED]
    xgettext_options = [*makemessages.Command.xgettext_options, *SORTED]

    def handle(self, *args, **options):
        options["no_location"] = True
        options["ignore_patterns"] = [*options["ignore_patterns"], "tests", ".venv", "node_modules"]
        super().handle(*args, **options)
        for po in Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/*.po"):
            text = po.read_text(encoding="utf-8")
            pinned = re.sub(r'"POT-Creation-Date: [^"]*"', lambda _m: PINNED_DATE, text, count=1)
            if pinned != text:
                po.write_text(pinned, encoding="utf-8")
