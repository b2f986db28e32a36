"""The administrators' pages on retention: the rules, what is due, and the decision on each.

Due items name a citizen by id only (with the closing date and reason that make it due):
deciding needs no name. Showing an item and deciding it are logged in the access log under
the purpose "Sletning efter opbevaringsregel".
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens.status import period_on
from jobbro.front.lists import paginate

from . import services
from .forms import DecisionFilterForm, DecisionForm
from .models import Decision, ErasureDecision, RetentionRule

PAGE_SIZE = 25


@role_required(Role.ADMINISTRATOR)
def rules(request):
    return render(request, "erasure/rules.html", {"rules": RetentionRule.objects.all()})


@role_required(Role.ADMINISTRATOR)
def decisions(request):
    form = DecisionFilterForm(request.GET)
    data = form.data_cleaned
    rows = ErasureDecision.objects.select_related("rule", "decided_by")
    state = data.get("state", Decision.PENDING) if request.GET else Decision.PENDING
    if state:
        rows = rows.filter(state=state)
    if data.get("q"):
        rows = rows.filter(citizen_id=data["q"])
    page = paginate(request, form.order(rows), form).page
    ctx = {"form": form, "page": page, "state": state}
    return render(request, "erasure/decisions.html", ctx)


def _log(request, decision: ErasureDecision, action: str) -> None:
    if decision.citizen_id is not None:
        log_access(
            request, action=action, citizen_ids=[decision.citizen_id], purpose=Purpose.RETENTION
        )


@role_required(Role.ADMINISTRATOR)
def decide(request, pk):
    decision = get_object_or_404(ErasureDecision.objects.select_related("rule"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and decision.state == Decision.PENDING and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.erasure_decide(
                decision=decision, by=request.user, approve=approve, note=form.cleaned_data["note"]
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            _log(request, decision, Action.DELETE if approve else Action.VIEW)
            messages.success(
                request, _("Data er anonymiseret.") if approve else _("Afvisningen er gemt.")
            )
            return redirect("erasure:decisions")
    _log(request, decision, Action.VIEW)
    closing = period_on(decision.citizen_id, decision.due_since) if decision.citizen_id else None
    return render(
        request, "erasure/decide.html", {"decision": decision, "form": form, "closing": closing}
    )
