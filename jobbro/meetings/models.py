"""The monthly coordination meeting (seed 000 line ~101): the ambassador, company
consultants and case workers coordinate the effort for each refugee. A meeting has an
agenda generated for its date (frozen: the items it showed, `AgendaItem`), and minutes:
decisions with who does what by when. A decision about a citizen with someone responsible
and a date becomes a planned conversation in the citizen's journal (`Decision.follow_up`),
the existing kind of follow-up about a citizen (journal/services.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField


class Meeting(models.Model):
    held_on = models.DateField(_("mødedato"))
    title = models.CharField(_("titel"), max_length=200)
    participants = models.CharField(_("deltagere"), max_length=500, blank=True)
    # When the agenda was generated, and how many items each section had in all (the agenda
    # keeps at most AGENDA_SHOWN items of each; `{kind: total}`).
    agenda_at = models.DateTimeField(null=True, blank=True)
    agenda_counts = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("koordinationsmøde")
        verbose_name_plural = _("koordinationsmøder")

    def __str__(self) -> str:
        return f"{self.title} {self.held_on:%d.%m.%Y}"


class AgendaKind(models.TextChoices):
    """The agenda's sections, most urgent first (as the front pages' inbox orders them)."""

    ACUTE = "acute", _("Akutte henvendelser uden svar")
    FOLLOW_UP = "follow_up", _("Forfaldne opfølgninger")
    AWAITING = "awaiting", _("Uden startet indsats efter 96 timer")
    FIRST_OFFER = "first_offer", _("Uden første virksomhedsrettede tilbud efter fristen")
    ENDING = "ending", _("Praktikker, der slutter inden næste møde")
    STALLED = "stalled", _("Uden fremgang")
    BELOW_HOURS = "below_hours", _("Under deres timer i arbejdspligten")


class AgendaItem(models.Model):
    """One citizen on one section of the agenda, as it was when generated: the link to the
    page to look at, and a detail without the citizen's name (the company, a date)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(max_length=16, choices=AgendaKind.choices)
    citizen = models.ForeignKey("citizens.Citizen", on_delete=models.CASCADE, related_name="+")
    # The placement the item is about, if any (a company consultant sees only their own).
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    url = models.CharField(max_length=300)
    detail = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["meeting", "position"]
        indexes = [models.Index(fields=["meeting", "kind", "position"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.citizen_id}"


class Decision(models.Model):
    """A decision in the minutes: what, who does it, by when; about a citizen or not. Its
    text is encrypted (it may say what was discussed about a person)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = EncryptedTextField(_("beslutning"))
    citizen = models.ForeignKey(
        "citizens.Citizen",
        verbose_name=_("borger"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hvem"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("senest"), null=True, blank=True)
    # The planned conversation the action became (a journal note); kept when it is recorded.
    follow_up = models.OneToOneField(
        "journal.JournalNote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_decision",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        constraints = [
            # An action about a citizen has both someone responsible and a date.
            models.CheckConstraint(
                condition=models.Q(follow_up__isnull=True)
                | models.Q(responsible__isnull=False, due_on__isnull=False),
                name="decision_follow_up_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.pk}"
