"""Every write of the coordination meetings. An action about a citizen becomes a planned
conversation in the citizen's journal (`journal.services.conversation_plan`): the existing
follow-up about a citizen, in the responsible person's planned conversations and calendar
feed, recorded or moved there like any other."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.access import ReasonRequired
from jobbro.citizens.models import Citizen
from jobbro.journal import access as journal_access
from jobbro.journal import services as journal_services
from jobbro.journal.models import NoteKind

from . import selectors
from .models import AgendaItem, Decision, Meeting

# The planned conversation an action becomes: at 9 on the day it is due, half an hour.
ACTION_AT = dt.time(9)
ACTION_MINUTES = 30


@transaction.atomic
def meeting_create(*, held_on: dt.date, title: str, participants: str, by: User) -> Meeting:
    """A meeting with its agenda generated for its date."""
    meeting = Meeting(
        held_on=held_on, title=title.strip(), participants=participants.strip(), created_by=by
    )
    meeting.full_clean()
    meeting.save()
    return agenda_generate(meeting=meeting, by=by)


@transaction.atomic
def agenda_generate(*, meeting: Meeting, by: User) -> Meeting:
    """(Re)generate the agenda for the meeting's date in `by`'s context. The agenda is
    frozen: it keeps what it showed, so the minutes can be read against it later; it can be
    generated again only until the first decision is written."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.decisions.exists():
        raise ValidationError(
            _("Dagsordenen kan ikke laves igen, når der er skrevet beslutninger i referatet.")
        )
    meeting.agenda.all().delete()
    counts, items, position = {}, [], 0
    for kind, total, rows in selectors.agenda(by, meeting.held_on):
        counts[str(kind)] = total
        for row in rows:
            position += 1
            items.append(
                AgendaItem(
                    meeting=meeting,
                    kind=kind,
                    citizen_id=row.citizen_id,
                    placement_id=row.placement_id,
                    url=row.url,
                    detail=row.detail[:300],
                    position=position,
                )
            )
    AgendaItem.objects.bulk_create(items)
    meeting.agenda_counts, meeting.agenda_at = counts, timezone.now()
    meeting.save(update_fields=["agenda_counts", "agenda_at"])
    return meeting


def _may_write(user: User, citizen: Citizen) -> bool:
    try:
        journal_access.open_journal(user, citizen.pk, for_change=True)
    except (Http404, ReasonRequired, PermissionDenied):
        return False
    return True


@transaction.atomic
def decision_record(
    *,
    meeting: Meeting,
    text: str,
    by: User,
    citizen: Citizen | None = None,
    responsible: User | None = None,
    due_on: dt.date | None = None,
    kind: str = NoteKind.CONVERSATION,
    place: str = "",
) -> Decision:
    """A decision in the minutes. About a citizen it is an action: who does what by when,
    and it becomes a planned conversation of the responsible person in the citizen's
    journal (both `by` and the responsible must be able to write in it)."""
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Skriv, hvad der blev besluttet.")
    if citizen is not None:
        if responsible is None:
            errors["responsible"] = _("Vælg, hvem der følger op med borgeren.")
        elif not _may_write(responsible, citizen):
            errors["responsible"] = _(
                "%(name)s kan ikke skrive i borgerens journal; vælg en, der har borgeren."
            ) % {"name": responsible}
        if due_on is None:
            errors["due_on"] = _("Skriv, hvornår det skal være gjort.")
    if due_on is not None and due_on < meeting.held_on:
        errors["due_on"] = _("Datoen ligger før mødet.")
    if errors:
        raise ValidationError(errors)
    if citizen is not None and not _may_write(by, citizen):
        raise PermissionDenied(_("Du skal have borgeren i din egen sag for at gøre dette."))
    decision = Decision(
        meeting=meeting,
        text=text.strip(),
        citizen=citizen,
        responsible=responsible,
        due_on=due_on,
        recorded_by=by,
    )
    if citizen is not None and responsible is not None and due_on is not None:
        starts_at = timezone.make_aware(dt.datetime.combine(due_on, ACTION_AT))
        decision.follow_up = journal_services.conversation_plan(
            citizen=citizen,
            by=responsible,  # the conversation is the responsible person's
            kind=kind,
            starts_at=starts_at,
            minutes=ACTION_MINUTES,
            place=place,
            text=_("Aftalt på %(meeting)s: %(text)s") % {"meeting": meeting, "text": text.strip()},
        )
    decision.full_clean()
    decision.save()
    return decision
