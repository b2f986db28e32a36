"""Companies and the job bank (PRODUCT.md capability 2; seed 000 line ~325)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PRIVATE = "private", _("Privat")
    PUBLIC = "public", _("Offentlig")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Aktivt samarbejde")
    PAUSED = "paused", _("Sat på pause af virksomheden")
    ENDED = "ended", _("Afsluttet")


class Company(models.Model):
    cvr = models.CharField(_("CVR-nummer"), max_length=8, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    sector = models.CharField(_("sektor"), max_length=8, choices=Sector.choices)
    industry_code = models.CharField(
        _("branchekode (DB07)"), max_length=6, blank=True, help_text=_("Fx 812100")
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    town = models.CharField(_("by"), max_length=100, blank=True)
    key_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("key account-konsulent"),
        on_delete=models.PROTECT,
        related_name="key_accounts",
        null=True,
        blank=True,
    )
    partnership_status = models.CharField(
        _("samarbejde"),
        max_length=8,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
    )
    ordinary_employees = models.PositiveIntegerField(
        _("ordinært ansatte"),
        null=True,
        blank=True,
        help_text=_("Bruges til rimelighedskravet for praktik og løntilskud."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("virksomhed")
        verbose_name_plural = _("virksomheder")

    def __str__(self) -> str:
        return self.name


class OpeningKind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinært job")
    WAGE_SUBSIDY = "wage_subsidy", _("Job med løntilskud")
    INTERNSHIP = "internship", _("Virksomhedspraktik")
    IGU = "igu", _("IGU-forløb")
    SMALL_JOB = "small_job", _("Småjob / lønnede timer")
    LEISURE_JOB = "leisure_job", _("Fritidsjob for unge")


class Opening(models.Model):
    """Something a company can offer, with a capacity (glossary: opening)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="openings")
    kind = models.CharField(_("type"), max_length=16, choices=OpeningKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    capacity = models.PositiveSmallIntegerField(_("antal pladser"), default=1)
    hours_per_week = models.DecimalField(
        _("timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    danish_level = models.CharField(_("krav til dansk"), max_length=100, blank=True)
    driving_licence = models.BooleanField(_("kræver kørekort"), default=False)
    shifts = models.BooleanField(_("skiftende arbejdstider"), default=False)
    requirements = models.TextField(_("øvrige krav"), blank=True)
    starts_on = models.DateField(_("fra"), null=True, blank=True)
    ends_on = models.DateField(_("til"), null=True, blank=True)
    is_open = models.BooleanField(_("åben"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company__name", "title", "id"]
        verbose_name = _("åbning")
        verbose_name_plural = _("åbninger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="opening_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})"
