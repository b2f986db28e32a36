"""Placements on the priority staircase (PRODUCT.md capability 4; seed 000 line ~137)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacementKind(models.TextChoices):
    """What the citizen does. The staircase step follows from this and the company's sector."""

    ORDINARY = "ordinary", _("Ordinært arbejde")
    WAGE_SUBSIDY = "wage_subsidy", _("Løntilskud")
    INTERNSHIP = "internship", _("Virksomhedspraktik")
    OTHER_EFFORT = "other_effort", _("Øvrige udviklingsindsatser, herunder nytteindsats")
    IGU = "igu", _("IGU-forløb")
    SMALL_JOB = "small_job", _("Småjob / lønnede timer")
    LEISURE_JOB = "leisure_job", _("Fritidsjob")
    EDUCATION = "education", _("Uddannelse (VUC, FVU)")
    FLEXJOB = "flexjob", _("Fleksjob")


class Step(models.IntegerChoices):
    """The six steps of the priority staircase, from the top (seed 000 line ~137)."""

    ORDINARY = 1, _("Ordinært arbejde")
    WAGE_SUBSIDY_PRIVATE = 2, _("Ansættelse med løntilskud i privat virksomhed")
    WAGE_SUBSIDY_PUBLIC = 3, _("Ansættelse med løntilskud i offentlig virksomhed")
    INTERNSHIP_PRIVATE = 4, _("Virksomhedspraktik i privat virksomhed")
    INTERNSHIP_PUBLIC = 5, _("Virksomhedspraktik i offentlig virksomhed")
    OTHER_EFFORT = 6, _("Øvrige udviklingsindsatser herunder nytteindsatser")


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    PLANNED = "planned", _("Aftalt")
    ACTIVE = "active", _("I gang")
    ENDED = "ended", _("Afsluttet")
    CANCELLED = "cancelled", _("Annulleret")


class Placement(models.Model):
    """A citizen in an opening, or directly at a company, for a period (glossary: course)."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.PROTECT, related_name="placements"
    )
    company = models.ForeignKey(
        "companies.Company",
        on_delete=models.PROTECT,
        related_name="placements",
        null=True,
        blank=True,
    )
    opening = models.ForeignKey(
        "companies.Opening",
        on_delete=models.SET_NULL,
        related_name="placements",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("type"), max_length=16, choices=PlacementKind.choices)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("slut"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    paid_hours_per_week = models.DecimalField(
        _("lønnede timer pr. uge"), max_digits=4, decimal_places=1, default=0
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    # Optimistic locking: a save that started from an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="placement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on:%d.%m.%Y}"
