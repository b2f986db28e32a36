"""The goals' pages: numbers only, for the citizens `access.scope_for` says (never persons)."""

import datetime as dt

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.citizens.access import citizens_for, log_list
from jobbro.documents import pdf_response, xlsx_response, xlsx_workbook
from jobbro.front.forms import PeriodSearchForm
from jobbro.front.lists import paginate
from jobbro.programmes.access import open_programme
from jobbro.programmes.models import Programme

from . import access, charts, export, selectors
from .forms import DayForm, MeasuresForm, PeriodForm, PersonsListForm, TertialForm


def _period(request, programme) -> tuple[PeriodForm, dt.date, dt.date]:
    """The period asked for (default: the programme's start to today); bad input is shown on
    the form and the default counted."""
    today = timezone.localdate()
    start, end = programme.starts_on, min(today, programme.ends_on or today)
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["date_from"] or start
        end = form.cleaned_data["date_to"] or end
    return form, start, max(start, end)


def _day(request) -> tuple[DayForm, dt.date]:
    form = DayForm(request.GET or None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["day"]:
        day = form.cleaned_data["day"]
    return form, day


def targets_context(request, pk: int) -> dict:
    programme = open_programme(request.user, pk)
    form, start, end = _period(request, programme)
    scope = access.scope_for(request.user, programme)
    results = selectors.target_results(
        programme, start=start, end=end, citizens=scope.citizens, fold=scope.fold
    )
    for r in results:
        r.url = access.number_url(request.user, selectors.target_key(r), start, end)
    return {
        "programme": programme,
        "form": form,
        "start": start,
        "end": end,
        "scope": scope,
        "results": results,
        "chart": charts.bars([selectors.target_bar(r) for r in results], top=100),
        "tertial_form": TertialForm(initial=selectors.tertial_of(end)),
        "women_definition": selectors.WOMEN_DEFINITION,
    }


def outcomes_context(request, pk: int) -> dict:
    programme = open_programme(request.user, pk)
    form, day = _day(request)
    scope = access.scope_for(request.user, programme)
    report = selectors.outcome_report(programme, day, citizens=scope.citizens, fold=scope.fold)
    for row in report.rows:
        if row.outcome is not None and row.count.n and not row.count.small:
            key = selectors.status_key(programme, row.outcome)
            row.url = access.number_url(request.user, key, programme.starts_on, day)
    return {
        "programme": programme,
        "form": form,
        "day": day,
        "scope": scope,
        "report": report,
        "chart": charts.bars(selectors.outcome_bars(report)),
    }


def measures_context(request) -> dict:
    """The national measures on a day, for the whole municipality or, when the form names
    one, a programme's participants, present and past."""
    form = MeasuresForm(request.GET or None)
    day, programme = timezone.localdate(), None
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["day"] or day
        programme = form.cleaned_data["indsats"]
    scope = access.scope_for(request.user, programme)
    citizens, fold = access.measures_citizens(scope, programme), scope.fold
    return {
        "form": form,
        "day": day,
        "programme": programme,
        "scope": scope,
        "years": selectors.RESIDENCE_YEARS,
        "residence": selectors.employment_after_residence(day, citizens=citizens, fold=fold),
        "self_support": selectors.self_support(
            day, programme=programme, citizens=citizens, fold=fold
        ),
        "employment_definition": selectors.EMPLOYMENT_DEFINITION,
        "self_support_definition": selectors.SELF_SUPPORT_DEFINITION,
    }


@role_required(*access.READERS)
def index(request):
    programmes = Programme.objects.order_by("name")
    return render(request, "goals/index.html", {"programmes": programmes})


@role_required(*access.READERS)
def targets(request, pk: int):
    return render(request, "goals/targets.html", targets_context(request, pk))


@role_required(*access.READERS)
def targets_xlsx(request, pk: int):
    ctx = targets_context(request, pk)
    title = _("Mål og resultater: %(programme)s") % {"programme": ctx["programme"].name}
    header, rows = export.target_rows(ctx["results"])
    return xlsx_response(xlsx_workbook(title, header, rows, sheet=_("Mål")), "maal.xlsx")


@role_required(*access.READERS)
def outcomes(request, pk: int):
    return render(request, "goals/outcomes.html", outcomes_context(request, pk))


@role_required(*access.READERS)
def outcomes_xlsx(request, pk: int):
    ctx = outcomes_context(request, pk)
    title = _("Status pr. %(day)s: %(programme)s") % {
        "day": ctx["day"].strftime("%d.%m.%Y"),
        "programme": ctx["programme"].name,
    }
    header, rows = export.outcome_rows(ctx["report"])
    return xlsx_response(xlsx_workbook(title, header, rows, sheet=_("Status")), "status.xlsx")


@role_required(*access.READERS)
def measures(request):
    return render(request, "goals/measures.html", measures_context(request))


@role_required(*access.READERS)
def measures_xlsx(request):
    ctx = measures_context(request)
    title = _("Nationale mål pr. %(day)s") % {"day": ctx["day"].strftime("%d.%m.%Y")}
    header, rows = export.measure_rows(ctx["residence"], ctx["self_support"])
    return xlsx_response(xlsx_workbook(title, header, rows, sheet=_("Mål")), "maalinger.xlsx")


@role_required(*access.READERS)
def steering_pdf(request, pk: int):
    """The steering group's report (seed 000: three meetings a year) for one third of a
    year: the targets over the period, the status at its end, the period's observations."""
    programme = open_programme(request.user, pk)
    start, end = selectors.tertial_period(TertialForm(request.GET or None))
    scope = access.scope_for(request.user, programme)
    ctx = selectors.steering_report(programme, start, end, scope.citizens, scope.fold)
    ctx["scope"] = scope
    ctx["chart"] = charts.bars([selectors.target_bar(r) for r in ctx["results"]], top=100)
    title = _("Styregruppens rapport: %(programme)s, %(start)s–%(end)s") % {
        "programme": programme.name,
        "start": start.strftime("%d.%m.%Y"),
        "end": end.strftime("%d.%m.%Y"),
    }
    return pdf_response(
        request, "goals/steering_pdf.html", ctx, title=title, filename="styregruppe.pdf"
    )


@role_required(*access.PERSON_READERS)
def persons(request):
    """The persons behind a goals number (`tal`, over the period of its link), of those the
    user may see (`citizens_for`), as a list; every citizen shown is logged."""
    period = PeriodSearchForm(request.GET)
    today = timezone.localdate()
    start = end = today
    if period.is_valid():
        start = period.cleaned_data["date_from"] or today
        end = max(start, period.cleaned_data["date_to"] or today)
    key = str(request.GET.get("tal", ""))[:60]
    found = selectors.behind_number(key, citizens_for(request.user), start, end)
    if found is None:  # no such number: back to the goals
        return redirect("goals:index")
    rows, title = found
    form = PersonsListForm(request.GET)
    listing = paginate(request, form.apply(rows.select_related("case_worker")), form)
    log_list(request, [c.pk for c in listing.object_list])
    ctx = {"title": title, "start": start, "end": end, "form": form, "page": listing.page}
    return render(request, "goals/persons.html", ctx)
