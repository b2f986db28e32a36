from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.audit.models import Action
from jobbro.citizens import access
from jobbro.citizens.models import unlisted
from jobbro.core.views import page, write
from jobbro.front.fields import parse_decimal, parse_int
from jobbro.front.lists import paginate
from jobbro.lib.aggregates import SMALLEST_GROUP
from jobbro.lib.text import clean_search
from jobbro.placements.access import open_placement

from . import charts, selectors, services
from .access import assessments_for, assessments_of, open_assessment, open_citizen_assessments
from .forms import AssessmentForm, InstrumentForm, NextStepsForm
from .lists import AssessmentListForm, StalledListForm
from .models import EntryChannel, Instrument, Language, RaterKind

ROLES = services.ASSESSMENT_ROLES
# "Improved after support" (Primero): a rise of at least this much, on the 1–5 scale, in the
# mean score between the first and the latest assessment.
DEFAULT_THRESHOLD = 0.5


def _scale(version):
    steps = list(version.steps.all())
    return steps, steps[0].value, steps[-1].value


@role_required(*ROLES)
def index(request):
    """The latest assessments of the citizens this user works with."""
    assessments = (
        assessments_for(request.user)
        .select_related("citizen__case_worker", "version__instrument")
        .defer(*unlisted("citizen__"))
    )
    form = AssessmentListForm(request.GET)
    page = paginate(request, form.apply(assessments), form).page
    action = Action.SEARCH if form.query else Action.LIST
    access.log_list(request, [a.citizen_id for a in page.object_list], action)
    return render(request, "assessments/index.html", {"form": form, "page": page})


@role_required(*ROLES)
def stalled(request):
    """People whose mean score has not risen over their last N assessments (the monthly
    coordination meeting, seed 000 line ~101)."""
    form = StalledListForm(request.GET)
    rows = selectors.stalled_rows(request.user, form.last)
    page = paginate(request, form.apply(rows), form).page
    page.object_list = selectors.with_means(page.object_list, form.last)
    access.log_list(request, [r.citizen.pk for r in page.object_list])
    ctx = {"form": form, "page": page, "last": form.last}
    return render(request, "assessments/stalled.html", ctx)


@role_required(Role.MANAGER, Role.ADMINISTRATOR)
def measures(request):
    """Aggregates only: the share of people whose mean rose, by programme, instrument,
    placement type and company. Groups under SMALLEST_GROUP people are folded."""
    threshold = parse_decimal(request.GET.get("min", DEFAULT_THRESHOLD))
    threshold = DEFAULT_THRESHOLD if threshold is None else min(max(threshold, 0.1), 4.0)
    measures = selectors.stored_measures(threshold)
    return render(
        request,
        "assessments/measures.html",
        {
            "tables": measures.tables,
            "threshold": threshold,
            "people": measures.people,
            "smallest": SMALLEST_GROUP,
        },
    )


def _series_charts(s: selectors.Series) -> dict:
    """One instrument's series of a citizen as the page draws it: the totals' curves, one
    small curve per item, the legend and the table rows."""
    dates = [a.assessed_on for a in s.assessments]
    low, high = 1, 5
    steps = list(s.assessments[-1].version.steps.values_list("value", flat=True))
    if steps:
        low, high = min(steps), max(steps)

    def curves(points: list[dict], **size: int) -> dict:
        by_rater = {r.kind: [p.get(r.kind) for p in points] for r in s.raters}
        return charts.lines(dates, by_rater, low, high, **size)

    items = [
        {
            "n": n,
            "text": s.shown.get(text, text),
            "values": s.by_item[text],
            "chart": curves(s.by_item[text]),
        }
        for n, text in enumerate(s.items, start=1)
    ]
    return {
        "s": s,
        "totals_chart": curves(s.rater_totals, width=640, height=240),
        "items": items,
        "legend": [{"label": r.shown, **charts.STYLE[r.kind]} for r in s.raters],
        "rows": list(zip(s.assessments, s.totals, s.rater_totals, strict=True)),
    }


@role_required(*ROLES)
def citizen_progression(request, pk):
    opened = open_citizen_assessments(request.user, pk)
    citizen = opened.obj
    opened.log(request, fields=["assessments"])
    visible = assessments_of(request.user, citizen)
    series = [_series_charts(s) for s in selectors.citizen_series(citizen, visible)]
    return render(
        request,
        "assessments/citizen.html",
        {"citizen": citizen, "series": series, "may_create": opened.may_change},
    )


@role_required(*ROLES)
def assessment_create(request, pk):
    opened = open_citizen_assessments(request.user, pk, for_change=True)
    citizen = opened.obj
    form = AssessmentForm(request.POST or None, citizen=citizen)
    done = write(
        request,
        opened,
        form,
        lambda: services.assessment_create(
            citizen=citizen,
            version=form.cleaned_data["instrument"].current,
            assessed_on=form.cleaned_data["assessed_on"],
            placement=form.cleaned_data["placement"],
            by=request.user,
        ),
        fields=["assessments"],
        message=_("Målingen er oprettet. Indtast scores."),
        to=lambda assessment: reverse("assessments:enter", kwargs={"pk": assessment.pk}),
        action=Action.CREATE,
    )
    return done or page(
        request, opened, "assessments/create.html", {"form": form, "citizen": citizen}
    )


def _detail_context(request, assessment):
    view = selectors.assessment_view(assessment)
    steps, low, high = _scale(assessment.version)
    return {
        "assessment": assessment,
        "citizen": assessment.citizen,
        "view": view,
        "steps": steps,
        "chart": charts.bars(view, low, high),
        "low": low,
        "high": high,
    }


@role_required(*ROLES)
def assessment_detail(request, pk):
    opened = open_assessment(request.user, pk)
    assessment = opened.obj
    opened.log(request, fields=["assessments"])
    ctx = _detail_context(request, assessment)
    ctx["languages"] = Language.objects.all()
    ctx["self_scoring"] = assessment.version.raters.filter(kind=RaterKind.CITIZEN).exists()
    return render(request, "assessments/detail.html", ctx)


def _parse_grid(post, kinds) -> tuple[dict[str, dict], list[str]]:
    """{kind: {item id: (value, comment)}} from the grid's fields, and input errors."""
    scores: dict[str, dict] = {}
    errors = []
    for key, raw in post.items():
        if not key.startswith(("s-", "c-")):
            continue
        parts = key.split("-", 2)
        if len(parts) != 3 or not (parts[2].isascii() and parts[2].isdigit()):
            errors.append(_("Punktet findes ikke i værktøjet."))
            continue
        field, kind, item_id = parts[0], parts[1], int(parts[2])
        if kind not in kinds:
            errors.append(_("Værktøjet har ikke denne bedømmer."))
            continue
        value, comment = scores.setdefault(kind, {}).get(item_id, (None, ""))
        raw = raw.strip()
        if field == "c":
            comment = raw
        elif raw:
            value = parse_int(raw)
            if value is None:
                errors.append(_("Skriv scoren som et helt tal, ikke “%(v)s”.") % {"v": raw[:10]})
                continue
        scores[kind][item_id] = (value, comment)
    return scores, errors


def _grid_rows(view, raters, editable: list[str], posted: dict) -> list[dict]:
    """The grid's cells: what is stored, or what was posted when a save was refused."""
    rows = []
    for row in view.rows:
        cells = []
        for r in raters:
            value, comment = row.values[r.kind], row.comments[r.kind]
            if posted:
                value, comment = posted.get(r.kind, {}).get(row.item.pk, (None, ""))
            cells.append(
                {
                    "kind": r.kind,
                    "label": r.shown,
                    "editable": r.kind in editable,
                    "value": "" if value is None else value,
                    "comment": comment,
                }
            )
        rows.append({"row": row, "cells": cells})
    return rows


def _grid_page(request, assessment, raters, editable, form, posted, errors):
    view = selectors.assessment_view(assessment)
    steps, low, high = _scale(assessment.version)
    rows = _grid_rows(view, raters, editable, posted)
    ctx = {
        "assessment": assessment,
        "citizen": assessment.citizen,
        "raters": raters,
        "editable": editable,
        "rows": rows,
        "errors": errors,
        "form": form,
        "steps": steps,
        "low": low,
        "high": high,
        "ratings": view.ratings,
        "has_comments": any(c["comment"] for g in rows for c in g["cells"]),
    }
    return render(request, "assessments/enter.html", ctx, status=400 if errors else 200)


@role_required(*ROLES)
def assessment_enter(request, pk):
    """The whole grid on one screen: a digit per score, tab to move."""
    opened = open_assessment(request.user, pk, for_change=True)
    assessment = opened.obj
    raters = list(assessment.version.raters.all())
    editable = [r.kind for r in raters if services.may_fill(request.user, r.kind)]
    errors: list[str] = []
    form = NextStepsForm(
        request.POST or None,
        initial={"next_steps": assessment.next_steps},
        version=assessment.edit_version,
    )
    posted = {}
    if request.method == "POST":
        posted, errors = _parse_grid(request.POST, {r.kind for r in raters})
        if form.is_valid() and not errors:
            try:
                services.assessment_scores_save(
                    assessment=assessment,
                    version=form.read_version,
                    scores=posted,
                    next_steps=form.cleaned_data["next_steps"],
                    by=request.user,
                )
            except ValidationError as e:
                errors.extend(e.messages)
            else:
                opened.log(request, Action.CHANGE, ["assessments"])
                messages.success(request, _("Scorerne er gemt."))
                return redirect("assessments:detail", pk=assessment.pk)
    opened.log(request, fields=["assessments"])
    return _grid_page(request, assessment, raters, editable, form, posted, errors)


@role_required(*ROLES)
def assessment_pdf(request, pk):
    """For the meeting, printed: the scores and room for next steps, then the diagram."""
    opened = open_assessment(request.user, pk, for_export=True)
    assessment = opened.obj
    opened.log(request, Action.EXPORT, ["assessments"])
    context = _detail_context(request, assessment)
    context["chart"] = charts.bars(context["view"], context["low"], context["high"], compact=True)
    return documents.pdf_response(
        request,
        "assessments/pdf.html",
        context,
        title=f"{_('Progressionsmåling')}: {assessment.citizen.full_name}, "
        f"{assessment.assessed_on:%d.%m.%Y}",
        filename=f"progression-{assessment.pk}.pdf",
    )


def _language(code: str) -> tuple[Language | None, dict]:
    danish = Language.objects.filter(code="da").first()
    base = dict(danish.texts) if danish else {}
    language = Language.objects.filter(code=code).first() or danish
    if language:
        base.update(language.texts)
    return language, base


def _item_number(raw: str | None, count: int) -> int:
    """The item asked, 1 to count; count + 1 is the page that says thank you."""
    n = parse_int(raw or 1)
    return 1 if n is None else min(max(n, 1), count + 1)


def _self_score_answer(assessment, item, post, texts: dict, by) -> str:
    """Save the citizen's answer to one item (or its skip); the error to show, or ""."""
    raw = post.get("value", "")
    skip = "skip" in post
    value = parse_int(raw)
    if not skip and value is None:
        return texts.get("choose", "")
    try:
        services.rating_save(
            assessment=assessment,
            kind=RaterKind.CITIZEN,
            scores={item.pk: (None if skip else value, "")},
            by=by,
            channel=EntryChannel.SELF,
            replace=False,
        )
    except ValidationError as e:
        return " ".join(e.messages)
    return ""


def _self_score_context(assessment, language, texts: dict, items, n: int, error: str) -> dict:
    code = language.code if language else "da"
    item = items[n - 1] if n <= len(items) else None
    current = None
    if item is not None:
        current = (
            assessment.ratings.filter(rater__kind=RaterKind.CITIZEN)
            .values_list("scores__value", flat=True)
            .filter(scores__item=item)
            .first()
        )
    steps = [
        {"value": s.value, "label": s.label_in(code), "checked": current == s.value}
        for s in assessment.version.steps.all()
    ]
    if steps and not error:
        # Focus the chosen answer, or the first: arrow keys then move between the answers.
        (next((s for s in steps if s["checked"]), steps[0]))["autofocus"] = True
    return {
        "assessment": assessment,
        "language": language,
        "code": code,
        "dir": language.direction if language else "ltr",
        "texts": texts,
        "item": item,
        "item_text": item.self_text_in(code) if item else "",
        "n": n,
        "total": len(items),
        "question": texts.get("question", "{n}/{total}").format(n=n, total=len(items)),
        "steps": steps,
        "error": error,
    }


@role_required(*services.SELF_SCORING_ROLES)
def self_score(request, pk):
    """The citizen's own scores, one item at a time, on a phone handed over by staff.

    Records only the citizen rater; entered_by is the member of staff who handed it over.
    """
    opened = open_assessment(request.user, pk, for_change=True)
    assessment = opened.obj
    version = assessment.version
    if not version.raters.filter(kind=RaterKind.CITIZEN).exists():
        raise Http404
    language, texts = _language(clean_search(request.GET.get("sprog", "da"), max_length=10))
    code = language.code if language else "da"
    items = list(version.items.all())
    n = _item_number(request.GET.get("punkt"), len(items))
    base = reverse("assessments:self_score", kwargs={"pk": assessment.pk})
    error = ""
    if request.method == "POST" and n <= len(items):
        error = _self_score_answer(assessment, items[n - 1], request.POST, texts, request.user)
        if not error:
            opened.log(request, Action.CHANGE, ["assessments"])
            return redirect(f"{base}?sprog={code}&punkt={n + 1}")
    opened.log(request, fields=["assessments"])
    ctx = _self_score_context(assessment, language, texts, items, n, error)
    return render(
        request, "assessments/self_score.html", {**ctx, "base": base}, status=400 if error else 200
    )


@role_required(*ROLES)
def placement_progression(request, pk):
    """The workplace's score since the placement started (capability 6, item 6)."""
    opened = open_placement(request.user, pk)
    placement, citizen = opened.obj, opened.obj.citizen
    opened.log(request, fields=["assessments"])
    return render(
        request,
        "assessments/placement.html",
        {
            "citizen": citizen,
            "placement": placement,
            "progression": selectors.workplace_progression(placement),
        },
    )


@role_required(Role.ADMINISTRATOR)
def instruments(request):
    rows = Instrument.objects.prefetch_related("versions")
    return render(request, "assessments/instruments.html", {"instruments": rows})


@role_required(Role.ADMINISTRATOR)
def instrument_edit(request, pk=None):
    instrument = get_object_or_404(Instrument, pk=pk) if pk else None
    initial = InstrumentForm.initial_for(instrument) if instrument else None
    form = InstrumentForm(request.POST or None, initial=initial, instance=instrument)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            instrument, version = services.instrument_save(
                instrument=instrument,
                version=form.read_version,
                name=data["name"],
                active=data["active"],
                description=data["description"],
                items=data["items"],
                steps=data["scale"],
                raters=form.raters(),
                by=request.user,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            if version:
                messages.success(
                    request,
                    _("Version %(n)s er gemt. Tidligere målinger beholder deres version.")
                    % {"n": version.number},
                )
            else:
                messages.success(request, _("Ændringerne er gemt."))
            return redirect("assessments:instruments")
    versions = instrument.versions.all() if instrument else []
    return render(
        request,
        "assessments/instrument_form.html",
        {"form": form, "instrument": instrument, "versions": versions},
    )
