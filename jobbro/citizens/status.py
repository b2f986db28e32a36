"""A case's status over time: active, paused (with a reason) or closed (with a reason).

The status is a history of `StatusPeriod` rows, never a single field that is overwritten,
so "the status as of a date" is a query (`CitizenQuerySet.status_as_of`), for reports.

Each row says "from `starts_on` (to `ends_on`, inclusive, or open-ended) the case was
`status`". Rows are only added: a later decision covers an earlier one from its own date
(a reopening covers the closing before it, a closing covers a pause that would have run
on). The status of a case on a day is the status of the newest row covering that day, or
active when none does (a case is active from its creation until something else is
recorded). The writes are `jobbro.cases.services` (`case_pause`, `case_resume`,
`case_close`, `case_reopen`), which keep the rules.

`ClosingReason` covers seed 004's list of outcomes (each recorded as itself, not as free
text); the programmes' enrolment end reasons build on it.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import municipalities


class CaseStatus(models.TextChoices):
    ACTIVE = "active", _("Aktiv")
    PAUSED = "paused", _("På pause")
    CLOSED = "closed", _("Lukket")


class PauseReason(models.TextChoices):
    MATERNITY = "maternity", _("Barsel")
    ILLNESS = "illness", _("Sygdom")
    ABROAD = "abroad", _("Ophold i udlandet")
    TREATMENT = "treatment", _("Behandling")


class ClosingReason(models.TextChoices):
    """Why a case was closed: seed 004's outcomes ("Af den samlede målgruppe er ...")."""

    ORDINARY_JOB = "ordinary_job", _("Ordinært arbejde")
    ORDINARY_EDUCATION = "ordinary_education", _("Ordinær uddannelse")
    FLEXJOB = "flexjob", _("Fleksjob")
    OWN_BUSINESS = "own_business", _("Startet egen virksomhed")
    MOVED = "moved", _("Flyttet til anden kommune")
    SPOUSE_SUPPORTED = "spouse_supported", _("Ægtefælleforsørget")
    DECLINED = "declined", _("Ønsker ikke at deltage i indsatsen")
    REPATRIATED = "repatriated", _("Repatrieret")
    DECEASED = "deceased", _("Afgået ved døden")
    OTHER = "other", _("Anden årsag")


# Closing reasons where the citizen left for work or education (self-supporting outcomes),
# as seed 004 and the national measures count them.
SELF_SUPPORTING_REASONS = (
    ClosingReason.ORDINARY_JOB,
    ClosingReason.ORDINARY_EDUCATION,
    ClosingReason.OWN_BUSINESS,
)


class StatusPeriod(models.Model):
    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="status_periods"
    )
    status = models.CharField(_("status"), max_length=8, choices=CaseStatus.choices)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til og med"), null=True, blank=True)
    pause_reason = models.CharField(
        _("årsag til pause"), max_length=12, choices=PauseReason.choices, blank=True
    )
    closing_reason = models.CharField(
        _("afslutningsårsag"), max_length=20, choices=ClosingReason.choices, blank=True
    )
    municipality = models.CharField(
        _("ny kommune"),
        max_length=3,
        blank=True,
        help_text=_("Kommunekode; kun når borgeren er flyttet til en anden kommune."),
    )
    note = models.TextField(
        _("bemærkning"),
        blank=True,
        help_text=_("Begrundelse; skal udfyldes ved genåbning og ved anden årsag."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("statusperiode")
        verbose_name_plural = _("statusperioder")
        indexes = [models.Index(fields=["citizen", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="status_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.PAUSED) | ~Q(pause_reason=""),
                name="status_period_pause_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.CLOSED)
                | (~Q(closing_reason="") & Q(ends_on__isnull=True)),
                name="status_period_closing_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(closing_reason=ClosingReason.MOVED) | ~Q(municipality=""),
                name="status_period_moved_names_municipality",
            ),
            models.CheckConstraint(
                condition=~Q(closing_reason=ClosingReason.OTHER) | ~Q(note=""),
                name="status_period_other_reason_has_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.starts_on:%d.%m.%Y}"

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    @property
    def municipality_name(self) -> str:
        return municipalities.name(self.municipality) if self.municipality else ""

    @property
    def reason_display(self) -> str:
        """The reason in Danish, as the case file and reports show it."""
        if self.status == CaseStatus.PAUSED:
            return self.get_pause_reason_display()
        if self.status != CaseStatus.CLOSED:
            return ""
        reason = str(self.get_closing_reason_display())
        if self.closing_reason == ClosingReason.MOVED:
            return f"{reason}: {self.municipality_name}"
        if self.closing_reason == ClosingReason.OTHER:
            return f"{reason}: {self.note}"
        return reason


def covering(day: dt.date):
    """The status periods covering `day` of the outer citizen, newest decision first."""
    return (
        StatusPeriod.objects.filter(citizen=OuterRef("pk"), starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("-id")
    )


def status_on(day: dt.date):
    """The case status on `day`, as a database expression over citizens."""
    return Coalesce(
        Subquery(covering(day).values("status")[:1]),
        Value(CaseStatus.ACTIVE),
        output_field=models.CharField(),
    )


def period_on(citizen_id: int, day: dt.date) -> StatusPeriod | None:
    """The period that decides one citizen's status on `day` (None: active by default)."""
    return (
        StatusPeriod.objects.filter(citizen_id=citizen_id, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("-id")
        .first()
    )
