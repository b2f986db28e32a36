"""Who works with a case over time: mentors and handovers between case workers.

The case's status history is `citizens.status.StatusPeriod` (the citizen's own); this app
holds the writes that change it (services.py) and the history of mentors (`Mentorship`) and
of handovers (`Transfer`). `Citizen.mentor` and `Citizen.case_worker` stay the current ones,
which access is decided on (citizens/access.py); these rows are their history.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mentorship(models.Model):
    """A mentor assigned to a citizen from `starts_on` until `ends_on` (inclusive)."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="mentorships"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til og med"), null=True, blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("mentorforløb")
        verbose_name_plural = _("mentorforløb")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="mentorship_ends_after_start",
            ),
            # One current mentor per citizen, as Citizen.mentor holds one.
            models.UniqueConstraint(
                fields=["citizen"],
                condition=Q(ends_on__isnull=True),
                name="mentorship_one_open_per_citizen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} {self.starts_on:%d.%m.%Y}"


class Transfer(models.Model):
    """A case handed over from one case worker (and team) to another, with a note.

    `handover_on` is the day the case starts in the new caseload (seed 004: "Der er
    01.10.2016 overdraget 31 sager til projektet"); the rows are the caseload's history.
    """

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="transfers"
    )
    from_case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fra sagsbehandler"),
        on_delete=models.PROTECT,
        related_name="transfers_given",
        null=True,
        blank=True,
    )
    to_case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("til sagsbehandler"),
        on_delete=models.PROTECT,
        related_name="transfers_received",
    )
    # The teams at the time of the handover (a user may change team later).
    from_team = models.ForeignKey(
        "accounts.Team",
        verbose_name=_("fra team"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    to_team = models.ForeignKey(
        "accounts.Team",
        verbose_name=_("til team"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    handover_on = models.DateField(_("overdraget pr."))
    note = models.TextField(_("note til modtageren"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-handover_on", "-id"]
        verbose_name = _("overdragelse")
        verbose_name_plural = _("overdragelser")
        indexes = [
            models.Index(fields=["to_case_worker", "-handover_on"]),
            models.Index(fields=["from_case_worker", "-handover_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.from_case_worker} → {self.to_case_worker} {self.handover_on:%d.%m.%Y}"
