"""Trauma screening and referral (seed 002, "En styrket indsats for flygtninge med traumer";
PRODUCT.md capability 12).

Health data (GDPR art. 9), so kept apart from the case file and opened more narrowly than it:
see access.py. The screening tool "screener borgerne for traumesymptomer og kan give de
kommunale medarbejdere en indikation af risikoen"; a cross-disciplinary team then decides
which effort to start. Jobbro records both; it never scores or decides."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField
from jobbro.citizens.models import Citizen


class Tool(models.TextChoices):
    IDENTIFICATION = "identification", _("Identifikationsredskab for traumer")
    OTHER = "other", _("Andet redskab (skriv hvilket i noten)")


class Indication(models.TextChoices):
    NONE = "none", _("Ingen indikation af traumer")
    LOW = "low", _("Lav risiko")
    MODERATE = "moderate", _("Moderat risiko")
    HIGH = "high", _("Høj risiko")


class Offer(models.TextChoices):
    # The seed's methods and the treatment outside the municipality.
    NONE = "none", _("Ingen indsats nu")
    PSYCHOEDUCATION = "psychoeducation", _("Psykoedukation")
    NET = "net", _("Narrativ eksponeringsterapi")
    PSYCHOMOTOR = "psychomotor", _("Psykomotorisk terapi")
    FAMILY = "family", _("Indsats for familien")
    HEALTH = "health", _("Behandling i sundhedsregi (egen læge, psykiatri)")
    ATT = "att", _("Afdelingen for traume- og torturoverlevere (ATT)")


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Henvist")
    ONGOING = "ongoing", _("I forløb")
    ENDED = "ended", _("Afsluttet")
    DECLINED = "declined", _("Borgeren takkede nej")


class Screening(models.Model):
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="+")
    screened_on = models.DateField(_("screenet den"))
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    tool = models.CharField(_("redskab"), max_length=20, choices=Tool.choices)
    indication = models.CharField(_("indikation"), max_length=10, choices=Indication.choices)
    family_with_children = models.BooleanField(_("familie med børn"), default=False)
    note = EncryptedTextField(_("notat"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-screened_on", "-pk"]
        verbose_name = _("traumescreening")

    def __str__(self) -> str:  # no health detail: this can end up in a log or a message
        return f"Screening {self.pk}"


class Referral(models.Model):
    """The cross-disciplinary team's decision on a screening, and the referral it made."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="referrals")
    decided_on = models.DateField(_("besluttet i det tværfaglige team den"))
    offer = models.CharField(_("indsats"), max_length=20, choices=Offer.choices)
    referred_to = EncryptedTextField(_("henvist til"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    note = EncryptedTextField(_("notat"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("henvisning")

    def __str__(self) -> str:
        return f"Henvisning {self.pk}"


class NamedAccess(models.Model):
    """A user the citizen's own case worker has named to see the screening (the person who
    screens, a colleague in the cross-disciplinary team). Ended, never deleted."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("medarbejder"),
    )
    reason = models.CharField(_("begrundelse"), max_length=300)
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("givet af"),
    )
    named_at = models.DateTimeField(_("givet"), default=timezone.now)
    ended_at = models.DateTimeField(_("ophørt"), null=True, blank=True)

    class Meta:
        ordering = ["-named_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["citizen", "user"],
                condition=models.Q(ended_at__isnull=True),
                name="screening_one_open_named_access",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.citizen_id}"
