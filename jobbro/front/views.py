import logging
from collections import Counter

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import (
    Citizen,
    Gender,
    Readiness,
    awaiting_effort_q,
    nationality_choices,
)
from jobbro.citizens.status import CaseStatus, status_on
from jobbro.front import dashboard, inbox
from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small

health_log = logging.getLogger("jobbro.health")


def home(request):
    """Each role's front page is its inbox: what needs doing today, most urgent first
    (front/inbox.py), each item one click from its action."""
    user = request.user
    groups = inbox.groups_for(user)
    citizen_access.log_list(request, inbox.citizen_ids(groups))
    ctx = {"groups": groups, "today": timezone.localdate()}
    if user.role == Role.MANAGER:
        ctx["numbers"] = inbox.team_numbers(user)
    elif user.role == Role.ADMINISTRATOR:
        ctx["numbers"] = inbox.admin_numbers()
    elif user.role == Role.MENTOR:
        ctx["mentees"] = citizen_access.citizens_for(user).order_by("last_name", "first_name")[:50]
        citizen_access.log_list(request, [c.pk for c in ctx["mentees"]])
    if user.role == Role.COMPANY_CONSULTANT:
        from jobbro.companies.models import Company, Opening

        ctx["key_accounts"] = Company.objects.filter(key_account=user).count()
        ctx["free_places"] = Opening.objects.free_now().filter(company__key_account=user).count()
    if user.role == Role.TEACHER:
        from jobbro.programmes.selectors import cohorts_taught

        ctx["cohorts"] = cohorts_taught(user)[:10]
    return render(request, "front/home.html", ctx)


def _breakdown(counts, choices=None, most=None):
    """Counts per value {value: n}, largest first; small groups are folded into one
    "others" row."""
    labels = dict(choices or [])
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown, rest = fold_small_groups(
        ((labels.get(value, value) or _("Ikke angivet"), n) for value, n in rows),
        size=lambda n: n,
        most=most,
    )
    folded = sum(rest)
    if folded:
        count = _("under %(n)s") % {"n": SMALLEST_GROUP} if is_small(folded) else folded
        shown.append((_("Øvrige"), count))
    return shown


OVERVIEW_FIELDS = ("gender", "readiness", "nationality", "arrival")


def overview_counts(citizens):
    """The overview's numbers of `citizens` (`dashboard.scope_for`) in one query: counted
    per combination of the breakdowns' fields (a few hundred rows even at national scale),
    summed here, instead of scanning the citizen table once per number."""
    # As `awaiting_effort()`: open cases only (the status subquery, counted only for the
    # few citizens past the deadline).
    awaiting = awaiting_effort_q() & ~Q(status_now=CaseStatus.CLOSED)
    rows = (
        citizens.alias(status_now=status_on(timezone.localdate()))
        .order_by()
        .values_list(*OVERVIEW_FIELDS)
        .annotate(n=Count("id"), waiting=Count("id", filter=awaiting))
    )
    total = waiting = 0
    per_field: dict[str, Counter] = {f: Counter() for f in OVERVIEW_FIELDS}
    for *values, n, w in rows:
        total, waiting = total + n, waiting + w
        for name, value in zip(OVERVIEW_FIELDS, values, strict=True):
            per_field[name][value or ""] += n
    return total, waiting, per_field


def _breakdowns(counts) -> dict:
    """The four breakdowns of citizens' counts, small groups folded."""
    return {
        "by_gender": _breakdown(counts["gender"], Gender.choices),
        "by_readiness": _breakdown(counts["readiness"], Readiness.choices),
        "by_nationality": _breakdown(counts["nationality"], nationality_choices(), most=12),
        "by_arrival": _breakdown(counts["arrival"], Citizen._meta.get_field("arrival").choices),
    }


@role_required(*dashboard.DASHBOARD_ROLES)
def overview(request):
    """The manager's dashboard: the period's numbers, each linking to what is behind it.
    Managers and administrators see numbers, never persons (front/dashboard.py)."""
    form = dashboard.PeriodForm(request.GET or None)
    ctx = dashboard.dashboard(request.user, form, timezone.localdate(), timezone.now())
    total, awaiting, counts = overview_counts(dashboard.scope_for(request.user))
    ctx.update(total=total, awaiting=awaiting, **_breakdowns(counts))
    return render(request, "front/overview.html", dashboard.with_shares(ctx))


@role_required(*dashboard.DASHBOARD_ROLES)
def overview_number(request):
    """What one number of the dashboard counts, by gender, arrival, readiness and
    nationality: numbers only, small groups folded, for every role of the dashboard."""
    form = dashboard.PeriodForm(request.GET)
    today, now = timezone.localdate(), timezone.now()
    scope = dashboard.scope_for(request.user)
    period = form.period(today)
    found = dashboard.behind(request.GET.get("tal", ""), scope, period, today, now)
    if found is None:  # no such number: back to the dashboard
        return redirect("front:overview")
    counts = dashboard.breakdown_counts(found)
    ctx = {
        "title": found.title,
        "period": period,
        "total": sum(counts["gender"].values()),
        "query": dashboard.period_query(form),
        **_breakdowns(counts),
    }
    return render(request, "front/overview_number.html", ctx)


@transaction.non_atomic_requests  # a request transaction would fail before the check
def healthz(request):
    """For the load balancer and the operator's monitoring: 200 "ok" when the database
    answers, 503 when it does not (the error itself goes to the log, not the probe)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        health_log.exception("healthz: the database does not answer")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
