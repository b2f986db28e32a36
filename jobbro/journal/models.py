"""The case's journal (issue 9 item 1): notes of conversations, calls, letters and meetings,
with attachments; a conversation can be planned (time and place, in the calendar feed) and
then recorded.

The note's text is encrypted like the health notes (it may hold anything the citizen told):
it cannot be searched in the database, so a citizen's journal is searched after decryption
(views.py), which is bounded by one citizen's notes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField
from jobbro.core.locking import Versioned


class NoteKind(models.TextChoices):
    CONVERSATION = "conversation", _("Samtale")
    PHONE = "phone", _("Telefon")
    LETTER = "letter", _("Brev")
    MEETING = "meeting", _("Møde")
    NOTE = "note", _("Notat")


# What can be planned for a time and a place; a letter or a note is written when it is.
PLANNABLE = (NoteKind.CONVERSATION, NoteKind.PHONE, NoteKind.MEETING)


class NoteStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    RECORDED = "recorded", _("Skrevet")
    CANCELLED = "cancelled", _("Aflyst")


class JournalNote(Versioned):
    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="journal_notes"
    )
    kind = models.CharField(_("type"), max_length=16, choices=NoteKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=NoteStatus.choices, default=NoteStatus.RECORDED
    )
    occurred_on = models.DateField(_("dato"))
    # A planned conversation's time, place and length: in the calendar feed of its author.
    starts_at = models.DateTimeField(_("tidspunkt"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("varighed i minutter"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    text = EncryptedTextField(_("notat"), blank=True)
    # The placement the note is about, if any: a company consultant sees only the notes of
    # their own companies' placements (journal/access.py).
    placement = models.ForeignKey(
        "placements.Placement",
        verbose_name=_("forløb"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("journalnotat")
        verbose_name_plural = _("journalnotater")
        indexes = [
            models.Index(fields=["citizen", "-occurred_on"]),
            models.Index(fields=["author", "status", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=NoteStatus.PLANNED) | Q(starts_at__isnull=False),
                name="journal_planned_has_a_time",
                violation_error_message=_("En planlagt samtale skal have et tidspunkt."),
            ),
            models.CheckConstraint(
                condition=~Q(status=NoteStatus.RECORDED) | ~Q(text=""),
                name="journal_recorded_has_a_text",
                violation_error_message=_("Et skrevet notat skal have en tekst."),
            ),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__gte=5, minutes__lte=600),
                name="journal_minutes_5_to_600",
                violation_error_message=_("Skriv en varighed mellem 5 og 600 minutter."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%d.%m.%Y}"

    @property
    def is_planned(self) -> bool:
        return self.status == NoteStatus.PLANNED


class StoredFile(models.Model):
    """What every uploaded file keeps (journal/attachments.py stores it): its name and type as
    uploaded, its size and hash, the random name it is stored encrypted under outside the web
    root (settings.ATTACHMENTS_DIR), who uploaded it and when. The journal's attachments and
    the sanction documentation's (attendance) are both of this kind."""

    name = models.CharField(_("filnavn"), max_length=150)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveIntegerField(_("størrelse i bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    stored_as = models.CharField(max_length=64, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vedhæftet af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("vedhæftet"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Attachment(StoredFile):
    """A file on a note, served only through journal/views.py:attachment_download."""

    note = models.ForeignKey(JournalNote, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
