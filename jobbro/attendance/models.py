"""The work obligation, each person's week, attendance and sanction documentation.

PRODUCT.md capabilities 7-8 and "The law in force"; seed 001 (each woman her own weekly
schedule, language school on different weekdays) and seed 002 (Helsingør: attendance,
documentation from language centres, companies, doctors and job consultants, the hearing
letter, the benefits office's decision).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField
from jobbro.core.locking import Versioned
from jobbro.journal.models import StoredFile

MAX_WEEK_HOURS = Decimal(60)
# A session pattern makes its sessions at once: at most two years of them.
MAX_PATTERN_DAYS = 731


def dated(name: str) -> models.CheckConstraint:
    """A row valid from a date, to an optional date that is not before it."""
    return models.CheckConstraint(
        condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
        name=name,
    )


def hours_between(field: str, name: str, low_inclusive: bool = True) -> models.CheckConstraint:
    low = {f"{field}__gte" if low_inclusive else f"{field}__gt": 0}
    return models.CheckConstraint(
        condition=models.Q(**low, **{f"{field}__lte": MAX_WEEK_HOURS}), name=name
    )


class WorkObligationNorm(models.Model):
    """The work obligation's hours per week as the law sets them, with the dates they hold.

    Reference data (migration 0002 ships 37 hours from 1 January 2025, LAB §§ 105 a-b,
    lov nr. 1654 af 30.12.2024): a reform is a new row and an end date on the old one, not
    a change of code.
    """

    hours_per_week = models.DecimalField(_("timer pr. uge"), max_digits=4, decimal_places=1)
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)
    legal_basis = models.CharField(_("hjemmel"), max_length=200)

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("arbejdspligtens timetal")
        verbose_name_plural = _("arbejdspligtens timetal")
        constraints = [
            dated("obligation_norm_ends_after_start"),
            hours_between("hours_per_week", "obligation_norm_hours_0_to_60", low_inclusive=False),
        ]

    def __str__(self) -> str:
        return f"{self.hours_per_week} t/uge fra {self.valid_from:%d.%m.%Y}"

    @classmethod
    def on(cls, day: dt.date) -> "WorkObligationNorm | None":
        return (
            cls.objects.filter(valid_from__lte=day)
            .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day))
            .order_by("-valid_from")
            .first()
        )


class WorkObligation(models.Model):
    """Whether the work obligation applies to a citizen from a date, and with what individual
    reduction (set with health taken into account, so its reason is encrypted).

    Each change is a new row; the one before it gets its end date (`services.obligation_set`),
    so the history stays and the obligation on any date can be read back.
    """

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="work_obligations"
    )
    applies = models.BooleanField(_("arbejdspligten gælder"))
    reduction_hours = models.DecimalField(
        _("individuel nedsættelse (timer pr. uge)"),
        max_digits=4,
        decimal_places=1,
        default=Decimal(0),
    )
    reason = EncryptedTextField(_("begrundelse for nedsættelsen"), blank=True)
    job_search_hours = models.DecimalField(
        _("aftalt jobsøgning (timer pr. uge)"), max_digits=4, decimal_places=1, default=Decimal(0)
    )
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("arbejdspligt")
        verbose_name_plural = _("arbejdspligt")
        constraints = [
            dated("obligation_ends_after_start"),
            hours_between("reduction_hours", "obligation_reduction_0_to_60"),
            hours_between("job_search_hours", "obligation_job_search_0_to_60"),
            # One open row per citizen: the current obligation.
            models.UniqueConstraint(
                fields=["citizen"],
                condition=models.Q(valid_to__isnull=True),
                name="one_open_obligation_per_citizen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id} fra {self.valid_from:%d.%m.%Y}"

    def clean(self) -> None:
        if self.reduction_hours and self.reduction_hours > 0 and not self.reason.strip():
            raise ValidationError({"reason": _("Skriv begrundelsen for nedsættelsen.")})
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Slutdatoen kan ikke ligge før startdatoen.")})

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("mandag")
    TUESDAY = 1, _("tirsdag")
    WEDNESDAY = 2, _("onsdag")
    THURSDAY = 3, _("torsdag")
    FRIDAY = 4, _("fredag")
    SATURDAY = 5, _("lørdag")
    SUNDAY = 6, _("søndag")


def ends_after_start(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name=name)


class WeeklyTime(models.Model):
    """A weekday with a time from and to: a language school day, a cohort's weekly session."""

    weekday = models.PositiveSmallIntegerField(_("ugedag"), choices=Weekday.choices)
    starts_at = models.TimeField(_("fra kl."))
    ends_at = models.TimeField(_("til kl."))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"

    def time_errors(self) -> dict:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            return {"ends_at": _("Sluttidspunktet skal ligge efter starten.")}
        return {}


class LanguageSchoolDay(WeeklyTime):
    """One weekday a citizen is at language school (danskuddannelse): seed 001, "hver kvinde
    har individuelt ugeskema, idet de deltager på forskellige moduler på sprogskolen"."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="language_school_days"
    )
    school = models.CharField(_("sprogskole"), max_length=120)
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["weekday", "starts_at"]
        verbose_name = _("sprogskoledag")
        verbose_name_plural = _("sprogskoledage")
        constraints = [
            ends_after_start("language_day_ends_after_start"),
            dated("language_day_valid_to_after_from"),
        ]

    def clean(self) -> None:
        errors = self.time_errors()
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Slutdatoen kan ikke ligge før startdatoen.")
        if errors:
            raise ValidationError(errors)

    def covers(self, day: dt.date) -> bool:
        return (
            day.weekday() == self.weekday
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )


class SessionPattern(WeeklyTime):
    """A cohort's weekly session (e.g. tuesdays 9-12) for a period: its sessions are made
    from it on every such weekday that is not a Danish public holiday."""

    cohort = models.ForeignKey(
        "programmes.Cohort", on_delete=models.CASCADE, related_name="session_patterns"
    )
    title = models.CharField(_("indhold"), max_length=120, default="Undervisning")
    place = models.CharField(_("sted"), max_length=200, blank=True)
    valid_from = models.DateField(_("første dag"))
    valid_to = models.DateField(_("sidste dag"))
    # Who made it (a cohort outlives its teachers' accounts).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["weekday", "starts_at"]
        verbose_name = _("fast mødegang")
        verbose_name_plural = _("faste mødegange")
        constraints = [
            ends_after_start("pattern_ends_after_start"),
            dated("pattern_valid_to_after_from"),
        ]

    def clean(self) -> None:
        errors = self.time_errors()
        if self.valid_to and self.valid_from:
            if self.valid_to < self.valid_from:
                errors["valid_to"] = _("Den sidste dag kan ikke ligge før den første.")
            elif (self.valid_to - self.valid_from).days > MAX_PATTERN_DAYS:
                errors["valid_to"] = _("En fast mødegang kan højst gælde to år ad gangen.")
        if errors:
            raise ValidationError(errors)


class Session(models.Model):
    """One meeting of a cohort (mødegang): made from a pattern, or on its own."""

    cohort = models.ForeignKey(
        "programmes.Cohort", on_delete=models.CASCADE, related_name="sessions"
    )
    pattern = models.ForeignKey(
        SessionPattern, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    on = models.DateField(_("dato"))
    starts_at = models.TimeField(_("fra kl."))
    ends_at = models.TimeField(_("til kl."))
    title = models.CharField(_("indhold"), max_length=120)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    cancelled = models.BooleanField(_("aflyst"), default=False)

    class Meta:
        ordering = ["on", "starts_at", "id"]
        verbose_name = _("mødegang")
        verbose_name_plural = _("mødegange")
        indexes = [models.Index(fields=["cohort", "on"])]
        constraints = [
            ends_after_start("session_ends_after_start"),
            models.UniqueConstraint(
                fields=["cohort", "on", "starts_at"], name="one_session_per_cohort_and_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.on:%d.%m.%Y} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"

    @property
    def hours(self) -> Decimal:
        minutes = (self.ends_at.hour * 60 + self.ends_at.minute) - (
            self.starts_at.hour * 60 + self.starts_at.minute
        )
        return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Mødt")
    LEGAL = "legal", _("Lovligt fravær")
    ILLEGAL = "illegal", _("Ulovligt fravær")


class AbsenceReason(models.TextChoices):
    """Why an absence is legal: a choice, never a free text (no diagnosis in Jobbro)."""

    ILLNESS = "illness", _("Sygdom")
    CHILD = "child", _("Barns første sygedag")
    APPOINTMENT = "appointment", _("Læge, tandlæge eller behandling")
    JOB = "job", _("Jobsamtale eller arbejde")
    AGREED = "agreed", _("Aftalt med jobcentret")
    OTHER = "other", _("Anden lovlig grund")


class Attendance(models.Model):
    """One participant at one session, as the teacher recorded it (one tap)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("fremmøde"), max_length=8, choices=AttendanceStatus.choices)
    reason = models.CharField(
        _("grund til lovligt fravær"), max_length=12, choices=AbsenceReason.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now=True)

    class Meta:
        ordering = ["session", "citizen"]
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "citizen"], name="one_attendance_per_session"
            ),
            # A legal absence has its reason, and only a legal absence has one.
            models.CheckConstraint(
                condition=(models.Q(status="legal") & ~models.Q(reason=""))
                | (~models.Q(status="legal") & models.Q(reason="")),
                name="attendance_reason_only_for_legal_absence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.citizen_id} {self.status}"


# Sanction documentation (seed 002, Helsingør) ----------------------------------------------


class DocumentSource(models.TextChoices):
    """Where documentation comes from (seed 002: "dokumentation fra sprogcentre,
    virksomheder, læger, jobkonsulenter og andre parter")."""

    LANGUAGE_CENTRE = "language_centre", _("Sprogcenter")
    COMPANY = "company", _("Virksomhed")
    DOCTOR = "doctor", _("Læge")
    JOB_CONSULTANT = "job_consultant", _("Jobkonsulent")
    CITIZEN = "citizen", _("Borgeren")
    OTHER = "other", _("Andre parter")


class DecisionOutcome(models.TextChoices):
    """What the benefits office decided, as it tells the job centre: recorded, never made
    or suggested by Jobbro."""

    SANCTION = "sanction", _("Ydelsesafdelingen har truffet afgørelse om sanktion")
    NO_SANCTION = "no_sanction", _("Ydelsesafdelingen har besluttet ikke at sanktionere")
    OTHER = "other", _("Anden afgørelse")


class SanctionStage(models.TextChoices):
    COLLECTING = "collecting", _("Dokumentation indsamles")
    HEARING = "hearing", _("Partshøring sendt, venter på bemærkninger")
    REPLIED = "replied", _("Bemærkninger modtaget")
    FORWARDED = "forwarded", _("Sendt til Ydelsesafdelingen")
    DECIDED = "decided", _("Afgørelse registreret")
    CLOSED = "closed", _("Lukket uden afgørelse")


class SanctionCase(Versioned):
    """The documentation of illegal absence for the benefits office (seed 002, Helsingør):
    the absences, the documentation, the hearing (partshøring, forvaltningsloven § 19) and its
    deadline, the citizen's reply, and the benefits office's decision as it was made there.

    Jobbro documents: nothing here decides, suggests a sanction or changes a benefit.
    """

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="sanction_cases"
    )
    absences = models.ManyToManyField(
        Attendance, verbose_name=_("fravær"), related_name="sanction_cases"
    )
    summary = EncryptedTextField(_("hvad sagen drejer sig om"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    hearing_sent_on = models.DateField(_("partshøring sendt"), null=True, blank=True)
    reply_deadline = models.DateField(_("frist for bemærkninger"), null=True, blank=True)
    reply_received_on = models.DateField(_("bemærkninger modtaget"), null=True, blank=True)
    reply_text = EncryptedTextField(_("borgerens bemærkninger"), blank=True)
    forwarded_on = models.DateField(_("sendt til Ydelsesafdelingen"), null=True, blank=True)
    decided_on = models.DateField(_("afgørelsens dato"), null=True, blank=True)
    decision = models.CharField(
        _("afgørelse"), max_length=12, choices=DecisionOutcome.choices, blank=True
    )
    decision_text = EncryptedTextField(
        _("afgørelsen, som Ydelsesafdelingen har meddelt den"), blank=True
    )
    decided_by = models.CharField(_("truffet af"), max_length=200, blank=True)
    closed_on = models.DateField(_("lukket"), null=True, blank=True)
    closed_reason = models.CharField(_("hvorfor sagen er lukket"), max_length=300, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("sanktionssag")
        verbose_name_plural = _("sanktionssager")
        constraints = [
            # A decision is recorded with its date and outcome, and only after the hearing.
            models.CheckConstraint(
                condition=(models.Q(decided_on__isnull=True) & models.Q(decision=""))
                | (
                    models.Q(decided_on__isnull=False)
                    & ~models.Q(decision="")
                    & models.Q(hearing_sent_on__isnull=False)
                ),
                name="sanction_decision_after_hearing",
            ),
            models.CheckConstraint(
                condition=models.Q(reply_deadline__isnull=True)
                | models.Q(reply_deadline__gte=models.F("hearing_sent_on")),
                name="sanction_deadline_after_hearing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id} {self.opened_at:%d.%m.%Y}"

    @property
    def stage(self) -> str:
        if self.decided_on:
            return SanctionStage.DECIDED
        if self.closed_on:
            return SanctionStage.CLOSED
        if self.forwarded_on:
            return SanctionStage.FORWARDED
        if self.reply_received_on:
            return SanctionStage.REPLIED
        if self.hearing_sent_on:
            return SanctionStage.HEARING
        return SanctionStage.COLLECTING

    def get_stage_display(self) -> str:
        return str(SanctionStage(self.stage).label)

    def deadline_passed(self, today: dt.date) -> bool:
        return (
            self.stage == SanctionStage.HEARING
            and self.reply_deadline is not None
            and today > self.reply_deadline
        )


class SanctionDocument(models.Model):
    """One piece of documentation in a sanction case: a text, and the files received (a
    doctor's statement, the language centre's list), as `SanctionAttachment`s."""

    case = models.ForeignKey(
        SanctionCase,
        verbose_name=_("sanktionssag"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    source = models.CharField(_("fra"), max_length=16, choices=DocumentSource.choices)
    received_on = models.DateField(_("modtaget"))
    text = EncryptedTextField(_("dokumentation"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tilføjet af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_at = models.DateTimeField(_("tilføjet"), auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("dokumentation")
        verbose_name_plural = _("dokumentation")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.received_on:%d.%m.%Y}"


class SanctionAttachment(StoredFile):
    """A file with a piece of sanction documentation, kept as the journal keeps its
    attachments (journal/attachments.py: checked by content, encrypted under a random name
    outside the web root, removed when the row is), served only by
    `attendance:sanction_attachment`."""

    document = models.ForeignKey(
        SanctionDocument,
        verbose_name=_("dokumentation"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )

    class Meta(StoredFile.Meta):
        verbose_name = _("bilag til dokumentation")
