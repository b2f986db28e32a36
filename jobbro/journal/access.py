"""Who may see and write which journal note: built on jobbro/citizens/access.py.

- Case workers (their caseload and their team's) and ambassadors (the project's citizens)
  read a citizen's whole journal and write in it; with a stated reason they only read it
  (and cannot download attachments: that takes them out of Jobbro).
- A company consultant reads only the notes tied to a placement at one of their own
  companies (not cancelled), as with the timeline; they do not write notes (they do not
  change placements either: placements/access.py).
- Mentors see no journal. PRODUCT.md's roles table gives a mentor, often a volunteer outside
  the administration, "their mentee, a handful of fields". A journal note is the
  administration's record of the case (forvaltningslovens notatpligt): what the citizen told
  about health, family or money, which those fields leave out on purpose. A note marked "for
  the mentor" would put the choice of what a volunteer learns in every note's author, and a
  mistake could not be taken back; what a mentor needs to know is told to them, not shown.
- Teachers, managers and administrators see none.

A recorded note is changed only by its author (a journal note is that person's record); a
planned conversation may be recorded, moved or cancelled by anyone who may write in the
journal (a colleague may hold it).
"""

from django.db.models import QuerySet
from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import Opened
from jobbro.citizens.models import Citizen

from .models import Attachment, JournalNote, NoteStatus

READ_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT)
WRITE_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)


def may_write(user, purpose: str) -> bool:
    """Write a note in the journal of a citizen opened for `purpose`: in one's own context."""
    return user.role in WRITE_ROLES and purpose not in (
        Purpose.STATED,
        Purpose.MENTEE,
        Purpose.COMPANY,
    )


def may_change_note(user, purpose: str, note: JournalNote) -> bool:
    if not may_write(user, purpose):
        return False
    return note.status == NoteStatus.PLANNED or note.author_id == user.id


def notes_of(user, citizen: Citizen) -> QuerySet[JournalNote]:
    """The notes of an opened citizen this user may see."""
    notes = JournalNote.objects.filter(citizen=citizen)
    if user.role in WRITE_ROLES:
        return notes
    if user.role == Role.COMPANY_CONSULTANT:
        return notes.filter(placement__in=citizen_access.company_placements(user))
    return notes.none()


def open_journal(user, pk: int, *, for_change: bool = False) -> Opened[Citizen]:
    """A citizen opened for their journal (the list, a new note, a planned conversation)."""
    if user.role not in READ_ROLES:
        raise Http404
    return citizen_access.open_citizen(user, pk, for_change=for_change, change_rule=may_write)


def open_note(
    user, pk: int, *, for_change: bool = False, for_export: bool = False
) -> Opened[JournalNote]:
    """The one way to open a journal note for a page. Http404 when the user may not see it,
    ReasonRequired when they may after stating a reason for its citizen, PermissionDenied
    for a change or an export (an attachment's download) they may not make."""
    note = (
        JournalNote.objects.select_related("citizen__case_worker", "author", "placement__company")
        .filter(pk=pk)
        .first()
    )
    if note is None or user.role not in READ_ROLES or not user.is_active:
        raise Http404
    if user.role == Role.COMPANY_CONSULTANT:
        own = citizen_access.company_placements(user)
        if note.placement_id is None or not own.filter(pk=note.placement_id).exists():
            raise Http404
        purpose, reason = Purpose.COMPANY, ""
    else:
        purpose, reason = citizen_access.purpose_or_reason(
            user, note.citizen, for_change=for_change, for_export=for_export
        )
    opened = Opened(note, note.citizen_id, purpose, reason, may_change_note(user, purpose, note))
    return opened.refuse_unless(for_change=for_change, for_export=for_export)


def open_attachment(user, pk: int) -> tuple[Opened[JournalNote], Attachment]:
    """An attachment to download: its note opened for export (not on a stated reason)."""
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return open_note(user, attachment.note_id, for_export=True), attachment
