"""An attachment's file goes when its row goes (a note or a whole case file deleted), once
the deletion is committed: a rolled-back deletion keeps the file."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import attachments
from .models import Attachment


@receiver(post_delete, sender=Attachment)
def remove_file(sender, instance: Attachment, **kwargs) -> None:
    attachments.removed_on_commit(instance.stored_as)
