"""Planned conversations in their author's calendar feed (placements/calendar.py).

Like the follow-ups, the events leave Jobbro for phones and Outlook, so they carry no
personal data about the citizen: the kind of conversation, its time and place (the form
asks for a place without the citizen's name or address) and a link (an id) to the note in
Jobbro, where the citizen is shown to whoever may see them.
"""

import datetime as dt

from django.utils.translation import gettext as _
from icalendar import Event

from .selectors import planned_for

DEFAULT_MINUTES = 60


def planned_events(*, user, base_url: str, stamp: dt.datetime) -> list[Event]:
    events = []
    for note in planned_for(user):
        if note.starts_at is None:  # a planned conversation always has one (a constraint)
            continue
        event = Event()
        event.add("uid", f"journal-{note.pk}@jobbro")
        event.add("dtstamp", stamp)
        event.add("dtstart", note.starts_at)
        event.add("dtend", note.starts_at + dt.timedelta(minutes=note.minutes or DEFAULT_MINUTES))
        event.add("summary", _("%(kind)s (Jobbro)") % {"kind": note.get_kind_display()})
        if note.place:
            event.add("location", note.place)
        event.add("url", f"{base_url}/journal/{note.pk}/")
        event.add("status", "CONFIRMED")
        events.append(event)
    return events
