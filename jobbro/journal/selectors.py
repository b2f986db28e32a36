"""Reads of the journal: a citizen's journal searched and sorted, one's planned
conversations, the journal's entries on the case file's timeline."""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import JournalNote, NoteStatus

if TYPE_CHECKING:
    from .lists import JournalListForm


def with_related(notes: QuerySet[JournalNote]) -> QuerySet[JournalNote]:
    return notes.select_related("author", "placement__company").prefetch_related("attachments")


def search(
    notes: QuerySet[JournalNote], form: "JournalListForm"
) -> QuerySet[JournalNote] | list[JournalNote]:
    """The notes the filter form asks for. Kind and status are filtered in the database;
    the text is encrypted, so a search term is matched against the decrypted notes of this
    one citizen (a journal, not the whole register)."""
    data = form.data_cleaned
    if data.get("kind"):
        notes = notes.filter(kind=data["kind"])
    if data.get("status"):
        notes = notes.filter(status=data["status"])
    notes = with_related(form.order(notes))
    terms = (data.get("q") or "").casefold().split()
    if not terms:
        return notes
    return [n for n in notes if all(t in f"{n.text} {n.place}".casefold() for t in terms)]


def planned_for(user) -> QuerySet[JournalNote]:
    """The conversations this user planned that are not yet recorded or cancelled, soonest
    first (the front page and the calendar feed read them too)."""
    return (
        JournalNote.objects.filter(author=user, status=NoteStatus.PLANNED)
        .select_related("citizen", "placement__company")
        .order_by("starts_at", "id")
    )


def upcoming(notes: QuerySet[JournalNote], now: dt.datetime | None = None):
    """Planned conversations from today on."""
    today = timezone.localtime(now or timezone.now()).replace(hour=0, minute=0, second=0)
    return notes.filter(status=NoteStatus.PLANNED, starts_at__gte=today).order_by("starts_at")


@dataclass(frozen=True)
class TimelineNote:
    """A journal note as an entry of the case file's timeline, beside its TimelineEvents
    (it answers the same attributes the timeline template reads)."""

    note: JournalNote
    at: dt.datetime
    date_only: bool

    @property
    def placement_id(self) -> int | None:
        return self.note.placement_id

    @property
    def actor(self):
        return self.note.author

    @property
    def text(self) -> str:
        note = self.note
        if note.status == NoteStatus.PLANNED:
            when = timezone.localtime(note.starts_at).strftime("%d.%m.%Y %H:%M")
            return _("planlagt %(when)s, %(place)s") % {"when": when, "place": note.place}
        return Truncator(note.text).chars(160)

    @property
    def url(self) -> str:
        return reverse("journal:detail", args=[self.note.pk])

    def get_kind_display(self) -> str:
        note = self.note
        label = _("Journal: %(kind)s") % {"kind": note.get_kind_display()}
        if note.status == NoteStatus.CANCELLED:
            return _("%(label)s (aflyst)") % {"label": label}
        return label


def _moment(note: JournalNote) -> tuple[dt.datetime, bool]:
    if note.starts_at is not None:
        return note.starts_at, False
    # A note is dated, not timed: it sorts at the end of its day.
    end = dt.datetime.combine(note.occurred_on, dt.time(23, 59, 59))
    return timezone.make_aware(end), True


def timeline(events, notes: QuerySet[JournalNote], limit: int = 50) -> list:
    """The case file's timeline: its events and the journal's notes, newest first."""
    items = list(events[:limit]) + [
        TimelineNote(n, *_moment(n)) for n in notes.select_related("author")[:limit]
    ]
    items.sort(key=lambda e: e.at, reverse=True)
    return items[:limit]
