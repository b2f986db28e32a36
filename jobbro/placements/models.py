"""Placements on the priority staircase (PRODUCT.md capability 4; seed 000 line ~137)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.companies.models import MAX_HOURS_PER_WEEK
from jobbro.core.kinds import kind
from jobbro.core.locking import Versioned

# Middelfart's rule (seed 002): an acute problem in a course is answered within 24 hours.
ACUTE_ANSWER_HOURS = 24


class PlacementKind(models.TextChoices):
    """What the citizen does. The staircase step follows from this and the company's sector.
    Named as the job bank's openings are (jobbro.core.kinds)."""

    ORDINARY = kind("ordinary")
    WAGE_SUBSIDY = kind("wage_subsidy")
    INTERNSHIP = kind("internship")
    OTHER_EFFORT = kind("other_effort")
    IGU = kind("igu")
    SMALL_JOB = kind("small_job")
    LEISURE_JOB = kind("leisure_job")
    EDUCATION = kind("education")
    FLEXJOB = kind("flexjob")


# The kinds of placement that need no company (a school, a municipal utility effort).
WITHOUT_COMPANY = (PlacementKind.EDUCATION, PlacementKind.OTHER_EFFORT)


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


class EndReason(models.TextChoices):
    """Why a placement ended: where the citizen went, or what stopped it."""

    COMPLETED = "completed", _("Gennemført som planlagt")
    ORDINARY_JOB = "ordinary_job", _("Ordinært arbejde")
    MOVED_UP = "moved_up", _("Videre til et forløb højere på trappen")
    EDUCATION = "education", _("Uddannelse")
    ILLNESS = "illness", _("Sygdom")
    PARENTAL_LEAVE = "parental_leave", _("Barsel")
    CITIZEN_STOPPED = "citizen_stopped", _("Borgeren stoppede selv")
    COMPANY_STOPPED = "company_stopped", _("Virksomheden stoppede forløbet")
    NOT_SUITABLE = "not_suitable", _("Forløbet passede ikke til borgeren")
    MOVED = "moved", _("Flyttet")
    OTHER = "other", _("Anden årsag")


ALL_WEEKDAYS = 0b1111111
WEEKDAY_NAMES = (
    _("mandag"),
    _("tirsdag"),
    _("onsdag"),
    _("torsdag"),
    _("fredag"),
    _("lørdag"),
    _("søndag"),
)


def weekday_numbers(bits: int) -> list[int]:
    """The ISO weekdays (1 = Monday) whose bits are set."""
    return [n for n in range(1, 8) if bits & (1 << (n - 1))]


def weekday_bits(numbers) -> int:
    return sum(1 << (int(n) - 1) for n in set(numbers))


class Placement(Versioned):
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
    # The weekdays it runs on, one bit per ISO weekday (Monday bit 0): De internationale's
    # women have language school on other days (seed 001). 0 = not stated: the hours are
    # spread over every working day, as before the field existed.
    weekdays = models.PositiveSmallIntegerField(_("ugedage"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    end_reason = models.CharField(
        _("årsag til afslutning"), max_length=16, choices=EndReason.choices, blank=True
    )
    ambassador = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ambassadør"),
        on_delete=models.PROTECT,
        related_name="followed_placements",
        null=True,
        blank=True,
    )
    note = models.TextField(_("bemærkning"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["citizen", "status"])]
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="placement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__isnull=True)
                | models.Q(hours_per_week__gt=0, hours_per_week__lte=MAX_HOURS_PER_WEEK),
                name="placement_hours_0_to_60",
            ),
            models.CheckConstraint(
                condition=models.Q(paid_hours_per_week__gte=0),
                name="placement_paid_hours_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(weekdays__lte=ALL_WEEKDAYS), name="placement_weekdays_bits"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on:%d.%m.%Y}"

    @property
    def weekday_numbers(self) -> list[int]:
        """The ISO weekdays (1 = Monday) it runs on; [] when not stated."""
        return weekday_numbers(self.weekdays)

    @property
    def weekdays_display(self) -> str:
        return ", ".join(str(WEEKDAY_NAMES[n - 1]) for n in self.weekday_numbers)

    def past_planned_end(self, today: dt.date | None = None) -> bool:
        """Still active after its planned end: flagged ("Forløbet er over planlagt slutdato")
        instead of counting its weeks on forever."""
        today = today or timezone.localdate()
        return self.status == PlacementStatus.ACTIVE and bool(self.ends_on and self.ends_on < today)

    @property
    def is_past_planned_end(self) -> bool:
        return self.past_planned_end()

    def clean(self) -> None:
        """The rules every placement keeps, whoever saves it (form, service, demo)."""
        errors = {}
        company_id = self.company_id
        opening = self.opening if self.opening_id and company_id else None
        if opening is not None and company_id and opening.company_id != company_id:
            errors["opening"] = _("Åbningen hører til en anden virksomhed.")
        needs_company = self.kind not in WITHOUT_COMPANY
        if self.kind and needs_company and not company_id and not self.opening_id:
            errors["company"] = _("Vælg virksomheden, hvor forløbet foregår.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Slutdatoen kan ikke ligge før startdatoen.")
        paid, hours = self.paid_hours_per_week, self.hours_per_week
        if paid is not None and paid < 0:
            errors["paid_hours_per_week"] = _("Lønnede timer kan ikke være negative.")
        if hours is not None and not 0 < hours <= MAX_HOURS_PER_WEEK:
            errors["hours_per_week"] = _("Timer pr. uge skal være mellem 0 og 60.")
        if errors:
            raise ValidationError(errors)


class ContactMode(models.TextChoices):
    VISIT = "visit", _("Besøg")
    PHONE = "phone", _("Telefon")
    MAIL = "mail", _("Mail")
    ACCOMPANIMENT = "accompaniment", _("Følgedag på arbejdspladsen")


class ConversationOutcome(models.TextChoices):
    CONTINUES = "continues", _("Borgeren fortsætter i praktikken")
    ENDS = "ends", _("Praktikken afsluttes")


class EndingConversation(models.Model):
    """The talk with the ambassador and the company before an internship ends (000 ~287)."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="ending_conversations"
    )
    held_on = models.DateField(_("dato for samtalen"))
    ambassador = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ambassadør"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    company_participant = models.CharField(_("deltager fra virksomheden"), max_length=200)
    other_participants = models.CharField(_("øvrige deltagere"), max_length=300, blank=True)
    outcome = models.CharField(_("resultat"), max_length=10, choices=ConversationOutcome.choices)
    summary = models.TextField(_("hvad blev drøftet og aftalt"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("samtale før afslutning")
        verbose_name_plural = _("samtaler før afslutning")

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y} {self.get_outcome_display()}"


class CoursePlan(Versioned):
    """The plan for one course (000 line ~74): goals, the follow-up rhythm, accompaniment.

    The plan is dynamic: every save writes a PlanRevision, so the plan as it was on any
    date, and who changed what, can be shown.
    """

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="plan")
    goals = models.TextField(_("mål for forløbet"))
    contact_every_days = models.PositiveSmallIntegerField(
        _("opfølgning hver (dage)"), help_text=_("Fx 14 for hver anden uge.")
    )
    contact_mode = models.CharField(
        _("opfølgning som"), max_length=16, choices=ContactMode.choices, default=ContactMode.VISIT
    )
    # When in the day the follow-ups usually are: in the calendar feed they are then at that
    # time (and at the company's address), not a whole day.
    contact_time = models.TimeField(
        _("klokkeslæt for opfølgningen"),
        null=True,
        blank=True,
        help_text=_("tt:mm, fx 10:00. Så står opfølgningerne i kalenderen på det tidspunkt."),
    )
    accompaniment_days = models.PositiveSmallIntegerField(
        _("følgedage på arbejdspladsen"), default=0
    )
    accompaniment_note = models.CharField(
        _("om følgedagene"), max_length=300, blank=True, help_text=_("Fx de første to dage.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plan for forløbet")
        verbose_name_plural = _("planer for forløb")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact_every_days__gte=1, contact_every_days__lte=365),
                name="plan_contact_every_1_to_365_days",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan {self.placement_id} v{self.version}"


PLAN_FIELDS = (
    "goals",
    "contact_every_days",
    "contact_mode",
    "contact_time",
    "accompaniment_days",
    "accompaniment_note",
)


class PlanRevision(models.Model):
    """The plan as saved at one moment, by whom, and which fields changed."""

    plan = models.ForeignKey(CoursePlan, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    saved_at = models.DateTimeField(default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    changed = models.CharField(max_length=300, blank=True)
    goals = models.TextField()
    contact_every_days = models.PositiveSmallIntegerField()
    contact_mode = models.CharField(max_length=16, choices=ContactMode.choices)
    contact_time = models.TimeField(null=True, blank=True)
    accompaniment_days = models.PositiveSmallIntegerField(default=0)
    accompaniment_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-saved_at", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="plan_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"Plan {self.plan_id} v{self.version}"


class FollowUp(models.Model):
    """A planned contact or visit by the ambassador; recording one schedules the next."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("planlagt"))
    mode = models.CharField(_("form"), max_length=16, choices=ContactMode.choices)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
        null=True,
        blank=True,
    )
    done_on = models.DateField(_("gennemført"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    summary = models.TextField(_("notat fra opfølgningen"), blank=True)
    cancelled = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        indexes = [models.Index(fields=["assigned_to", "done_on", "due_on"])]
        constraints = [
            # The plan's rhythm keeps one open follow-up per course (services.py).
            models.UniqueConstraint(
                fields=["placement"],
                condition=models.Q(done_on__isnull=True, cancelled=False),
                name="one_open_follow_up_per_placement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.due_on:%d.%m.%Y}"

    @property
    def is_open(self) -> bool:
        return self.done_on is None and not self.cancelled

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())


class AcuteIssue(models.Model):
    """A problem in a course that must be answered within 24 hours (002, Middelfart)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="acute_issues")
    reported_at = models.DateTimeField(_("henvendelse modtaget"))
    reported_by = models.CharField(
        _("henvendelse fra"), max_length=200, help_text=_("Fx virksomhedens kontaktperson.")
    )
    description = models.TextField(_("hvad er problemet"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    answer = models.TextField(_("svar og handling"), blank=True)
    # Set when the 24 hours passed without an answer and the managers were told.
    breach_flagged_at = models.DateTimeField(null=True, blank=True)
    flagged_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="flagged_acute_issues", blank=True
    )

    class Meta:
        ordering = ["-reported_at", "-id"]
        verbose_name = _("akut henvendelse")
        verbose_name_plural = _("akutte henvendelser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True)
                | models.Q(answered_at__gte=models.F("reported_at")),
                name="acute_answered_after_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reported_at:%d.%m.%Y %H:%M}"

    @property
    def deadline(self) -> dt.datetime:
        return self.reported_at + dt.timedelta(hours=ACUTE_ANSWER_HOURS)

    def is_breached(self, now: dt.datetime | None = None) -> bool:
        if self.answered_at is not None:
            return self.answered_at > self.deadline
        return (now or timezone.now()) > self.deadline


class RetentionPlan(Versioned):
    """The retention plan (fastholdelsesplan, 003 "Bilag 2"): parties, goals, assessment."""

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, related_name="retention_plan"
    )
    work_function = models.CharField(_("arbejdsfunktion"), max_length=200, blank=True)
    company_contact = models.CharField(_("kontaktperson i virksomheden"), max_length=200)
    company_contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    municipality_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kommunens kontaktperson"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality_contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    company_goal = models.TextField(_("virksomhedsmål"), blank=True)
    citizen_goal = models.TextField(_("borgerens mål"), blank=True)
    jobcentre_goal = models.TextField(_("jobcentrets mål"), blank=True)
    next_goal = models.TextField(_("næste mål"), blank=True)
    assessment = models.TextField(_("vurdering"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("fastholdelsesplan")
        verbose_name_plural = _("fastholdelsesplaner")

    def __str__(self) -> str:
        return f"Fastholdelsesplan {self.placement_id}"


class RetentionEntry(models.Model):
    """One dated line of the retention plan: what is not working, and what is."""

    plan = models.ForeignKey(RetentionPlan, on_delete=models.CASCADE, related_name="entries")
    on = models.DateField(_("dato"))
    not_working = models.TextField(_("hvad er det, der ikke fungerer"))
    resources = models.TextField(_("ressourcer og styrker"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("beskrivelse af udfordringen")
        verbose_name_plural = _("beskrivelser af udfordringen")

    def __str__(self) -> str:
        return f"{self.on:%d.%m.%Y}"


class CalendarFeed(models.Model):
    """A user's private iCalendar address; revoking deletes it, a new one gets a new token.

    Only the SHA-256 of the token is stored (`calendar.feed_renew`): the address is shown
    once, when it is made, and a copy of the database does not open anyone's calendar.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # The token itself, only on the instance `feed_renew` returns (never stored).
    token: str = ""

    def __str__(self) -> str:
        return f"Kalender for {self.user_id}"
