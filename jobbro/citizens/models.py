"""The citizen case file (PRODUCT.md capability 1)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import Versioned
from jobbro.lib import cpr as cprlib
from jobbro.lib import crypto, isocodes
from jobbro.lib.dates import add_years, age_on

from .fields import EncryptedTextField


class Gender(models.TextChoices):
    FEMALE = "female", _("Kvinde")
    MALE = "male", _("Mand")


class Arrival(models.TextChoices):
    REFUGEE = "refugee", _("Flygtning")
    FAMILY_REUNIFIED = "family_reunified", _("Familiesammenført til flygtning")


class Readiness(models.TextChoices):
    JOB_READY = "job_ready", _("Jobparat")
    ACTIVITY_READY = "activity_ready", _("Aktivitetsparat")
    EDUCATION_READY = "education_ready", _("Uddannelsesparat")


class DanishCourse(models.TextChoices):
    NONE = "", _("Ikke startet")
    DU1 = "DU1", _("Danskuddannelse 1")
    DU2 = "DU2", _("Danskuddannelse 2")
    DU3 = "DU3", _("Danskuddannelse 3")
    COMPLETED = "done", _("Afsluttet")


class YouthStatus(models.TextChoices):
    NOT_YOUTH = "", _("Ikke ung (15–18 år)")
    ACCOMPANIED = "accompanied", _("Ung, kommet med familie")
    UNACCOMPANIED = "unaccompanied", _("Ung, uledsaget")


def awaiting_effort_q(now: dt.datetime | None = None) -> models.Q:
    """The 96-hour rule as a condition (served by the partial index `citizen_awaiting`)."""
    deadline = (now or timezone.now()) - dt.timedelta(hours=settings.EFFORT_START_DEADLINE_HOURS)
    return models.Q(
        settled_at__isnull=False, settled_at__lt=deadline, effort_started_at__isnull=True
    )


# Fields no list shows: the encrypted ones (a decryption per row) and the long free texts.
# Lists defer them (`listed()`, `unlisted("citizen__")`), so a page of 25 decrypts nothing
# it does not show (issue 14).
UNLISTED_FIELDS = ("cpr", "health_notes", "education", "work_experience", "competences")


def unlisted(prefix: str = "", keep: tuple[str, ...] = ()) -> list[str]:
    """The unlisted fields, as `defer()` names through `prefix` (e.g. "citizen__")."""
    return [prefix + name for name in UNLISTED_FIELDS if name not in keep]


def nationality_choices() -> list[tuple[str, str]]:
    """ISO 3166 countries in the user's language, with "Statsløs" first (lib/isocodes)."""
    return isocodes.nationality_choices(get_language())


def country_choices() -> list[tuple[str, str]]:
    return isocodes.country_choices(get_language())


def language_choices() -> list[tuple[str, str]]:
    return isocodes.language_choices(get_language())


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("Modersmål")
    FLUENT = "fluent", _("Flydende")
    GOOD = "good", _("Godt")
    BASIC = "basic", _("Lidt")
    UNKNOWN = "", _("Ikke angivet")


class CitizenQuerySet(models.QuerySet):
    def listed(self, keep: tuple[str, ...] = ()):
        """For a list page: without the fields no list shows (except those in `keep`)."""
        return self.defer(*unlisted(keep=keep))

    def with_cpr(self, text: str):
        """Exact CPR match through the keyed hash; an invalid number matches nobody."""
        try:
            digits = cprlib.normalize(text)
        except cprlib.CPRError:
            return self.none()
        return self.filter(cpr_hash=crypto.keyed_hash(digits))

    def awaiting_effort(self, now: dt.datetime | None = None):
        """Settled more than the deadline (96 hours) ago with no started employment effort."""
        return self.open_cases().filter(awaiting_effort_q(now))

    def status_as_of(self, day: dt.date | None = None):
        """Each citizen's case status on `day` (today) as `status_on`, computed in the
        database from the status history (citizens/status.py), for lists and reports."""
        from .status import status_on

        return self.annotate(status_on=status_on(day or timezone.localdate()))

    def with_status(self, *statuses: str, day: dt.date | None = None):
        return self.status_as_of(day).filter(status_on__in=statuses)

    def open_cases(self, day: dt.date | None = None):
        """Cases not closed on `day` (today): what lists and flags show. A closed case
        stays findable through `closed_cases` (the list's "Lukkede sager")."""
        from .status import CaseStatus

        return self.status_as_of(day).exclude(status_on=CaseStatus.CLOSED)

    def closed_cases(self, day: dt.date | None = None):
        from .status import CaseStatus

        return self.with_status(CaseStatus.CLOSED, day=day)


class Citizen(Versioned):
    # Identity. The CPR is encrypted; cpr_hash finds it by exact number.
    cpr = EncryptedTextField(_("CPR-nummer"))
    cpr_hash = models.CharField(max_length=64, unique=True, editable=False)
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    gender = models.CharField(_("køn"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("fødselsdato"))
    # ISO 3166 codes (lib/isocodes): "Statsløs, født i Bhutan" is XXA born in BT. A value
    # typed before the lists, that no list knew, waits in *_unmatched for a person to fix.
    nationality = models.CharField(
        _("nationalitet"), max_length=3, choices=nationality_choices, blank=True
    )
    nationality_unmatched = models.CharField(
        _("nationalitet (ikke genkendt)"), max_length=60, blank=True, editable=False
    )
    birth_country = models.CharField(
        _("fødeland"), max_length=2, choices=country_choices, blank=True
    )
    languages_unmatched = models.CharField(
        _("sprog (ikke genkendt)"), max_length=200, blank=True, editable=False
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)

    # Arrival and the integration programme.
    arrival = models.CharField(_("ankommet som"), max_length=20, choices=Arrival.choices)
    residence_permit_date = models.DateField(_("opholdstilladelse"), null=True, blank=True)
    settled_at = models.DateTimeField(
        _("boligplaceret i kommunen"),
        null=True,
        blank=True,
        help_text=_("Tidspunkt for modtagelse i kommunen; indsatsen skal starte inden 96 timer."),
    )
    effort_started_at = models.DateTimeField(
        _("beskæftigelsesrettet indsats startet"), null=True, blank=True
    )
    integration_period_end = models.DateField(
        _("integrationsperiode slutter"),
        null=True,
        blank=True,
        help_text=_("Op til 5 år fra kommunens overtagelse (L 189 af 2016)."),
    )
    # The benefit is a dated history: jobbro/law (BenefitPeriod), checked against the law.
    readiness = models.CharField(
        _("visitation"), max_length=20, choices=Readiness.choices, blank=True
    )
    youth_status = models.CharField(
        _("ung 15–18 år"), max_length=16, choices=YouthStatus.choices, blank=True
    )

    # Language, background and wishes.
    danish_course = models.CharField(
        _("danskuddannelse"), max_length=4, choices=DanishCourse.choices, blank=True
    )
    danish_module = models.PositiveSmallIntegerField(_("modul"), null=True, blank=True)
    education = models.TextField(_("uddannelsesbaggrund"), blank=True)
    work_experience = models.TextField(_("erhvervserfaring"), blank=True)
    competences = models.TextField(_("kompetencer"), blank=True)
    wished_industries = models.CharField(_("ønskede brancher"), max_length=300, blank=True)

    # Constraints. Health is special-category data: encrypted.
    health_notes = EncryptedTextField(_("helbredsforhold"), blank=True)
    childcare_needs = models.CharField(_("børnepasning"), max_length=200, blank=True)
    transport = models.CharField(_("transport"), max_length=200, blank=True)
    driving_licence = models.BooleanField(_("kørekort"), default=False)

    # Consents.
    consent_share_with_companies = models.BooleanField(
        _("samtykke til deling af oplysninger med virksomheder"), default=False
    )
    consent_given_on = models.DateField(_("samtykke givet"), null=True, blank=True)

    # Who works with the citizen.
    case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sagsbehandler"),
        on_delete=models.PROTECT,
        related_name="caseload",
        null=True,
        blank=True,
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        related_name="mentees",
        null=True,
        blank=True,
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CitizenQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        verbose_name = _("borger")
        verbose_name_plural = _("borgere")
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["settled_at"]),
            models.Index(fields=["case_worker", "last_name"]),
            # The 96-hour list: the few citizens settled without a started effort.
            models.Index(
                fields=["settled_at"],
                condition=models.Q(settled_at__isnull=False, effort_started_at__isnull=True),
                name="citizen_awaiting",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(danish_module__isnull=True)
                | models.Q(danish_module__gte=1, danish_module__lte=6),
                name="citizen_danish_module_1_to_6",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.settled_at and self.effort_started_at and self.effort_started_at < self.settled_at:
            raise ValidationError(
                {"effort_started_at": _("Indsatsen kan ikke starte før boligplaceringen.")}
            )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def needs_reference_fix(self) -> bool:
        """A nationality or language typed before the reference lists that none matched."""
        return bool(self.nationality_unmatched or self.languages_unmatched)

    def set_cpr(self, text: str) -> None:
        parsed = cprlib.parse(text)
        self.cpr = parsed.digits
        self.cpr_hash = crypto.keyed_hash(parsed.digits)
        self.birth_date = parsed.birth_date

    @property
    def cpr_display(self) -> str:
        return cprlib.format_cpr(self.cpr)

    @property
    def cpr_masked(self) -> str:
        return cprlib.mask(self.cpr)

    def age(self, on: dt.date | None = None) -> int:
        return age_on(self.birth_date, on or timezone.localdate())

    @property
    def effort_deadline(self) -> dt.datetime | None:
        if not self.settled_at:
            return None
        return self.settled_at + dt.timedelta(hours=settings.EFFORT_START_DEADLINE_HOURS)

    @property
    def is_awaiting_effort(self) -> bool:
        deadline = self.effort_deadline
        late = bool(deadline and not self.effort_started_at and timezone.now() > deadline)
        return late and not self.is_closed

    @property
    def current_status(self) -> str:
        """Today's case status: the list's annotation when there is one, else one query."""
        annotated = getattr(self, "status_on", None)
        if annotated is not None:
            return annotated
        from .status import CaseStatus, period_on

        period = period_on(self.pk, timezone.localdate()) if self.pk else None
        return period.status if period else CaseStatus.ACTIVE

    @property
    def is_closed(self) -> bool:
        from .status import CaseStatus

        return self.current_status == CaseStatus.CLOSED

    # The ISO lists' names by a dict lookup: Django's own get_FOO_display flattens the
    # field's callable choices (250 countries) on every call, which was most of a list
    # page's time (issue 14). Same result: the name, or the code itself when unknown.
    def get_nationality_display(self) -> str:  # type: ignore[no-redef]
        return isocodes.country_name(self.nationality, get_language()) if self.nationality else ""

    def get_birth_country_display(self) -> str:  # type: ignore[no-redef]
        return (
            isocodes.country_name(self.birth_country, get_language()) if self.birth_country else ""
        )

    def default_integration_period_end(self) -> dt.date | None:
        if not self.settled_at:
            return None
        return add_years(timezone.localtime(self.settled_at).date(), 5)


class CitizenLanguage(models.Model):
    """A language the citizen speaks (ISO 639, lib/isocodes), with how well."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="spoken")
    code = models.CharField(_("sprog"), max_length=3, choices=language_choices)
    level = models.CharField(_("niveau"), max_length=8, choices=LanguageLevel.choices, blank=True)

    class Meta:
        ordering = ["citizen", "id"]
        constraints = [
            models.UniqueConstraint(fields=["citizen", "code"], name="citizen_language_once")
        ]

    def __str__(self) -> str:
        level = f" ({self.get_level_display().lower()})" if self.level else ""
        return f"{self.get_code_display()}{level}"

    def get_code_display(self) -> str:  # type: ignore[no-redef]
        """As get_nationality_display: a lookup, not the 180 languages flattened per call."""
        return isocodes.language_name(self.code, get_language()) if self.code else ""


class EventKind(models.TextChoices):
    CREATED = "created", _("Sag oprettet")
    CHANGED = "changed", _("Oplysninger ændret")
    SETTLED = "settled", _("Boligplaceret")
    EFFORT_STARTED = "effort_started", _("Indsats startet")
    NOTE = "note", _("Notat")
    CASE_WORKER = "case_worker", _("Ny sagsbehandler")
    PAUSED = "paused", _("Sag sat på pause")
    RESUMED = "resumed", _("Pause afsluttet")
    CLOSED = "closed", _("Sag lukket")
    REOPENED = "reopened", _("Sag genåbnet")
    MENTOR = "mentor", _("Mentor tilknyttet")
    MENTOR_ENDED = "mentor_ended", _("Mentor ophørt")
    TRANSFER = "transfer", _("Sag overdraget")


class TimelineEvent(models.Model):
    """One thing that happened to the citizen; the case file shows them as one timeline."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    kind = models.CharField(_("type"), max_length=32, choices=EventKind.choices)
    text = models.TextField(_("tekst"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The placement the event is about, if any: a company consultant sees only the events of
    # their own companies' placements (citizens/access.py: timeline_for).
    placement = models.ForeignKey(
        "placements.Placement",
        verbose_name=_("forløb"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["citizen", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%d.%m.%Y}"


class AccessGrant(models.Model):
    """A user's stated reason to open a citizen outside their own context, for a while."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("begrundelse"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "citizen", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.citizen_id} til {self.expires_at:%d.%m.%Y %H:%M}"


# The case's status history lives in its own module; imported here so Django registers it.
from .status import StatusPeriod  # noqa: E402,F401
