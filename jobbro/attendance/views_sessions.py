"""The teacher's pages: sessions, one tap per participant, the cohort's rates and patterns;
the case worker's list of participants under the attendance threshold."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.core.views import form_errors
from jobbro.front.fields import parse_int
from jobbro.front.lists import paginate, sort_rows

from . import access, calendar, services
from .forms import PatternForm
from .lists import LowAttendanceListForm, SessionListForm
from .models import AbsenceReason, AttendanceStatus
from .sessions import cohort_rate, marks_of, participants, rates_for

PERIODS = {
    "i-dag": gettext_lazy("I dag"),
    "kommende": gettext_lazy("Kommende"),
    "tidligere": gettext_lazy("Tidligere"),
}


@role_required(*access.SESSION_ROLES)
def session_list(request):
    today = timezone.localdate()
    cohorts = access.cohorts_for(request.user).select_related("programme")
    form = SessionListForm(request.GET, cohorts=cohorts)
    sessions = access.sessions_for(request.user).select_related("cohort")
    sessions = {
        "i-dag": sessions.filter(on=today),
        "kommende": sessions.filter(on__gt=today),
        "tidligere": sessions.filter(on__lt=today),
    }[form.period]
    page = paginate(request, form.apply(sessions), form).page
    ctx = {"form": form, "page": page, "periods": PERIODS.items(), "cohorts": cohorts}
    return render(request, "attendance/sessions.html", ctx)


def _session_context(session, *, only=None) -> dict:
    """The tap screen's rows (participant, their mark, their rate) and the cohort's rate."""
    enrolled = [e.citizen for e in participants(session)]
    if only is not None:
        enrolled = [c for c in enrolled if c.pk == only]
    marks = marks_of(session, [c.pk for c in enrolled])
    rates = rates_for([c.pk for c in enrolled], cohort_id=session.cohort_id)
    return {
        "session": session,
        "rows": [(c, marks.get(c.pk), rates.get(c.pk)) for c in enrolled],
        "cohort_rate": cohort_rate(session.cohort_id),
        "reasons": AbsenceReason.choices,
        "statuses": AttendanceStatus,
        "may_record": not session.cancelled and session.on <= timezone.localdate(),
    }


@role_required(*access.SESSION_ROLES)
def session_detail(request, pk):
    opened = access.open_session(request.user, pk)
    context = _session_context(opened.obj)
    opened.log(request, [c.pk for c, _m, _r in context["rows"]])
    return render(request, "attendance/session.html", context)


@role_required(*access.SESSION_ROLES)
def tap(request, pk):
    """One tap: POST citizen and status (and a legal absence's reason). htmx gets the row
    back (and the cohort's rate); without JavaScript the page reloads at the row."""
    if request.method != "POST":
        return redirect("attendance:session", pk=pk)
    opened = access.open_session(request.user, pk)
    citizen_id = parse_int(request.POST.get("citizen")) or 0
    try:
        services.attendance_record(
            session=opened.obj,
            citizen_id=citizen_id,
            status=request.POST.get("status", ""),
            reason=request.POST.get("reason", ""),
            by=request.user,
        )
    except ValidationError as e:
        if request.htmx:
            return HttpResponse(" ".join(e.messages), status=422)
        messages.error(request, " ".join(e.messages))
        return redirect("attendance:session", pk=pk)
    opened.log(request, [citizen_id], Action.CHANGE, ["attendance"])
    if request.htmx:
        return render(
            request, "attendance/_tap_response.html", _session_context(opened.obj, only=citizen_id)
        )
    return redirect(reverse("attendance:session", kwargs={"pk": pk}) + f"#deltager-{citizen_id}")


@role_required(*access.SESSION_ROLES)
def cohort_detail(request, pk):
    """The cohort's attendance rates per participant, its weekly sessions, and a new one."""
    opened = access.open_cohort(request.user, pk)
    cohort = opened.obj
    form = PatternForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pattern_create(cohort=cohort, by=request.user, **form.cleaned_data)
        except ValidationError as e:
            form_errors(form, e)
        else:
            messages.success(request, _("Mødegangene er oprettet. Helligdage er sprunget over."))
            return redirect("attendance:cohort", pk=pk)
    today = timezone.localdate()
    enrolled = [e.citizen for e in cohort.enrolments.active_on(today).select_related("citizen")]
    rates = rates_for([c.pk for c in enrolled], cohort_id=cohort.pk)
    opened.log(request, [c.pk for c in enrolled])
    context = {
        "cohort": cohort,
        "rows": [(c, rates.get(c.pk)) for c in enrolled],
        "cohort_rate": cohort_rate(cohort.pk),
        "patterns": cohort.session_patterns.all(),
        "form": form,
    }
    return render(request, "attendance/cohort.html", context)


@role_required(*access.SESSION_ROLES)
def cohort_ics(request, pk):
    """The cohort's sessions as iCalendar: times, places and contents, no participant."""
    cohort = access.open_cohort(request.user, pk).obj
    body = calendar.cohort_ical(cohort)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hold-{cohort.pk}.ics"'
    return response


@role_required(*access.WEEK_ROLES)
def low_attendance(request):
    """The case worker's citizens whose attendance rate is under the threshold."""
    ids = list(access.week_citizens_for(request.user).values_list("pk", flat=True))
    rates = rates_for(ids)
    flagged = [cid for cid, r in rates.items() if r.flagged]
    citizens = access.week_citizens_for(request.user).only("first_name", "last_name")
    citizens = citizens.in_bulk(flagged)
    form = LowAttendanceListForm(request.GET)
    rows = sort_rows([(citizens[cid], rates[cid]) for cid in flagged], form)
    page = paginate(request, rows, form).page
    citizen_access.log_list(request, [c.pk for c, _r in page], fields=["attendance"])
    ctx = {"form": form, "page": page, "lines": page.object_list}
    return render(request, "attendance/low_attendance.html", ctx)


@role_required(*access.WEEK_ROLES)
def citizen_ics(request, pk):
    """The citizen's weeks ahead (sessions, language school) as iCalendar: an export."""
    opened = access.open_citizen_week(request.user, pk, for_export=True)
    body = calendar.citizen_ical(opened.obj.pk, timezone.localdate() - dt.timedelta(days=7))
    opened.log(request, Action.EXPORT, ["week"])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ugeskema-{opened.obj.pk}.ics"'
    response["Cache-Control"] = "no-store"
    return response
