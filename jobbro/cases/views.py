"""Pages that change a case's status, mentor and caseload, and the list of handovers.

Each action page is one form and one service call (`case_step`, with its `STEPS`): the citizen is opened for a
change (a case worker in their own context, citizens/access.py), a refusal of the service
is shown on the form with the input kept, a success is logged in the same transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import User
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens import access
from jobbro.citizens.models import Citizen
from jobbro.core.views import write
from jobbro.front.lists import paginate

from . import services
from .access import transfers_for
from .forms import (
    CloseForm,
    MentorEndForm,
    MentorForm,
    PauseForm,
    ReopenForm,
    ResumeForm,
    TransferFilterForm,
    TransferForm,
)

PAGE_SIZE = 25


@dataclass(frozen=True)
class Step:
    """One action on a case: its form, the service call, and the page's words."""

    form: type
    write: Callable[[Citizen, dict, User], object]
    title: str | Promise
    submit: str | Promise
    message: str | Promise


STEPS = {
    "pause": Step(
        PauseForm,
        lambda c, d, by: services.case_pause(
            citizen=c,
            by=by,
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            reason=d["reason"],
            note=d["note"],
        ),
        gettext_lazy("Sæt sagen på pause"),
        gettext_lazy("Sæt på pause"),
        gettext_lazy("Sagen er sat på pause."),
    ),
    "resume": Step(
        ResumeForm,
        lambda c, d, by: services.case_resume(citizen=c, by=by, on=d["on"]),
        gettext_lazy("Afslut pausen"),
        gettext_lazy("Afslut pausen"),
        gettext_lazy("Pausen er afsluttet; sagen er aktiv."),
    ),
    "close": Step(
        CloseForm,
        lambda c, d, by: services.case_close(
            citizen=c,
            by=by,
            closed_on=d["closed_on"],
            reason=d["reason"],
            municipality=d["municipality"],
            note=d["note"],
        ),
        gettext_lazy("Luk sagen"),
        gettext_lazy("Luk sagen"),
        gettext_lazy("Sagen er lukket. Den findes under filteret Lukkede sager."),
    ),
    "reopen": Step(
        ReopenForm,
        lambda c, d, by: services.case_reopen(citizen=c, by=by, on=d["on"], note=d["note"]),
        gettext_lazy("Genåbn sagen"),
        gettext_lazy("Genåbn sagen"),
        gettext_lazy("Sagen er genåbnet."),
    ),
    "mentor": Step(
        MentorForm,
        lambda c, d, by: services.mentor_assign(
            citizen=c, by=by, mentor=d["mentor"], starts_on=d["starts_on"], note=d["note"]
        ),
        gettext_lazy("Tilknyt mentor"),
        gettext_lazy("Tilknyt mentor"),
        gettext_lazy("Mentoren er tilknyttet."),
    ),
    "mentor_end": Step(
        MentorEndForm,
        lambda c, d, by: services.mentor_end(citizen=c, by=by, ends_on=d["ends_on"]),
        gettext_lazy("Afslut mentorforløbet"),
        gettext_lazy("Afslut mentorforløbet"),
        gettext_lazy("Mentorforløbet er afsluttet."),
    ),
    "transfer": Step(
        TransferForm,
        lambda c, d, by: services.case_transfer(
            citizen=c,
            by=by,
            to_case_worker=d["to_case_worker"],
            handover_on=d["handover_on"],
            note=d["note"],
        ),
        gettext_lazy("Overdrag sagen"),
        gettext_lazy("Overdrag sagen"),
        gettext_lazy("Sagen er overdraget."),
    ),
}


@role_required(*access.EDIT_ROLES)
def case_step(request, pk, step):
    """The one page of every action here (urls.py names the step): the citizen opened for a
    change, the form, the service's refusal on the form or its success logged."""
    action = STEPS[step]
    opened = access.open_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    kwargs = {"current": citizen.case_worker} if step == "transfer" else {}
    form = action.form(request.POST or None, **kwargs)
    done = write(
        request,
        opened,
        form,
        lambda: action.write(citizen, form.cleaned_data, request.user),
        fields=["status" if step in ("pause", "resume", "close", "reopen") else step],
        message=action.message,
        to=reverse("citizens:detail", kwargs={"pk": citizen.pk}),
    )
    if done:
        return done
    opened.log(request)
    ctx = {"form": form, "citizen": citizen, "title": action.title, "submit": action.submit}
    if step == "close":
        ctx["not_over"] = services.placements_not_over(citizen)
    return render(request, "cases/action.html", ctx)


def _transfers(user, form):
    data = form.data_cleaned
    rows = transfers_for(user)
    if data.get("direction") == "received":
        rows = rows.filter(to_case_worker=user)
    elif data.get("direction") == "given":
        rows = rows.filter(from_case_worker=user)
    for term in (data.get("q") or "").split():
        people = Q()
        for side in ("to_case_worker", "from_case_worker"):
            for name in ("first_name", "last_name", "username"):
                people |= Q(**{f"{side}__{name}__icontains": term})
        rows = rows.filter(people)
    return form.order(
        rows.select_related("citizen", "from_case_worker", "to_case_worker", "from_team", "to_team")
    )


@role_required(*access.EDIT_ROLES)
def transfers(request):
    """Handovers to and from this case worker: each side sees the same row."""
    form = TransferFilterForm(request.GET)
    page = paginate(request, _transfers(request.user, form), form).page
    ids = sorted({t.citizen_id for t in page.object_list})
    if ids:
        # The giver may no longer have the citizen in their context: the purpose is the
        # handover they took part in, for both sides alike.
        log_access(request, action=Action.LIST, citizen_ids=ids, purpose=Purpose.HANDOVER)
    return render(
        request,
        "cases/transfers.html",
        {"form": form, "page": page, "today": timezone.localdate()},
    )
