"""Programmes and projects, their cohorts, and who is enrolled (PRODUCT.md capability 7).

A `Programme` is an effort (indsats: Najah, De internationale, the intro course) or a
project (the reinvestment project, the ambassador project "Det integrerede Liv"), with every
field of SIRI's description template (seeds 001 and 003), in the template's order. Its
activities, actors, change tracks, cost lines, observations, modules, events and selection
criteria are rows of their own. A `Cohort` (hold) is one run of a programme, with a start,
a capacity and its teachers. An `Enrolment` is a citizen in a programme (and, for a
programme with cohorts, in one of them) from the handover date to an end with its reason:
the context that lets the ambassador and the teachers see the citizen.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.status import ClosingReason
from jobbro.core.locking import Versioned
from jobbro.lib.dates import add_months

# SIRI wants the description at the latest 3 months after the effort started (seed 001,
# "Procedure for indsendelse af beskrivelsen til SIRI").
SIRI_DESCRIPTION_MONTHS = 3
# The ambassador project: enrolment in it is the ambassador's context (seed 000).
AMBASSADOR_PROJECT = "det-integrerede-liv"


class ProgrammeKind(models.TextChoices):
    PROGRAMME = "programme", _("Indsats")
    PROJECT = "project", _("Projekt")


class Intake(models.TextChoices):
    CONTINUOUS = "continuous", _("Løbende optag")
    COMMON_START = "common_start", _("Fælles start")


class Programme(Versioned):
    """An effort or a project, described as SIRI's template asks (seeds 001, 003)."""

    kind = models.CharField(
        _("type"), max_length=16, choices=ProgrammeKind.choices, default=ProgrammeKind.PROGRAMME
    )
    # A stable name for the ones Jobbro ships as data (the seeds), empty for the rest.
    code = models.SlugField(_("kode"), max_length=40, blank=True)

    # Korte fakta om indsatsen.
    municipality = models.CharField(_("kommune"), max_length=100)
    name = models.CharField(_("navn på indsatsen"), max_length=200)
    starts_on = models.DateField(_("opstartsdato"))
    ends_on = models.DateField(_("slutdato"), null=True, blank=True)
    summary = models.TextField(_("hovedformål"), blank=True)
    new_kind = models.BooleanField(_("ny type indsats"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("antal timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    weeks_per_participant = models.PositiveSmallIntegerField(
        _("antal uger pr. deltager"), null=True, blank=True
    )
    participants_at_a_time = models.PositiveSmallIntegerField(
        _("antal deltagere ad gangen"), null=True, blank=True
    )
    intake = models.CharField(
        _("optag"), max_length=16, choices=Intake.choices, default=Intake.COMMON_START
    )
    start_within_hours = models.PositiveSmallIntegerField(
        _("starter senest (timer efter boligplacering)"), null=True, blank=True
    )

    # Målgruppe; the criteria are rows (`Criterion`), shown as a checklist at enrolment.
    target_group = models.TextField(_("målgruppe"), blank=True)
    criteria_text = models.TextField(_("kriterier for deltagelse"), blank=True)

    # Formålet med indsatsen.
    purpose_short = models.TextField(_("formål på kort sigt"), blank=True)
    purpose_long = models.TextField(_("formål på lang sigt"), blank=True)
    goals = models.TextField(_("mål for indsatsen"), blank=True, help_text=_("Et mål pr. linje."))

    # Beskrivelse af indsatsen: activities and actors are rows.
    activities_text = models.TextField(_("om aktiviteterne"), blank=True)
    actors_text = models.TextField(_("om aktørerne"), blank=True)

    # Samarbejde med virksomheder.
    company_before = models.TextField(
        _("samarbejde med virksomheder forud for indsatsen"), blank=True
    )
    company_during = models.TextField(_("samarbejde med virksomheder under indsatsen"), blank=True)
    company_after = models.TextField(_("samarbejde med virksomheder efter indsatsen"), blank=True)

    # Integrations- og beskæftigelsesambassadørens rolle.
    ambassador_role = models.TextField(_("ambassadørens rolle"), blank=True)
    ambassador_successor = models.TextField(_("hvem overtager rollen"), blank=True)

    method = models.TextField(_("metode"), blank=True)
    change_tracks_text = models.TextField(_("om forandringssporene"), blank=True)
    expected_effect = models.TextField(_("forventet effekt"), blank=True)
    economy_text = models.TextField(_("om økonomien"), blank=True)
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("gode praksisser indsatsen bygger på"),
        related_name="programmes",
        blank=True,
    )
    # What the effort builds on that is not in the library (migration 0009 kept here the lines
    # of the old text list that named none of its practices).
    good_practices = models.TextField(
        _("andre gode praksisser og erfaringer"),
        blank=True,
        help_text=_("Det, indsatsen bygger på, som ikke er i biblioteket. Én pr. linje."),
    )
    siri_sent_on = models.DateField(
        _("indsatsbeskrivelsen sendt til SIRI"),
        null=True,
        blank=True,
        help_text=_("Skal sendes senest 3 måneder efter opstart."),
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="programme_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True)
                | Q(hours_per_week__gt=0, hours_per_week__lte=60),
                name="programme_hours_per_week_range",
            ),
            models.CheckConstraint(
                condition=Q(participants_at_a_time__isnull=True) | Q(participants_at_a_time__gte=1),
                name="programme_participants_at_least_1",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def siri_due_on(self) -> dt.date:
        """The SIRI description is due 3 months after the effort starts (seed 001)."""
        return add_months(self.starts_on, SIRI_DESCRIPTION_MONTHS)

    @property
    def siri_overdue(self) -> bool:
        return self.siri_sent_on is None and timezone.localdate() > self.siri_due_on

    @property
    def good_practice_list(self) -> list[str]:
        return [line.strip() for line in self.good_practices.splitlines() if line.strip()]

    @property
    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class Criterion(models.Model):
    """One criterion for selection (SIRI: "Hvad er kriterierne for at blive udvalgt")."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("nr."))
    text = models.CharField(_("kriterium"), max_length=300)

    class Meta:
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "position"], name="criterion_position")
        ]

    def __str__(self) -> str:
        return self.text


class Activity(models.Model):
    """Aktivitet n: what the effort consists of, each described."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(_("aktivitet nr."))
    title = models.CharField(_("aktivitet"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("aktivitet")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="activity_number")
        ]

    def __str__(self) -> str:
        return self.title


class Actor(models.Model):
    """Aktørtype n: who carries the effort out, in which role and with which task."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="actors")
    number = models.PositiveSmallIntegerField(_("aktørtype nr."))
    role = models.CharField(_("titel/rolle"), max_length=200)
    task = models.TextField(_("opgave"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("aktør")
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="actor_number")]

    def __str__(self) -> str:
        return self.role


class ChangeTrack(models.IntegerChoices):
    """Forandringsspor 1–6 of Realize's note, as the seeds name them (001, 003)."""

    WORK_IDENTITY = 1, _("Spor 1: Kvinderne opbygger arbejdsidentitet")
    LABOUR_MARKET_DEMANDS = 2, _("Spor 2: Kvinderne lærer at mestre kravene på arbejdsmarkedet")
    COMPETENCES = (
        3,
        _(
            "Spor 3: Kvinderne tilegner sig nye faglige kompetencer eller styrker eksisterende "
            "kompetencer"
        ),
    )
    TRACK_4 = 4, _("Spor 4")
    TRACK_5 = 5, _("Spor 5")
    ROLE_MODEL = 6, _("Spor 6: Kvinden bliver rollemodel – og kan spejle sig i andre rollemodeller")


class ProgrammeChangeTrack(models.Model):
    """A change track the effort works with, and the change it expects in the target group."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="change_tracks")
    track = models.PositiveSmallIntegerField(_("forandringsspor"), choices=ChangeTrack.choices)
    description = models.TextField(_("om sporet"), blank=True)
    expected_change = models.TextField(_("forventet forandring"), blank=True)

    class Meta:
        ordering = ["programme", "track"]
        verbose_name = _("forandringsspor")
        constraints = [
            models.UniqueConstraint(fields=["programme", "track"], name="change_track_once"),
            models.CheckConstraint(
                condition=Q(track__gte=1, track__lte=6), name="change_track_1_to_6"
            ),
        ]

    def __str__(self) -> str:
        return self.get_track_display()


class CostLine(models.Model):
    """One line of the effort's economy (materials, transport, staff...)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cost_lines")
    position = models.PositiveSmallIntegerField(_("nr."))
    item = models.CharField(_("post"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    amount = models.DecimalField(
        _("beløb (kr.)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # The staff hours the line pays for (an instructor's 200 hours), when it is hours.
    hours = models.DecimalField(_("timer"), max_digits=7, decimal_places=1, null=True, blank=True)

    class Meta:
        ordering = ["programme", "position"]
        verbose_name = _("omkostning")
        constraints = [
            models.UniqueConstraint(fields=["programme", "position"], name="cost_line_position"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="cost_line_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0),
                name="cost_line_hours_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.item


class Phase(models.TextChoices):
    START = "start", _("I starten af forløbet / indsatsen")
    MIDDLE = "middle", _("Midtvejs i forløbet / indsatsen")
    END = "end", _("Ved slutning af forløbet / indsatsen")


class Observation(models.Model):
    """A dated observation along the way (SIRI: "Observationer undervejs"), for the effort or
    one of its cohorts."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="observations")
    cohort = models.ForeignKey(
        "Cohort",
        verbose_name=_("hold"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
    )
    phase = models.CharField(_("tidspunkt i forløbet"), max_length=8, choices=Phase.choices)
    noted_on = models.DateField(_("dato"), null=True, blank=True)
    text = models.TextField(_("observation"))

    class Meta:
        ordering = ["programme", "noted_on", "id"]
        verbose_name = _("observation")

    def __str__(self) -> str:
        return self.get_phase_display()


class Module(models.Model):
    """A module of the plan with its weeks and content (003 "Bilag 1"). The intro week has no
    number."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="modules")
    number = models.PositiveSmallIntegerField(_("modul"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    first_week = models.PositiveSmallIntegerField(_("fra uge"))
    last_week = models.PositiveSmallIntegerField(_("til uge"))
    content = models.TextField(_("indhold"), blank=True, help_text=_("Et emne pr. linje."))

    class Meta:
        ordering = ["programme", "first_week", "id"]
        verbose_name = _("modul")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_week__gte=1) & Q(last_week__gte=models.F("first_week")),
                name="module_weeks_in_order",
            ),
            models.UniqueConstraint(
                fields=["programme", "number"],
                condition=Q(number__isnull=False),
                name="module_number",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def content_list(self) -> list[str]:
        return [line.strip() for line in self.content.splitlines() if line.strip()]

    @property
    def weeks_display(self) -> str:
        if self.first_week == self.last_week:
            return str(self.first_week)
        return f"{self.first_week}–{self.last_week}"


class Event(models.Model):
    """An event in a week of the plan: an excursion or a company visit (003 "Bilag 1")."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="events")
    week = models.PositiveSmallIntegerField(_("uge"))
    title = models.CharField(_("event"), max_length=200)
    after_module = models.ForeignKey(
        Module,
        verbose_name=_("efter modul"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events_after",
    )

    class Meta:
        ordering = ["programme", "week", "id"]
        verbose_name = _("event")
        constraints = [models.CheckConstraint(condition=Q(week__gte=1), name="event_week_1_on")]

    def __str__(self) -> str:
        return self.title


class Cohort(Versioned):
    """One team (hold) of a programme: common start or continuous intake, a capacity."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(_("navn"), max_length=100)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("slut"), null=True, blank=True)
    intake = models.CharField(_("optag"), max_length=16, choices=Intake.choices)
    capacity = models.PositiveSmallIntegerField(_("pladser"))
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undervisere"),
        related_name="cohorts_taught",
        blank=True,
    )
    schedule = models.CharField(
        _("skema"), max_length=300, blank=True, help_text=_("Fx tirsdag og torsdag kl. 9–12.")
    )
    location = models.CharField(_("sted"), max_length=200, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "starts_on", "name", "id"]
        verbose_name = _("hold")
        verbose_name_plural = _("hold")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="cohort_name_unique"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="cohort_capacity_at_least_1"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme.name}: {self.name}"


class EndReason(models.TextChoices):
    """Why an enrolment ended: completed; the case file's closing reasons (seed 004, in
    `citizens.status.ClosingReason`, the same values, so a case closed for a reason can end
    its enrolments for it); and the drop-out reasons of seeds 003 and 004 (barsel, sygdom)."""

    COMPLETED = "completed", _("Gennemført")
    ORDINARY_JOB = ClosingReason.ORDINARY_JOB.value, ClosingReason.ORDINARY_JOB.label
    ORDINARY_EDUCATION = (
        ClosingReason.ORDINARY_EDUCATION.value,
        ClosingReason.ORDINARY_EDUCATION.label,
    )
    FLEXJOB = ClosingReason.FLEXJOB.value, ClosingReason.FLEXJOB.label
    OWN_BUSINESS = ClosingReason.OWN_BUSINESS.value, ClosingReason.OWN_BUSINESS.label
    MOVED = ClosingReason.MOVED.value, ClosingReason.MOVED.label
    SPOUSE_SUPPORTED = ClosingReason.SPOUSE_SUPPORTED.value, ClosingReason.SPOUSE_SUPPORTED.label
    DECLINED = ClosingReason.DECLINED.value, ClosingReason.DECLINED.label
    REPATRIATED = ClosingReason.REPATRIATED.value, ClosingReason.REPATRIATED.label
    DECEASED = ClosingReason.DECEASED.value, ClosingReason.DECEASED.label
    PARENTAL_LEAVE = "parental_leave", _("Barsel")
    ILLNESS = "illness", _("Sygdom")
    OTHER = ClosingReason.OTHER.value, ClosingReason.OTHER.label


class EnrolmentQuerySet(models.QuerySet):
    def active_on(self, day: dt.date):
        """Enrolled on `day`: started on or before it, not ended before it."""
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))

    def open(self):
        return self.filter(ends_on__isnull=True)


class Enrolment(Versioned):
    """A citizen in a programme or project, from the handover date to an end with its reason."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="enrolments"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("hold"),
        on_delete=models.PROTECT,
        related_name="enrolments",
        null=True,
        blank=True,
    )
    starts_on = models.DateField(_("start (overdragelse)"))
    ends_on = models.DateField(_("slut"), null=True, blank=True)
    end_reason = models.CharField(
        _("afslutningsårsag"), max_length=24, choices=EndReason.choices, blank=True
    )
    end_note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("indskrevet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("indskrivning")
        verbose_name_plural = _("indskrivninger")
        indexes = [models.Index(fields=["programme", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="enrolment_ends_after_start",
            ),
            # An end has its reason, and only an end has one.
            models.CheckConstraint(
                condition=(Q(ends_on__isnull=True) & Q(end_reason=""))
                | (Q(ends_on__isnull=False) & ~Q(end_reason="")),
                name="enrolment_end_has_reason",
            ),
            # One open enrolment per citizen and programme.
            models.UniqueConstraint(
                fields=["citizen", "programme"],
                condition=Q(ends_on__isnull=True),
                name="enrolment_one_open_per_programme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme.name} ({self.starts_on:%d.%m.%Y})"

    def clean(self) -> None:
        cohort = self.cohort if self.cohort_id else None
        if cohort is not None and self.programme_id and cohort.programme_id != self.programme_id:
            raise ValidationError({"cohort": _("Holdet hører til en anden indsats.")})


class ChangeAction(models.TextChoices):
    CREATE = "create", _("Tilføjet")
    CHANGE = "change", _("Ændret")
    DELETE = "delete", _("Slettet")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("A programme's change log is append-only")

    def delete(self):
        raise PermissionError("A programme's change log is append-only")


class ProgrammeChange(models.Model):
    """One change of a programme's description or one of its rows (a change track, a cost
    line, an observation, a module, an event): who, when, and the old and new values. Rows
    are only ever added; the description holds no personal data, so this is not the access
    log."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ændret af"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    # Which part: "description", or a row's model name ("costline", "module").
    part = models.CharField(_("del"), max_length=32)
    row_id = models.BigIntegerField(null=True)
    action = models.CharField(_("handling"), max_length=8, choices=ChangeAction.choices)
    # {"field": [old, new]} as text.
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("ændring af indsats")
        indexes = [models.Index(fields=["programme", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.part} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("A programme's change log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("A programme's change log is append-only")

    @property
    def part_label(self) -> str:
        labels = {
            "description": _("Beskrivelsen"),
            "programmechangetrack": _("Forandringsspor"),
            "costline": _("Økonomi"),
            "observation": _("Observation"),
            "module": _("Modul"),
            "event": _("Event"),
        }
        return str(labels.get(self.part, self.part))
