"""The progression tool (PRODUCT.md capability 6; seeds 000 line ~92 and 004 line ~196).

An instrument is versioned: its items, scale steps, raters and areas belong to one
`InstrumentVersion`, and every assessment keeps the version it was made with. Changing an
instrument makes a new version; old versions are never edited once assessments use them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import Versioned


def _language() -> str:
    """The page's language code ("da", "en"), for the texts kept as data."""
    return (get_language() or "da").split("-")[0]


# Rater and item differences at least this large are what the conversation should be about.
DISAGREEMENT = 2


class RaterKind(models.TextChoices):
    """Who scores. Access rules depend on the kind, so the kinds are fixed in code."""

    CITIZEN = "citizen", _("Borger")
    OFFER_SITE = "offer_site", _("Tilbudssted")
    ADVISOR = "advisor", _("Rådgiver/konsulent")


class Language(models.Model):
    """A language the citizen's self-scoring page can be shown in.

    Adding Arabic, Tigrinya, Dari or Somali is data: a row here (with `rtl` for right to
    left and the page's few texts in `texts`) and the item texts in `Item.translations`.
    """

    code = models.CharField(_("sprogkode"), max_length=10, unique=True)
    name = models.CharField(_("navn på sproget selv"), max_length=60)
    rtl = models.BooleanField(_("skrives fra højre mod venstre"), default=False)
    # The self-scoring page's texts in this language; missing keys fall back to Danish.
    texts = models.JSONField(_("sidens tekster"), default=dict, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("sprog")
        verbose_name_plural = _("sprog")

    def __str__(self) -> str:
        return self.name

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


class Instrument(Versioned):
    """The lasting identity of an instrument; its content lives in its versions."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    active = models.BooleanField(_("i brug"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("progressionsværktøj")
        verbose_name_plural = _("progressionsværktøjer")

    def __str__(self) -> str:
        return self.name

    @property
    def current(self) -> "InstrumentVersion | None":
        return self.versions.order_by("-number").first()


class InstrumentVersion(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    description = models.TextField(_("beskrivelse"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="one_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument.name}, version {self.number}"

    @property
    def scale_min(self) -> int:
        return min(s.value for s in self.steps.all())

    @property
    def scale_max(self) -> int:
        return max(s.value for s in self.steps.all())


class Area(models.Model):
    """An optional grouping of items (004: two areas)."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="areas")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("område"), max_length=200)

    class Meta:
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="items"
    )
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("tekst"), max_length=300)
    # {"en": "...", "ar": "..."}: the item in other languages than Danish.
    translations = models.JSONField(_("oversættelser"), default=dict, blank=True)
    # {"da": "Jeg forstår og taler dansk", "en": "..."}: the item as the citizen says it of
    # themselves, on the self-scoring page; staff pages keep `text` (third person, the seed's).
    self_texts = models.JSONField(_("borgerens egen formulering"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="one_item_per_position"),
        ]

    def __str__(self) -> str:
        return self.text

    def text_in(self, code: str) -> str:
        return self.translations.get(code) or self.text

    @property
    def shown(self) -> str:
        """The item in the page's language where a translation exists."""
        return self.text_in(_language())

    def self_text_in(self, code: str) -> str:
        """The citizen's own wording in that language; else the item in that language; else
        the Danish own wording."""
        return (
            self.self_texts.get(code)
            or self.translations.get(code)
            or self.self_texts.get("da")
            or self.text
        )


class ScaleStep(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="steps")
    value = models.SmallIntegerField()
    label = models.CharField(_("betydning"), max_length=100)
    translations = models.JSONField(_("oversættelser"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "value"]
        constraints = [
            models.UniqueConstraint(fields=["version", "value"], name="one_step_per_value"),
        ]

    def __str__(self) -> str:
        return f"{self.value}: {self.label}"

    def label_in(self, code: str) -> str:
        return self.translations.get(code) or self.label


class Rater(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="raters")
    kind = models.CharField(_("bedømmer"), max_length=16, choices=RaterKind.choices)
    label = models.CharField(_("overskrift"), max_length=100)
    # {"en": "..."}: the heading in other languages than Danish.
    translations = models.JSONField(_("oversættelser"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "kind"], name="one_rater_per_kind"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def shown(self) -> str:
        """The heading in the page's language where a translation exists."""
        return self.translations.get(_language()) or self.label


class AssessmentQuerySet(models.QuerySet):
    def for_citizens(self, citizens):
        return self.filter(citizen__in=citizens)


class Assessment(models.Model):
    """One measurement of a citizen with one instrument version, by up to three raters."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="assessments"
    )
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    placement = models.ForeignKey(
        "placements.Placement",
        verbose_name=_("forløb"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
    )
    assessed_on = models.DateField(_("dato"))
    next_steps = models.TextField(_("aftalte næste skridt"), blank=True)
    # The mean of all its scores, kept by services.rating_save, so the measures over tens of
    # thousands of assessments read one column instead of averaging millions of scores.
    mean = models.FloatField(_("gennemsnit"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic locking of the grid (jobbro.core.locking): `version` is the instrument's.
    edit_version = models.PositiveIntegerField(_("udgave"), default=1, editable=False)
    version_field = "edit_version"

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["citizen", "assessed_on", "id"]
        verbose_name = _("progressionsmåling")
        verbose_name_plural = _("progressionsmålinger")
        indexes = [models.Index(fields=["citizen", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.version.instrument.name} {self.assessed_on:%d.%m.%Y}"


# How many means before the latest a series keeps: "no rise over the last N assessments"
# looks N - 1 back, and the page offers N from 2 to 6.
SERIES_BACK = 5


class ProgressionSeries(models.Model):
    """One citizen's scored assessments with one instrument, summed up: how many, the first
    and the latest mean, and the means just before the latest.

    The measures and "no progress" aggregate these rows in the database instead of building
    every series in Python (issue 14). Kept by `services.series_refresh`, called wherever an
    assessment's mean changes and when an assessment is deleted; never edited by hand.
    """

    citizen = models.ForeignKey("citizens.Citizen", on_delete=models.CASCADE, related_name="+")
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="+")
    scored = models.PositiveIntegerField()
    first_mean = models.FloatField()
    latest_mean = models.FloatField()
    # The latest scored assessment: its placement's kind and company group the measures.
    latest = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="+")
    back1 = models.FloatField(null=True)
    back2 = models.FloatField(null=True)
    back3 = models.FloatField(null=True)
    back4 = models.FloatField(null=True)
    back5 = models.FloatField(null=True)
    means: list[float]  # set for a page by selectors.with_means

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["citizen", "instrument"], name="series_one_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id}/{self.instrument_id}: {self.scored}"

    def window(self, last: int) -> list[float]:
        """The latest `last` means, oldest first."""
        back = [getattr(self, f"back{n}") for n in range(last - 1, 0, -1)]
        return [*back, self.latest_mean]


class EntryChannel(models.TextChoices):
    STAFF = "staff", _("Indtastet af medarbejder")
    SELF = "self", _("Borgerens egen indtastning på medarbejderens enhed")


class Rating(models.Model):
    """One rater's scores in one assessment, and who entered them (the workplace often later)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(Rater, on_delete=models.PROTECT, related_name="+")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("indtastet af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("indtastet"), default=timezone.now)
    channel = models.CharField(max_length=8, choices=EntryChannel.choices)

    class Meta:
        ordering = ["assessment", "rater__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "rater"], name="one_rating_per_rater"),
        ]

    def __str__(self) -> str:
        return f"{self.rater.label}: {self.assessment}"


class Score(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.SmallIntegerField(_("score"))
    comment = models.CharField(_("kommentar"), max_length=500, blank=True)

    class Meta:
        ordering = ["rating", "item__position"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "item"], name="one_score_per_item"),
            # The version's steps narrow this further; the service checks them.
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=10), name="score_0_to_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value}"
