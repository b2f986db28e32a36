"""Companies and the job bank (PRODUCT.md capability 2; seed 000 line ~325)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jobbro.core.kinds import kind
from jobbro.core.locking import Versioned


def period(starts_on, ends_on) -> str:
    """dd.mm.yyyy–dd.mm.yyyy, "Fra ..." or "Til ...", or "Løbende" with no dates."""
    start = date_format(starts_on, "SHORT_DATE_FORMAT") if starts_on else ""
    end = date_format(ends_on, "SHORT_DATE_FORMAT") if ends_on else ""
    if start and end:
        return f"{start}–{end}"
    if start:
        return gettext("Fra %(date)s") % {"date": start}
    if end:
        return gettext("Til %(date)s") % {"date": end}
    return gettext("Løbende")


# A week's hours in an opening or a placement are more than 0 and at most this.
MAX_HOURS_PER_WEEK = 60


class Sector(models.TextChoices):
    PRIVATE = "private", _("Privat")
    PUBLIC = "public", _("Offentlig")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Aktivt samarbejde")
    PAUSED = "paused", _("Sat på pause af virksomheden")
    ENDED = "ended", _("Afsluttet")


class Company(Versioned):
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
    employees_avg_12_months = models.PositiveIntegerField(
        _("gennemsnitligt antal ansatte de seneste 12 måneder"),
        null=True,
        blank=True,
        help_text=_("Bruges til merbeskæftigelseskravet for løntilskud."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("virksomhed")
        verbose_name_plural = _("virksomheder")

    def __str__(self) -> str:
        return self.name


class DanishLevel(models.TextChoices):
    """How much Danish a job needs, in the words a company uses."""

    NONE = "none", _("Intet krav")
    BASIC = "basic", _("Lidt mundtligt dansk")
    EVERYDAY = "everyday", _("Hverdagsdansk")
    GOOD = "good", _("Godt dansk, mundtligt og skriftligt")


class OpeningKind(models.TextChoices):
    """What an opening offers; a placement in it has the same kind, by the same name."""

    ORDINARY = kind("ordinary")
    WAGE_SUBSIDY = kind("wage_subsidy")
    INTERNSHIP = kind("internship")
    IGU = kind("igu")
    SMALL_JOB = kind("small_job")
    LEISURE_JOB = kind("leisure_job")


class OpeningQuerySet(models.QuerySet):
    def with_free_capacity(self):
        """Annotate `occupied` (placements active or agreed in the opening) and `free`."""
        from jobbro.placements.models import PlacementStatus

        occupied = models.Count(
            "placements",
            filter=models.Q(
                placements__status__in=(PlacementStatus.ACTIVE, PlacementStatus.PLANNED)
            ),
        )
        return self.annotate(occupied=occupied).annotate(
            free=models.F("capacity") - models.F("occupied")
        )

    def free_now(self, on=None):
        """Open openings of cooperating companies, running on the day, with a free place."""
        on = on or timezone.localdate()
        return (
            self.with_free_capacity()
            .filter(is_open=True, free__gt=0, company__partnership_status=PartnershipStatus.ACTIVE)
            .filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=on))
            .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on))
        )


class Opening(Versioned):
    """Something a company can offer, with a capacity (glossary: opening)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="openings")
    kind = models.CharField(_("type"), max_length=16, choices=OpeningKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    # ISCO-08 unit group (DISCO-08 at four digits), see jobbro/matching/occupations.py.
    occupation_code = models.CharField(_("fag (DISCO-08)"), max_length=4, blank=True)
    capacity = models.PositiveSmallIntegerField(_("antal pladser"), default=1)
    hours_per_week = models.DecimalField(
        _("timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    danish_level = models.CharField(
        _("krav til dansk"), max_length=100, blank=True, choices=DanishLevel.choices
    )
    driving_licence = models.BooleanField(_("kræver kørekort"), default=False)
    shifts = models.BooleanField(_("skiftende arbejdstider"), default=False)
    requirements = models.TextField(_("øvrige krav"), blank=True)
    starts_on = models.DateField(_("fra"), null=True, blank=True)
    ends_on = models.DateField(_("til"), null=True, blank=True)
    is_open = models.BooleanField(_("åben"), default=True)
    # The net-new-job rule for wage subsidy (merbeskæftigelseskravet, see legal.py).
    replaces_recent_vacancy = models.BooleanField(
        _("stillingen er blevet ledig ved afsked eller fratræden inden for 3 måneder"),
        default=False,
    )
    staff_consulted_on = models.DateField(
        _("drøftet med de ansattes repræsentant den"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OpeningQuerySet.as_manager()

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
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="opening_capacity_at_least_1"
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__isnull=True)
                | models.Q(hours_per_week__gt=0, hours_per_week__lte=MAX_HOURS_PER_WEEK),
                name="opening_hours_0_to_60",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})"

    def clean(self) -> None:
        errors = {}
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("Der skal være mindst 1 plads.")
        hours = self.hours_per_week
        if hours is not None and not 0 < hours <= MAX_HOURS_PER_WEEK:
            errors["hours_per_week"] = _("Timer pr. uge skal være mellem 0 og 60.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Slutdatoen kan ikke ligge før startdatoen.")
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> str:
        return period(self.starts_on, self.ends_on)


class Contact(models.Model):
    """A person at the company. Personal data of the contact: shown only to roles that need it."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("navn"), max_length=200)
    role = models.CharField(_("stilling"), max_length=100, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class PartnershipChange(models.Model):
    """One change of the non-binding partnership status: who, when, why."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="partnership_changes"
    )
    status = models.CharField(_("samarbejde"), max_length=8, choices=PartnershipStatus.choices)
    changed_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ændret af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    reason = models.TextField(_("begrundelse"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("ændring af samarbejde")
        verbose_name_plural = _("ændringer af samarbejde")

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.changed_at:%d.%m.%Y}"


class Channel(models.TextChoices):
    CALL = "call", _("Telefonopkald")
    VISIT = "visit", _("Besøg")
    MAIL = "mail", _("E-mail")
    MEETING = "meeting", _("Møde i jobcentret")


class ContactLogEntry(models.Model):
    """Every call, visit and mail with a company: when, who, how, what."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contact_log")
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbejder"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(_("form"), max_length=8, choices=Channel.choices)
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("kontaktperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("hvad blev der talt om"))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("kontakt med virksomheden")
        verbose_name_plural = _("kontaktlog")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.at:%d.%m.%Y}"


class Demand(models.Model):
    """A company's demand for labour: which work, how much Danish, how many hours, when."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="demands")
    job_type = models.CharField(_("jobtype"), max_length=100, help_text=_("Fx Rengøringsassistent"))
    industry_code = models.CharField(_("branchekode (DB07)"), max_length=6, blank=True)
    people = models.PositiveSmallIntegerField(_("antal personer"), default=1)
    danish_level = models.CharField(
        _("krav til dansk"), max_length=10, blank=True, choices=DanishLevel.choices
    )
    hours_per_week = models.DecimalField(
        _("timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    starts_on = models.DateField(_("fra"), null=True, blank=True)
    ends_on = models.DateField(_("til"), null=True, blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["job_type", "id"]
        verbose_name = _("efterspørgsel")
        verbose_name_plural = _("efterspørgsel")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="demand_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(people__gte=1), name="demand_people_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.job_type

    @property
    def period(self) -> str:
        return period(self.starts_on, self.ends_on)


class BarometerReadiness(models.TextChoices):
    """The company's readiness to take refugees (Hjørring's job barometer, seed 002)."""

    READY = "ready", _("Klar til at samarbejde")
    MAYBE = "maybe", _("Måske, efter nærmere drøftelse")
    NOT_READY = "not_ready", _("Ikke nu")


class BarometerSurvey(models.Model):
    """One dated answer to the job barometer: expected openings in the next 12 months."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="surveys")
    surveyed_on = models.DateField(_("spurgt den"))
    expected_openings = models.PositiveSmallIntegerField(
        _("forventede jobåbninger de næste 12 måneder")
    )
    readiness = models.CharField(
        _("parathed til at tage flygtninge"), max_length=10, choices=BarometerReadiness.choices
    )
    note = models.TextField(_("bemærkning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )

    class Meta:
        ordering = ["-surveyed_on", "-id"]
        verbose_name = _("jobbarometer-svar")
        verbose_name_plural = _("jobbarometer-svar")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "surveyed_on"], name="one_survey_per_company_and_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.surveyed_on:%d.%m.%Y}"
