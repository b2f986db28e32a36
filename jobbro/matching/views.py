"""Matching pages. Access: access.py; writes: services.py; the engine: engine.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.core.views import form_errors
from jobbro.front.lists import paginate

from . import access, evaluation, occupations, selectors, services, suggest
from .forms import DecisionForm, ProfileForm, TownForm, TravelTimeForm, WeightsForm
from .lists import DistanceListForm, ProposalListForm
from .models import RUNNING, MatchProfile, Shown, Suggestion, TravelTime
from .selectors import decisions_of, list_filters, proposal_rows


@role_required(*access.OCCUPATION_ROLES)
def occupation_options(request):
    """The datalist options for what has been typed in an occupation field (htmx)."""
    field = request.GET.get("field", "")
    found = occupations.search(request.GET.get(field, "") if field else "")
    return render(request, "matching/_occupation_options.html", {"found": found})


@role_required(*access.MATCH_ROLES)
def citizen_list(request):
    form, citizens = list_filters(request.GET, access.match_citizens_for(request.user))
    page = paginate(request, citizens, form).page
    access.log_list(request, [c.pk for c in page.object_list])
    ctx = {"form": form, "page": page}
    return render(request, "matching/list.html", ctx)


@role_required(*access.MATCH_ROLES)
def profile_edit(request, pk):
    opened = access.open_match_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    profile = getattr(citizen, "match_profile", None) or MatchProfile(citizen=citizen)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid() and _saved(form, request.user):
        opened.log(request, Action.CHANGE, fields=["match_profile"])
        messages.success(request, _("Matchprofilen er gemt."))
        return redirect("matching:citizen", pk=pk)
    opened.log(request, fields=["match_profile"])
    return render(request, "matching/profile_form.html", {"form": form, "citizen": citizen})


def _saved(form, user) -> bool:
    try:
        services.profile_save(profile=form.instance, version=form.read_version, by=user)
    except ValidationError as e:
        form.add_error(None, e)
        return False
    return True


@role_required(*access.CONFIG_ROLES)
def distances(request):
    form = TravelTimeForm(request.POST or None)
    town_form = TownForm(prefix="town")
    if request.method == "POST" and form.is_valid():
        services.travel_time_save(row=form.instance, by=request.user)
        messages.success(request, _("Afstanden er gemt."))
        return redirect("matching:distances")
    rows = TravelTime.objects.select_related("origin", "destination")
    list_form = DistanceListForm(request.GET)
    page = paginate(request, list_form.apply(rows), list_form, per_page=50).page
    ctx = {"form": form, "town_form": town_form, "page": page, "list_form": list_form}
    return render(request, "matching/distances.html", ctx)


@role_required(*access.CONFIG_ROLES)
def town_add(request):
    form = TownForm(request.POST or None, prefix="town")
    if request.method == "POST" and form.is_valid():
        town = services.town_add(name=form.cleaned_data["name"], by=request.user)
        messages.success(request, _("%(town)s er tilføjet.") % {"town": town.name})
        return redirect("matching:distances")
    return render(request, "matching/town_form.html", {"town_form": form})


@role_required(*access.CONFIG_ROLES)
def distance_edit(request, pk):
    row = get_object_or_404(TravelTime.objects.select_related("origin", "destination"), pk=pk)
    form = TravelTimeForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.travel_time_save(row=row, version=form.read_version, by=request.user)
        except ValidationError as e:
            form_errors(form, e)
        else:
            messages.success(request, _("Afstanden er gemt."))
            return redirect("matching:distances")
    return render(request, "matching/distance_form.html", {"form": form, "row": row})


@role_required(*access.MATCH_ROLES)
def citizen_suggestions(request, pk):
    opened = access.open_match_citizen(request.user, pk)
    citizen = opened.obj
    matchable = access.is_matchable(citizen)
    result = suggest.for_citizen(citizen, selectors.today()) if matchable else suggest.Result()
    services.suggestions_record(shown=result.suggestions, shown_in=Shown.CITIZEN, by=request.user)
    opened.log(request, fields=["match_profile", "suggestions"])
    ctx = {
        "citizen": citizen,
        "profile": getattr(citizen, "match_profile", None),
        "result": result,
        "matchable": matchable,
        "may_edit": opened.may_change,
        "sees_reservations": access.sees_reservations(request.user),
        "decision_form": DecisionForm(),
        "decisions": decisions_of(citizen),
    }
    return render(request, "matching/citizen.html", ctx)


@role_required(*access.MATCH_ROLES)
def opening_suggestions(request, pk):
    opening = access.open_match_opening(request.user, pk)
    citizens = selectors.profiled(access.match_candidates_for(request.user))
    result = suggest.for_opening(opening, citizens, selectors.today())
    services.suggestions_record(shown=result.suggestions, shown_in=Shown.OPENING, by=request.user)
    access.log_list(request, [s.citizen.pk for s in result.suggestions], fields=["suggestions"])
    ctx = {"opening": opening, "result": result, "decision_form": DecisionForm()}
    return render(request, "matching/opening.html", ctx)


@require_POST
@role_required(*access.MATCH_ROLES)
def decide(request, pk):
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("opening__company"), pk=pk, shown_to=request.user
    )
    opened = access.open_match_citizen(request.user, suggestion.citizen_id)
    suggestion.citizen = opened.obj
    form = DecisionForm(request.POST)
    back = _back(request, suggestion)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(back)
    try:
        decision = services.decision_record(
            suggestion=suggestion,
            kind=form.cleaned_data["kind"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect(back)
    opened.log(request, Action.CREATE if decision.placement else Action.CHANGE, ["decision"])
    messages.success(request, _decided_message(decision))
    return redirect(back)


def _back(request, suggestion) -> str:
    if request.POST.get("back") == Shown.OPENING:
        return reverse("matching:opening", kwargs={"pk": suggestion.opening_id})
    return reverse("matching:citizen", kwargs={"pk": suggestion.citizen_id})


def _decided_message(decision) -> str:
    if decision.placement:
        return _("Forslaget er accepteret, og et forslag til forløb er oprettet.")
    return _("Beslutningen er gemt: %(kind)s.") % {"kind": decision.get_kind_display()}


@role_required(*access.CONFIG_ROLES)
def weights(request):
    current = selectors.weights()
    form = WeightsForm(request.POST or None, weights=current)
    if request.method == "POST" and form.is_valid():
        services.weights_save(weights=form.cleaned_data, by=request.user)
        messages.success(request, _("Vægtene er gemt. De gælder for alle nye forslag."))
        return redirect("matching:weights")
    return render(request, "matching/weights.html", {"form": form})


@role_required(*access.MATCH_ROLES)
def proposal_list(request):
    if request.method == "POST":
        run = services.proposal_start(
            citizen_ids=list(
                access.match_candidates_for(request.user).values_list("pk", flat=True)
            ),
            by=request.user,
        )
        return redirect("matching:proposal", pk=run.pk)
    form = ProposalListForm(request.GET)
    page = paginate(request, form.apply(access.proposal_runs_for(request.user)), form)
    return render(request, "matching/proposals.html", {"form": form, "page": page.page})


@role_required(*access.MATCH_ROLES)
def proposal_detail(request, pk):
    run = access.open_proposal_run(request.user, pk)
    if request.htmx and run.status in RUNNING:
        return render(request, "matching/_progress.html", {"run": run})
    if request.htmx:
        response = render(request, "matching/_progress.html", {"run": run})
        response["HX-Redirect"] = reverse("matching:proposal", kwargs={"pk": run.pk})
        return response
    rows = proposal_rows(run, access.match_citizens_for(request.user))
    access.log_list(request, [r.citizen.pk for r in rows])
    return render(request, "matching/proposal.html", {"run": run, "rows": rows})


@role_required(*access.EVALUATION_ROLES)
def evaluation_page(request):
    rows = evaluation.bands()
    ctx = {
        "bands": rows,
        "total": evaluation.totals(rows),
        "factors": evaluation.factor_rows(),
        "outcome_columns": evaluation.OUTCOME_COLUMNS,
    }
    return render(request, "matching/evaluation.html", ctx)
