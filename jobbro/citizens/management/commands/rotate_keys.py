"""`jobbro rotate_keys`: re-encrypt every encrypted field with the newest key.

To retire a key: put the new key first in JOBBRO_FIELD_KEYS (new,old), run this command,
then remove the old key. Loading a row decrypts it with whichever configured key made it;
saving encrypts with the first. Everything happens in one transaction, so a value that no
configured key can decrypt stops the run with nothing changed.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from jobbro.citizens.fields import EncryptedTextField


def encrypted_fields():
    """Each model with encrypted fields, and the names of those fields."""
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field with the newest key in JOBBRO_FIELD_KEYS"

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, **opts):
        batch_size = opts["batch_size"]
        with transaction.atomic():
            for model, names in encrypted_fields():
                label = model._meta.label
                total = model._default_manager.count()
                self.stdout.write(f"{label}: {total} rows, fields {', '.join(names)}")
                done, last_pk = 0, None
                while True:
                    rows = model._default_manager.order_by("pk").only("pk", *names)
                    if last_pk is not None:
                        rows = rows.filter(pk__gt=last_pk)
                    batch = list(rows[:batch_size])
                    if not batch:
                        break
                    # bulk_update writes each value through the field, which encrypts it
                    # with the newest key.
                    model._default_manager.bulk_update(batch, names)
                    done += len(batch)
                    last_pk = batch[-1].pk
                    self.stdout.write(f"{label}: {done} of {total} re-encrypted")
            self._rotate_attachments()
        self.stdout.write(self.style.SUCCESS("Done: the old keys may now be removed."))

    def _rotate_attachments(self):
        """Journal attachments are encrypted files (journal/attachments.py). Each is rewritten
        whole, so a run stopped half-way leaves every file readable, and running again
        finishes it."""
        from jobbro.attendance.models import SanctionAttachment
        from jobbro.journal import attachments
        from jobbro.journal.models import Attachment

        for model in (Attachment, SanctionAttachment):
            names = list(model.objects.values_list("stored_as", flat=True))
            for stored_as in names:
                attachments.rotate(stored_as)
            label = f"{model._meta.app_label}.{model.__name__}"
            self.stdout.write(f"{label}: {len(names)} files re-encrypted")
