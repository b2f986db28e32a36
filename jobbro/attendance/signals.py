"""A sanction attachment's file goes when its row goes (a document, a case or a whole case
file deleted), once the deletion is committed, as the journal's do (journal/signals.py)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from jobbro.journal import attachments

from .models import SanctionAttachment


@receiver(post_delete, sender=SanctionAttachment)
def remove_file(sender, instance: SanctionAttachment, **kwargs) -> None:
    attachments.removed_on_commit(instance.stored_as)
