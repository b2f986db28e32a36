import datetime as dt

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.core.views import page, write
from jobbro.front.fields import parse_date
from jobbro.front.lists import paginate, sort_rows

from . import access, services
from .forms import LanguageDayEndForm, LanguageDayForm, ObligationForm
from .lists import BelowHoursListForm
from .models import LanguageSchoolDay, WorkObligation
from .week import monday_of, week_for, weeks_for


def _monday(request) -> dt.date:
    day, _error = parse_date(request.GET.get("uge"))
    return monday_of(day or timezone.localdate())


# Each person's week ----------------------------------------------------------------------------


@role_required(*access.WEEK_ROLES)
def week(request, pk):
    opened = access.open_citizen_week(request.user, pk)
    monday = _monday(request)
    opened.log(request, fields=["week", "work_obligation"])
    return render(
        request,
        "attendance/week.html",
        {
            "citizen": opened.obj,
            "week": week_for(opened.obj.pk, monday),
            "previous": monday - dt.timedelta(days=7),
            "next": monday + dt.timedelta(days=7),
            "may_change": opened.may_change,
        },
    )


@role_required(*access.WEEK_ROLES)
def below_hours(request):
    """The citizens whose planned hours are below their work obligation, this week and next."""
    this_monday = monday_of(timezone.localdate())
    ids = list(
        access.week_citizens_for(request.user)
        .filter(work_obligations__applies=True, work_obligations__valid_to__isnull=True)
        .values_list("pk", flat=True)
    )
    weeks = []
    for monday in (this_monday, this_monday + dt.timedelta(days=7)):
        weeks += [w for w in weeks_for(ids, monday).values() if w.below]
    names = access.week_citizens_for(request.user).only("first_name", "last_name")
    names = names.in_bulk({w.citizen_id for w in weeks})
    form = BelowHoursListForm(request.GET)
    rows = sort_rows([(w, names[w.citizen_id]) for w in weeks], form)
    page = paginate(request, rows, form).page
    citizen_access.log_list(request, [c.pk for _w, c in page], fields=["week"])
    ctx = {"form": form, "page": page, "lines": page.object_list, "monday": this_monday}
    return render(request, "attendance/below_hours.html", ctx)


# The work obligation and language school -------------------------------------------------------


@role_required(*access.WEEK_ROLES)
def obligation(request, pk):
    opened = access.open_citizen_week(request.user, pk, for_change=request.method == "POST")
    citizen = opened.obj
    history = list(WorkObligation.objects.filter(citizen=citizen).select_related("created_by"))
    current = next((o for o in history if o.valid_to is None), None)
    initial = {"valid_from": timezone.localdate(), "current": current.pk if current else None}
    if current:
        initial.update(
            applies=current.applies,
            reduction_hours=current.reduction_hours,
            reason=current.reason,
            job_search_hours=current.job_search_hours,
        )
    form = ObligationForm(request.POST or None, initial=initial)
    done = write(
        request,
        opened,
        form,
        lambda: services.obligation_set(
            citizen=citizen,
            by=request.user,
            read_current=form.cleaned_data.pop("current"),
            **form.cleaned_data,
        ),
        fields=["work_obligation"],
        message=_("Arbejdspligten er registreret."),
        to=reverse("attendance:week", kwargs={"pk": citizen.pk}),
        action=Action.CREATE,
    )
    if done:
        return done
    opened.log(request, fields=["work_obligation"])
    context = {
        "citizen": citizen,
        "form": form,
        "history": history,
        "may_change": opened.may_change,
    }
    return render(request, "attendance/obligation.html", context)


@role_required(*access.WEEK_ROLES)
def language_days(request, pk):
    opened = access.open_citizen_week(request.user, pk, for_change=request.method == "POST")
    citizen = opened.obj
    form = LanguageDayForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    done = write(
        request,
        opened,
        form,
        lambda: services.language_day_add(citizen=citizen, by=request.user, **form.cleaned_data),
        fields=["language_school"],
        message=_("Sprogskoledagen er tilføjet ugeskemaet."),
        to=reverse("attendance:language_days", kwargs={"pk": citizen.pk}),
        action=Action.CREATE,
    )
    if done:
        return done
    opened.log(request, fields=["language_school"])
    days = LanguageSchoolDay.objects.filter(citizen=citizen).order_by("valid_to", "weekday")
    context = {"citizen": citizen, "form": form, "days": days, "may_change": opened.may_change}
    return render(request, "attendance/language_days.html", context)


@role_required(*access.OBLIGATION_ROLES)
def language_day_end(request, pk):
    day = get_object_or_404(LanguageSchoolDay, pk=pk)
    opened = access.open_citizen_week(request.user, day.citizen_id, for_change=True)
    form = LanguageDayEndForm(request.POST or None, initial={"last_day": timezone.localdate()})
    done = write(
        request,
        opened,
        form,
        lambda: services.language_day_end(day=day, by=request.user, **form.cleaned_data),
        fields=["language_school"],
        message=_("Sprogskoledagen er afsluttet."),
        to=reverse("attendance:language_days", kwargs={"pk": day.citizen_id}),
    )
    return done or page(
        request,
        opened,
        "attendance/language_day_end.html",
        {"form": form, "day": day, "citizen": opened.obj},
        fields=["language_school"],
    )
