"""The manager's dashboard on /overblik/ (issue 12 item 3): the period's numbers, each
computed in the database in one aggregate query, so the page's query count does not grow
with the municipality.

Who sees which numbers: managers and administrators count the whole municipality and get
numbers only, never persons (PRODUCT.md roles); ambassadors and case workers count the
citizens in their own context (`citizens_for`), so each number links to the list of persons
behind it, which shows the same people. Every number a manager follows goes to an
aggregate page (`number_rows` by gender, arrival, readiness and nationality, small groups
folded) or to a page a manager may see (the acute issues flagged to them, the progression
measures).
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro.accounts.models import Role
from jobbro.assessments.models import ProgressionSeries
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import Citizen, CitizenQuerySet
from jobbro.front.forms import PeriodSearchForm
from jobbro.law.selectors import awaiting_first_offer
from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small
from jobbro.placements.models import (
    ACUTE_ANSWER_HOURS,
    AcuteIssue,
    FollowUp,
    Placement,
    PlacementStatus,
    Step,
)
from jobbro.placements.staircase import SHORT_LABELS, step_expression

# Roles that see persons, and so get the dashboard of their own context with links to lists.
PERSON_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER)
# Roles that see the whole municipality's numbers, never persons.
AGGREGATE_ROLES = (Role.MANAGER, Role.ADMINISTRATOR)
DASHBOARD_ROLES = (*AGGREGATE_ROLES, *PERSON_ROLES)

# A placement that really ran (not a proposal, not cancelled), for the staircase.
RAN = (PlacementStatus.ACTIVE, PlacementStatus.ENDED)
# "No progress" as the assessments' list counts it by default: the last three means.
STALLED_LAST = 3

PERIOD_KINDS = {
    "maaned": gettext_lazy("Denne måned"),
    "kvartal": gettext_lazy("Dette kvartal"),
    "aar": gettext_lazy("Dette år"),
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def start_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period."""
        return timezone.make_aware(dt.datetime.combine(self.end, dt.time.min)) + dt.timedelta(
            days=1
        )

    def until(self, today: dt.date) -> dt.date:
        """The period's last day that has happened."""
        return min(self.end, today)


def period_of(kind: str, today: dt.date) -> Period:
    """This month, quarter or year, from its first day to its last."""
    if kind == "aar":
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    first_month = (today.month - 1) // 3 * 3 + 1 if kind == "kvartal" else today.month
    start = dt.date(today.year, first_month, 1)
    months = 3 if kind == "kvartal" else 1
    year, month = divmod(first_month - 1 + months, 12)
    return Period(start, dt.date(today.year + year, month + 1, 1) - dt.timedelta(days=1))


def scope_for(user) -> CitizenQuerySet:
    """The citizens whose numbers this user sees: the whole municipality for managers and
    administrators (numbers only), the own context for those who see persons."""
    if user.role in AGGREGATE_ROLES:
        return Citizen.objects.all()
    return citizen_access.citizens_for(user)  # type: ignore[return-value]


def shows_persons(user) -> bool:
    return user.role in PERSON_ROLES


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide or too few to show a share."""
    if not whole or is_small(whole):
        return None
    return part / whole


# The numbers ----------------------------------------------------------------------------


def _running(placements: QuerySet[Placement], period: Period) -> QuerySet[Placement]:
    return placements.filter(status__in=RAN, starts_on__lte=period.end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start)
    )


def _started(placements: QuerySet[Placement], period: Period) -> QuerySet[Placement]:
    return placements.filter(status__in=RAN, starts_on__gte=period.start, starts_on__lte=period.end)


@dataclass
class StepRow:
    label: str
    step: int | None  # None: the folded row
    active: int
    started: int
    citizens: int


def staircase(
    placements: QuerySet[Placement], period: Period, *, fold: bool = True
) -> list[StepRow]:
    """Per step: placements active now, started in the period, citizens on the step in the
    period; with `fold` (for those who see numbers only), steps with fewer than
    SMALLEST_GROUP citizens are folded into one row."""
    rows = (
        _running(placements, period)
        .annotate(step=step_expression())
        .order_by()
        .values("step")
        .annotate(
            active=Count("id", filter=Q(status=PlacementStatus.ACTIVE)),
            started=Count("id", filter=Q(starts_on__gte=period.start)),
            citizens=Count("citizen", distinct=True),
        )
    )
    found = {r["step"]: r for r in rows}
    ordered = [
        (
            str(SHORT_LABELS[Step(n)]),
            StepRow(
                _("Trin %(n)s · %(label)s") % {"n": n, "label": SHORT_LABELS[Step(n)]},
                n,
                found[n]["active"],
                found[n]["started"],
                found[n]["citizens"],
            ),
        )
        for n in Step.values
        if n in found
    ]
    shown, rest = fold_small_groups(
        ordered, size=lambda r: r.citizens, smallest=SMALLEST_GROUP if fold else 0
    )
    out = [r for _label, r in shown]
    if rest:
        out.append(
            StepRow(
                _("Øvrige trin"),
                None,
                sum(r.active for r in rest),
                sum(r.started for r in rest),
                sum(r.citizens for r in rest),
            )
        )
    return out


def _previous_step():
    """The step of the citizen's placement before this one (the latest that started
    earlier and ran), as a subquery."""
    before = (
        Placement.objects.filter(
            citizen=OuterRef("citizen"), status__in=RAN, starts_on__lt=OuterRef("starts_on")
        )
        .annotate(step=step_expression())
        .order_by("-starts_on", "-id")
    )
    return Subquery(before.values("step")[:1])


def movement_q(kind: str) -> Q:
    return {
        "up": Q(step__lt=F("previous")),
        "same": Q(step=F("previous")),
        "down": Q(step__gt=F("previous")),
        "first": Q(previous__isnull=True),
    }[kind]


def _moves(placements: QuerySet[Placement], period: Period) -> QuerySet[Placement]:
    return _started(placements, period).annotate(step=step_expression(), previous=_previous_step())


def movement(placements: QuerySet[Placement], period: Period) -> dict[str, int]:
    """The placements started in the period against the citizen's placement before: up the
    staircase, on the same step, down, or the first."""
    return _moves(placements, period).aggregate(
        started=Count("id"), **{k: Count("id", filter=movement_q(k)) for k in MOVES}
    )


MOVES = ("up", "same", "down", "first")


def _follow_ups_due(citizens: QuerySet[Citizen], period: Period, today: dt.date):
    return FollowUp.objects.filter(
        placement__citizen__in=citizens,
        cancelled=False,
        due_on__gte=period.start,
        due_on__lte=period.until(today),
    )


def follow_up_compliance(citizens: QuerySet[Citizen], period: Period, today: dt.date) -> dict:
    """The planned contacts (the plan's rhythm's follow-ups) due in the period up to today:
    made on time (on or before the day planned), made late, not made."""
    return _follow_ups_due(citizens, period, today).aggregate(
        due=Count("id"),
        on_time=Count("id", filter=Q(done_on__lte=F("due_on"))),
        late=Count("id", filter=Q(done_on__gt=F("due_on"))),
        missing=Count("id", filter=Q(done_on__isnull=True)),
        overdue_now=Count("id", filter=Q(done_on__isnull=True, due_on__lt=today)),
    )


ANSWER_WINDOW = dt.timedelta(hours=ACUTE_ANSWER_HOURS)


def _acute_reported(citizens: QuerySet[Citizen], period: Period):
    return AcuteIssue.objects.filter(
        placement__citizen__in=citizens,
        reported_at__gte=period.start_at,
        reported_at__lt=period.end_before,
    )


def acute_q(kind: str, now: dt.datetime) -> Q:
    deadline = F("reported_at") + ANSWER_WINDOW
    return {
        "within": Q(answered_at__lte=deadline),
        "late": Q(answered_at__gt=deadline),
        "unanswered_late": Q(answered_at__isnull=True, reported_at__lt=now - ANSWER_WINDOW),
        "open": Q(answered_at__isnull=True, reported_at__gte=now - ANSWER_WINDOW),
    }[kind]


ACUTE = ("within", "late", "unanswered_late", "open")


def acute_answers(citizens: QuerySet[Citizen], period: Period, now: dt.datetime) -> dict:
    """Acute issues reported in the period: answered within 24 hours, answered later, not
    answered after 24 hours, still within their 24 hours. The share counts those whose 24
    hours are over."""
    out = _acute_reported(citizens, period).aggregate(
        reported=Count("id"), **{k: Count("id", filter=acute_q(k, now)) for k in ACUTE}
    )
    out["decided"] = out["reported"] - out["open"]
    return out


EFFORT_WINDOW = dt.timedelta(hours=settings.EFFORT_START_DEADLINE_HOURS)


def _settled(citizens: QuerySet[Citizen], period: Period):
    return citizens.filter(settled_at__gte=period.start_at, settled_at__lt=period.end_before)


def effort_q(kind: str) -> Q:
    deadline = F("settled_at") + EFFORT_WINDOW
    return {
        "in_time": Q(effort_started_at__lte=deadline),
        "late": Q(effort_started_at__gt=deadline),
        "not_started": Q(effort_started_at__isnull=True),
    }[kind]


EFFORT = ("in_time", "late", "not_started")


def effort_starts(citizens: CitizenQuerySet, period: Period, now: dt.datetime) -> dict:
    """Citizens settled in the period: effort started within 96 hours, later, not yet; and
    those past the 96 hours without a started effort today (open cases, as the flag)."""
    out = _settled(citizens, period).aggregate(
        settled=Count("id"), **{k: Count("id", filter=effort_q(k)) for k in EFFORT}
    )
    out["awaiting_now"] = citizens.awaiting_effort(now).count()
    return out


def _series(citizens: QuerySet[Citizen], period: Period):
    return ProgressionSeries.objects.filter(
        citizen__in=citizens,
        scored__gte=2,
        latest__assessed_on__gte=period.start,
        latest__assessed_on__lte=period.end,
    )


def progression_q(kind: str) -> Q:
    return {
        "rose": Q(latest_mean__gt=F("first_mean")),
        "stalled": Q(scored__gte=STALLED_LAST, latest_mean__lte=F(f"back{STALLED_LAST - 1}")),
    }[kind]


def progression(citizens: QuerySet[Citizen], period: Period) -> dict:
    """Series (a citizen's assessments with one instrument, two or more) whose latest
    assessment is in the period: the mean rose from the first, or did not rise over the
    last three ("uden fremgang", as the assessments' list)."""
    return _series(citizens, period).aggregate(
        people=Count("id"), rose=Count("id", filter=progression_q("rose"))
    ) | {"stalled": _series(citizens, period).filter(progression_q("stalled")).count()}


# The rows behind a number, for the aggregate page ------------------------------------------


@dataclass(frozen=True)
class Behind:
    """The rows behind one number: a queryset, the path from its rows to the citizen, and
    the title."""

    rows: QuerySet
    citizen: str  # "" when the rows are citizens
    title: str


def behind(key: str, citizens, period: Period, today: dt.date, now: dt.datetime) -> Behind | None:
    """What one number counts, by its key (the aggregate page's `tal`), or None."""
    placements = Placement.objects.filter(citizen__in=citizens)
    if (
        key.startswith("trin-")
        and key[5:].isascii()
        and key[5:].isdigit()
        and int(key[5:]) in Step.values
    ):
        n = int(key[5:])
        running = _running(placements, period).annotate(step=step_expression())
        title = _("Forløb på trin %(n)s i perioden") % {"n": n}
        return Behind(running.filter(step=n), "citizen__", title)
    if key.startswith("flyt-") and key[5:] in MOVES:
        rows = _moves(placements, period).filter(movement_q(key[5:]))
        return Behind(rows, "citizen__", str(MOVE_TITLES[key[5:]]))
    if key == "opfoelgning-ikke-til-tiden":
        rows = _follow_ups_due(citizens, period, today).exclude(done_on__lte=F("due_on"))
        return Behind(
            rows, "placement__citizen__", _("Opfølgninger, der ikke blev holdt til tiden")
        )
    if key == "akut-over-24-timer":
        rows = (
            _acute_reported(citizens, period)
            .exclude(acute_q("within", now))
            .exclude(acute_q("open", now))
        )
        return Behind(
            rows, "placement__citizen__", _("Akutte henvendelser uden svar inden 24 timer")
        )
    if key == "96-timer":
        return Behind(citizens.awaiting_effort(now), "", _("Uden startet indsats efter 96 timer"))
    if key == "foerste-tilbud":
        return Behind(
            awaiting_first_offer(citizens, today),
            "",
            _("Uden første virksomhedsrettede tilbud efter fristen"),
        )
    if key.startswith(("maal-", "status-")):  # a goals number (goals/selectors.py)
        from jobbro.goals.selectors import behind_number

        found = behind_number(key, citizens, period.start, period.end)
        return None if found is None else Behind(found[0], "", found[1])
    if key in ("fremgang", "uden-fremgang"):
        rows = _series(citizens, period).filter(
            progression_q("rose" if key == "fremgang" else "stalled")
        )
        title = _("Med fremgang") if key == "fremgang" else _("Uden fremgang")
        return Behind(rows, "citizen__", title)
    return None


MOVE_TITLES = {
    "up": gettext_lazy("Forløb, der er et trin højere end borgerens forrige"),
    "same": gettext_lazy("Forløb på samme trin som borgerens forrige"),
    "down": gettext_lazy("Forløb, der er et trin lavere end borgerens forrige"),
    "first": gettext_lazy("Borgerens første forløb"),
}

BREAKDOWN_FIELDS = ("gender", "arrival", "readiness", "nationality")


def breakdown_counts(found: Behind) -> dict[str, dict[str, int]]:
    """{field: {value: rows}} of the rows behind a number, one grouped query per field."""
    out = {}
    for name in BREAKDOWN_FIELDS:
        path = f"{found.citizen}{name}"
        rows = found.rows.order_by().values_list(path).annotate(n=Count("pk"))
        out[name] = {value or "": n for value, n in rows}
    return out


# The page ---------------------------------------------------------------------------------


class PeriodForm(PeriodSearchForm):
    """The dashboard's period: this month, quarter or year, or from one date to another
    (the dates win when given)."""

    periode = forms.ChoiceField(
        label=gettext_lazy("Periode"),
        choices=list(PERIOD_KINDS.items()),
        required=False,
    )
    field_order = ["periode", "date_from", "date_to"]

    def period(self, today: dt.date) -> Period:
        """The period asked for; this month when the input is not valid (the form then
        shows its errors, with the input kept)."""
        if not self.is_valid():
            return period_of("maaned", today)
        start: dt.date | None = self.cleaned_data.get("date_from")
        end: dt.date | None = self.cleaned_data.get("date_to")
        if end is None and start is not None:
            end = max(today, start)
        if end is not None:
            return Period(start or dt.date(end.year, 1, 1), end)
        return period_of(self.cleaned_data.get("periode") or "maaned", today)


def period_query(form: PeriodForm) -> str:
    """The period's part of a link, so a number's page counts the same period."""
    kept = {k: form.data.get(k, "") for k in ("periode", "date_from", "date_to")}
    return urlencode({k: v for k, v in kept.items() if v})


def dashboard(user, form: PeriodForm, today: dt.date, now: dt.datetime) -> dict:
    """Everything the dashboard shows, in a constant number of queries."""
    period = form.period(today)
    query = period_query(form)
    citizens = scope_for(user)
    placements = Placement.objects.filter(citizen__in=citizens)
    links = links_for(user, query)
    steps = staircase(placements, period, fold=not shows_persons(user))
    return {
        "form": form,
        "period": period,
        "query": query,
        "persons": shows_persons(user),
        "links": links,
        "steps": [(row, step_url(user, row.step, query)) for row in steps],
        "moves": movement(placements, period),
        "move_links": {k: number_url(f"flyt-{k}", query) for k in MOVES},
        "follow_ups": follow_up_compliance(citizens, period, today),
        "acute": acute_answers(citizens, period, now),
        "effort": effort_starts(citizens, period, now),
        "first_offer": awaiting_first_offer(citizens, today).count(),
        "progression": progression(citizens, period),
        "behind": {k.replace("-", "_"): number_url(k, query) for k in AGGREGATE_KEYS},
        "smallest": SMALLEST_GROUP,
    }


def with_shares(ctx: dict) -> dict:
    """The shares the tables show, each None when too few to show one."""
    moves, follow_ups, acute = ctx["moves"], ctx["follow_ups"], ctx["acute"]
    effort, prog = ctx["effort"], ctx["progression"]
    ctx["shares"] = {
        "up": share(moves["up"], moves["started"] - moves["first"]),
        "on_time": share(follow_ups["on_time"], follow_ups["due"]),
        "within": share(acute["within"], acute["decided"]),
        "in_time": share(effort["in_time"], effort["settled"]),
        "rose": share(prog["rose"], prog["people"]),
    }
    return ctx


AGGREGATE_KEYS = (
    "opfoelgning-ikke-til-tiden",
    "akut-over-24-timer",
    "96-timer",
    "foerste-tilbud",
    "fremgang",
    "uden-fremgang",
)


# Links ----------------------------------------------------------------------------------


def number_url(key: str, query: str) -> str:
    return reverse("front:overview_number") + f"?tal={key}" + (f"&{query}" if query else "")


def links_for(user, query: str) -> dict[str, str]:
    """Where each number goes for this user: the list of persons for those who see them,
    otherwise an aggregate page (or a page of numbers the manager may open)."""
    persons = shows_persons(user)

    def to(person_url: str, key: str) -> str:
        return person_url if persons else number_url(key, query)

    if persons:
        acute_late = reverse("placements:acute_list")
    elif user.role == Role.MANAGER:  # the late issues flagged to this manager
        acute_late = reverse("placements:acute_breaches")
    else:
        acute_late = number_url("akut-over-24-timer", query)
    return {
        "follow_ups_overdue": to(
            reverse("placements:follow_ups") + "?vis=forfaldne&alle=1",
            "opfoelgning-ikke-til-tiden",
        ),
        "acute_late": acute_late,
        "awaiting": to(reverse("citizens:awaiting"), "96-timer"),
        "first_offer": to(reverse("law:first_offers"), "foerste-tilbud"),
        "stalled": to(reverse("assessments:stalled") + f"?n={STALLED_LAST}", "uden-fremgang"),
        "rose": number_url("fremgang", query),
        "measures": "" if persons else reverse("assessments:measures"),
        "move_up": reverse("placements:move_up") if persons else "",
    }


def step_url(user, step: int | None, query: str) -> str:
    """A step's number: its active placements for those who see persons, else the
    aggregate of the step's placements in the period."""
    if step is None:
        return ""
    if shows_persons(user):
        return reverse("placements:list") + f"?status={PlacementStatus.ACTIVE}&trin={step}"
    return number_url(f"trin-{step}", query)
