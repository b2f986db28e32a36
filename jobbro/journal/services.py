"""Writes of the journal: a note, a planned conversation, recording or cancelling it,
changing a note, attaching files.

Access (may this user write in this journal, change this note?) is decided before, in
access.py; logging is the view's, which knows the purpose. Every write runs `full_clean()`
(the model's constraints), in one transaction; a change goes through `save_versioned`, so a
second person's older form cannot overwrite the first's save (jobbro.core.locking).
"""

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.models import Citizen
from jobbro.core.locking import save_versioned
from jobbro.placements.models import Placement, PlacementStatus

from . import attachments
from .models import PLANNABLE, Attachment, JournalNote, NoteStatus

WHAT = _("Journalnotatet")


def _check_placement(citizen: Citizen, placement: Placement | None) -> None:
    if placement is None:
        return
    if placement.citizen_id != citizen.pk or placement.status == PlacementStatus.CANCELLED:
        raise ValidationError({"placement": _("Vælg et af borgerens egne forløb.")})


def _attach(note: JournalNote, files: Sequence[attachments.Checked], by: User) -> None:
    if note.attachments.count() + len(files) > settings.ATTACHMENTS_PER_NOTE:
        raise ValidationError(
            {
                "new_attachments": _("Et notat kan have højst %(n)s bilag.")
                % {"n": settings.ATTACHMENTS_PER_NOTE}
            }
        )
    for f in files:
        Attachment.objects.create(
            note=note,
            name=f.name,
            content_type=f.content_type,
            size=len(f.data),
            sha256=f.sha256,
            stored_as=attachments.store(f.data),
            uploaded_by=by,
        )


@transaction.atomic
def note_create(
    *,
    citizen: Citizen,
    by: User,
    kind: str,
    occurred_on: dt.date,
    text: str,
    placement: Placement | None = None,
    files: Sequence[attachments.Checked] = (),
) -> JournalNote:
    """A note of something that happened (a conversation held, a letter sent)."""
    _check_placement(citizen, placement)
    note = JournalNote(
        citizen=citizen,
        kind=kind,
        status=NoteStatus.RECORDED,
        occurred_on=occurred_on,
        text=text.strip(),
        placement=placement,
        author=by,
    )
    note.full_clean()
    note.save()
    _attach(note, files, by)
    return note


def _check_plan(kind: str, starts_at: dt.datetime | None) -> None:
    if kind not in PLANNABLE:
        raise ValidationError({"kind": _("Kun samtaler, telefonsamtaler og møder kan planlægges.")})
    if starts_at is None:
        raise ValidationError({"starts_at": _("Skriv tidspunktet for samtalen.")})


def _set_plan(
    note: JournalNote,
    *,
    kind: str,
    starts_at: dt.datetime,
    minutes: int | None,
    place: str,
    text: str,
    placement: Placement | None,
) -> None:
    _check_plan(kind, starts_at)
    _check_placement(note.citizen, placement)
    note.kind, note.starts_at, note.minutes = kind, starts_at, minutes
    note.place, note.text, note.placement = place.strip(), text.strip(), placement
    note.occurred_on = timezone.localtime(starts_at).date()


PLAN_FIELDS = ("kind", "starts_at", "minutes", "place", "text", "placement", "occurred_on")


@transaction.atomic
def conversation_plan(
    *,
    citizen: Citizen,
    by: User,
    kind: str,
    starts_at: dt.datetime,
    minutes: int | None,
    place: str,
    text: str = "",
    placement: Placement | None = None,
) -> JournalNote:
    """A planned conversation: in the author's calendar feed until it is recorded."""
    note = JournalNote(citizen=citizen, status=NoteStatus.PLANNED, author=by)
    _set_plan(
        note,
        kind=kind,
        starts_at=starts_at,
        minutes=minutes,
        place=place,
        text=text,
        placement=placement,
    )
    note.full_clean()
    note.save()
    return note


def _save(note: JournalNote, version: int | None, fields: Sequence[str]) -> None:
    note.full_clean()
    save_versioned(note, version=version, what=WHAT, fields=fields)


@transaction.atomic
def conversation_replan(
    *,
    note: JournalNote,
    by: User,
    version: int | None,
    kind: str,
    starts_at: dt.datetime,
    minutes: int | None,
    place: str,
    text: str = "",
    placement: Placement | None = None,
) -> None:
    """Move a planned conversation, or change what it is about."""
    if JournalNote.objects.get(pk=note.pk).status != NoteStatus.PLANNED:
        raise ValidationError(_("Samtalen er ikke længere planlagt."))
    _set_plan(
        note,
        kind=kind,
        starts_at=starts_at,
        minutes=minutes,
        place=place,
        text=text,
        placement=placement,
    )
    _save(note, version, PLAN_FIELDS)


@transaction.atomic
def conversation_record(
    *,
    note: JournalNote,
    by: User,
    version: int | None,
    occurred_on: dt.date,
    text: str,
    files: Sequence[attachments.Checked] = (),
) -> None:
    """Write what was said at a planned conversation; it leaves the calendar feed."""
    if note.status != NoteStatus.PLANNED:
        raise ValidationError(_("Samtalen er ikke længere planlagt."))
    note.status, note.occurred_on, note.text = NoteStatus.RECORDED, occurred_on, text.strip()
    _save(note, version, ["status", "occurred_on", "text"])
    _attach(note, files, by)


@transaction.atomic
def conversation_cancel(*, note: JournalNote, by: User, version: int | None) -> None:
    if note.status != NoteStatus.PLANNED:
        raise ValidationError(_("Samtalen er ikke længere planlagt."))
    note.status = NoteStatus.CANCELLED
    _save(note, version, ["status"])


@transaction.atomic
def note_change(
    *,
    note: JournalNote,
    by: User,
    version: int | None,
    kind: str,
    occurred_on: dt.date,
    text: str,
    placement: Placement | None = None,
    files: Sequence[attachments.Checked] = (),
) -> list[str]:
    """Change a written note (its author's), and attach more files; returns the names of
    the fields that changed."""
    stored = JournalNote.objects.get(pk=note.pk)  # the form may have set the instance's
    if stored.status != NoteStatus.RECORDED:
        raise ValidationError(_("Kun et skrevet notat kan rettes."))
    _check_placement(note.citizen, placement)
    note.kind, note.occurred_on, note.text, note.placement = (
        kind,
        occurred_on,
        text.strip(),
        placement,
    )
    names = ("kind", "occurred_on", "text", "placement")
    changed = [n for n in names if getattr(note, n) != getattr(stored, n)]
    _save(note, version, names)
    _attach(note, files, by)
    return changed + (["attachments"] if files else [])
