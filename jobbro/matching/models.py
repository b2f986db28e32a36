"""The good match (PRODUCT.md capability 3): the citizen's matching profile, the distance
table of the municipality's towns, the score's weights, and every suggestion shown and every
decision taken with the score and factors of that moment."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField
from jobbro.core.locking import Versioned

from .factors import Factor


class Town(models.Model):
    """A town of the municipality (or a neighbour's) that citizens live in and companies are in."""

    name = models.CharField(_("by"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("by")
        verbose_name_plural = _("byer")

    def __str__(self) -> str:
        return self.name


class TravelTime(Versioned):
    """How far apart two towns are, one row per pair (origin's name before destination's)."""

    origin = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+")
    destination = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+")
    km = models.PositiveSmallIntegerField(_("km ad vej"))
    minutes_car = models.PositiveSmallIntegerField(_("minutter i bil"))
    minutes_public = models.PositiveSmallIntegerField(_("minutter med offentlig transport"))

    class Meta:
        ordering = ["origin__name", "destination__name"]
        verbose_name = _("afstand")
        verbose_name_plural = _("afstande")
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "destination"], name="one_travel_time_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(origin=models.F("destination")), name="travel_time_two_towns"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origin}–{self.destination}"


# Within one town: the time it takes to get across it.
SAME_TOWN_MINUTES = 10


class MatchProfile(Versioned):
    """What matching needs to know of a citizen beyond the case file: occupation codes of their
    wishes and experience, the industries they wish (Hjørring's industry packages: at least
    two), where they live, how far and how many hours they can go, and their reservations.

    Kept in the matching app so the case file stays the case workers'. Gender, nationality,
    religion and age are not here and are never read by the score (see factors.py)."""

    citizen = models.OneToOneField(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="match_profile"
    )
    town = models.ForeignKey(
        Town, verbose_name=_("bor i"), on_delete=models.PROTECT, null=True, blank=True
    )
    wished_occupations = models.JSONField(_("ønskede fag (DISCO-08)"), default=list, blank=True)
    wished_industries = models.JSONField(_("ønskede brancher (DB07)"), default=list, blank=True)
    experience = models.JSONField(_("erfaring (DISCO-08)"), default=list, blank=True)
    reserved_occupations = models.JSONField(
        _("fag borgeren ikke ønsker (DISCO-08)"), default=list, blank=True
    )
    # The citizen's own words; may touch on belief or health: encrypted.
    reservations = EncryptedTextField(_("borgerens forbehold"), blank=True)
    max_travel_minutes = models.PositiveSmallIntegerField(
        _("højst rejsetid hver vej (minutter)"), default=45
    )
    max_hours_per_week = models.DecimalField(
        _("højst timer pr. uge"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Fx på grund af børnepasning eller helbred. Tom: ingen grænse."),
    )
    no_shifts = models.BooleanField(
        _("kan ikke arbejde på skiftende tider"),
        default=False,
        help_text=_("Fx fordi børnene skal hentes."),
    )
    available_from = models.DateField(_("kan starte fra"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = _("matchprofil")
        verbose_name_plural = _("matchprofiler")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_travel_minutes__gte=5, max_travel_minutes__lte=180),
                name="profile_travel_5_to_180",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id}"

    def clean(self) -> None:
        if self.wished_industries and len(set(self.wished_industries)) < 2:
            raise ValidationError(
                {"wished_industries": _("Vælg mindst to brancher, som Hjørrings branchepakker.")}
            )


class FactorWeight(models.Model):
    """The weight the administrator gives one named factor of the score (0–10)."""

    factor = models.CharField(_("faktor"), max_length=32, choices=Factor.choices, unique=True)
    weight = models.PositiveSmallIntegerField(_("vægt"))
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["factor"]
        verbose_name = _("vægt")
        verbose_name_plural = _("vægte")
        constraints = [
            # Only the named factors: nothing else (gender, nationality, ...) can be given a
            # weight, not even by writing to the database behind the form.
            models.CheckConstraint(
                condition=models.Q(factor__in=Factor.values), name="weight_only_named_factors"
            ),
            models.CheckConstraint(condition=models.Q(weight__lte=10), name="weight_0_to_10"),
        ]

    def __str__(self) -> str:
        return f"{self.get_factor_display()}: {self.weight}"


class Shown(models.TextChoices):
    CITIZEN = "citizen", _("Forslag til borgeren")
    OPENING = "opening", _("Forslag til åbningen")


class Suggestion(models.Model):
    """One suggestion as it was shown: the score and each factor's part at that moment."""

    citizen = models.ForeignKey("citizens.Citizen", on_delete=models.CASCADE, related_name="+")
    opening = models.ForeignKey("companies.Opening", on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    rank = models.PositiveSmallIntegerField(_("placering"))
    factors = models.JSONField(default=list)
    shown_in = models.CharField(max_length=8, choices=Shown.choices)
    shown_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shown_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-shown_at", "rank"]
        indexes = [models.Index(fields=["citizen", "opening"])]
        verbose_name = _("vist forslag")
        verbose_name_plural = _("viste forslag")

    def __str__(self) -> str:
        return f"{self.rank}: {self.score}"


class DecisionKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepteret: forslag til forløb oprettet")
    DECLINED = "declined", _("Fravalgt af medarbejderen")
    CITIZEN_DECLINED = "citizen_declined", _("Borgeren sagde nej")
    COMPANY_DECLINED = "company_declined", _("Virksomheden sagde nej")


DECLINES = (DecisionKind.DECLINED, DecisionKind.CITIZEN_DECLINED, DecisionKind.COMPANY_DECLINED)


class Decision(models.Model):
    """What was decided about one suggested pair, with the score and factors as shown."""

    citizen = models.ForeignKey("citizens.Citizen", on_delete=models.CASCADE, related_name="+")
    opening = models.ForeignKey("companies.Opening", on_delete=models.CASCADE, related_name="+")
    suggestion = models.ForeignKey(
        Suggestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    kind = models.CharField(_("beslutning"), max_length=16, choices=DecisionKind.choices)
    reason = models.TextField(_("begrundelse"), blank=True)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    factors = models.JSONField(default=list)
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["citizen", "opening"])]
        verbose_name = _("beslutning om forslag")
        verbose_name_plural = _("beslutninger om forslag")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="accepted") | ~models.Q(reason=""),
                name="decline_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decided_at:%d.%m.%Y}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("I gang")
    DONE = "done", _("Færdig")
    FAILED = "failed", _("Fejlede")


RUNNING = (RunStatus.QUEUED, RunStatus.RUNNING)


class ProposalRun(models.Model):
    """One proposal for a whole caseload, computed in the background; its result is kept.

    `result` holds ids and numbers only (citizen and opening ids, scores, totals); names are
    read, and the view logged, when someone opens it."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(max_length=100, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    citizen_ids = models.JSONField(default=list)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("forslag for hele sagsstammen")
        verbose_name_plural = _("forslag for hele sagsstammen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="run_progress_0_to_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.get_status_display()}"
