from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import unlisted
from jobbro.core.views import form_errors
from jobbro.front.lists import paginate
from jobbro.journal import access as journal_access

from . import access, services
from .forms import DEFAULT_TITLE, DecisionForm, MeetingForm
from .lists import MeetingListForm
from .models import AgendaKind


@role_required(*access.SEE_ROLES)
def meeting_list(request):
    """The coordination meetings, newest first; searchable by title and participants,
    sortable by date, title and number of decisions."""
    form = MeetingListForm(request.GET)
    meetings = access.meetings_for(request.user).annotate(decided=Count("decisions"))
    page = paginate(request, form.apply(meetings), form).page
    ctx = {"form": form, "page": page, "may_hold": access.may_hold(request.user)}
    return render(request, "meetings/list.html", ctx)


@role_required(*access.HOLD_ROLES)
def meeting_create(request):
    form = MeetingForm(request.POST or None, initial={"title": DEFAULT_TITLE})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(**form.cleaned_data, by=request.user)
        except ValidationError as e:
            form_errors(form, e)
        else:
            messages.success(request, _("Mødet er oprettet med en dagsorden for dagen."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {"form": form})


def _sections(meeting, items) -> list[dict]:
    """The agenda's sections in order: the items this user sees, and how many others."""
    stored = Counter(meeting.agenda.values_list("kind", flat=True))
    sections = []
    for kind, label in AgendaKind.choices:
        mine = [i for i in items if i.kind == kind]
        total = meeting.agenda_counts.get(kind, 0)
        hidden = stored[kind] - len(mine)
        sections.append(
            {"kind": kind, "label": label, "items": mine, "total": total, "hidden": hidden}
        )
    return sections


def _detail(request, meeting, form=None):
    """The meeting's page: every citizen it shows is logged as a list view."""
    user = request.user
    items = list(
        access.items_for(user, meeting).select_related("citizen").defer(*unlisted("citizen__"))
    )
    decisions = list(
        access.decisions_for(user, meeting).select_related(
            "citizen", "responsible", "recorded_by", "follow_up"
        )
    )
    citizens = {i.citizen.pk: i.citizen for i in items}
    if access.may_hold(user) and form is None:
        form = DecisionForm(citizens=citizens.values())
    shown = [*citizens, *(d.citizen_id for d in decisions if d.citizen_id)]
    citizen_access.log_list(request, shown)
    ctx = {"meeting": meeting, "sections": _sections(meeting, items), "decisions": decisions}
    ctx |= {"hidden_decisions": meeting.decisions.count() - len(decisions), "form": form}
    return render(request, "meetings/detail.html", ctx)


@role_required(*access.SEE_ROLES)
def meeting_detail(request, pk):
    return _detail(request, access.open_meeting(request.user, pk))


@require_POST
@role_required(*access.HOLD_ROLES)
def agenda_generate(request, pk):
    meeting = access.open_meeting(request.user, pk, for_change=True)
    try:
        services.agenda_generate(meeting=meeting, by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("Dagsordenen er lavet igen for mødets dato."))
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@role_required(*access.HOLD_ROLES)
def decision_add(request, pk):
    """A decision in the minutes; about a citizen on the agenda, an action that becomes a
    planned conversation in their journal (logged as a change of the citizen's journal)."""
    meeting = access.open_meeting(request.user, pk, for_change=True)
    on_agenda = {i.citizen.pk: i.citizen for i in access.items_for(request.user, meeting)}
    form = DecisionForm(request.POST, citizens=on_agenda.values())
    if not form.is_valid():
        return _detail(request, meeting, form)
    data = form.cleaned_data
    citizen = on_agenda.get(data["citizen"]) if data["citizen"] else None
    opened = (
        journal_access.open_journal(request.user, citizen.pk, for_change=True) if citizen else None
    )
    try:
        decision = services.decision_record(
            meeting=meeting, by=request.user, **{**data, "citizen": citizen}
        )
    except ValidationError as e:
        form_errors(form, e)
        return _detail(request, meeting, form)
    if opened is not None:
        opened.log(request, Action.CREATE, ["meeting_decision", "journal"])
    messages.success(
        request,
        _("Beslutningen er skrevet i referatet.")
        if decision.follow_up is None
        else _(
            "Beslutningen er skrevet i referatet og er en planlagt samtale i borgerens journal."
        ),
    )
    return redirect("meetings:detail", pk=meeting.pk)
