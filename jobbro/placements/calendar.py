"""The iCalendar feed of a user's follow-ups and visits, behind a private, revocable token.

The feed leaves Jobbro for calendar apps on phones and in Outlook, so it carries no
personal data about citizens: the kind of contact, the company and a link (ids only) to the
course in Jobbro, where the citizen is shown to whoever may see them, and logged.
"""

import datetime as dt
import hashlib
import secrets

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import CalendarFeed, FollowUp

PAST_DAYS = 90  # done follow-ups this far back stay in the calendar


def token_hash(token: str) -> str:
    """What is stored of a feed's token: its SHA-256 (the token has 256 bits of entropy)."""
    return hashlib.sha256(token.encode()).hexdigest()


def feed_renew(*, user) -> CalendarFeed:
    """A new private address; the old one stops working at once.

    The returned feed's `token` is the one chance to show the address: only its hash is kept.
    """
    CalendarFeed.objects.filter(user=user).delete()
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(user=user, token_hash=token_hash(token))
    feed.token = token
    return feed


def feed_for(token: str) -> CalendarFeed | None:
    return CalendarFeed.objects.select_related("user").filter(token_hash=token_hash(token)).first()


def feed_revoke(*, user) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def feed_ical(*, user, base_url: str) -> bytes:
    since = timezone.localdate() - dt.timedelta(days=PAST_DAYS)
    follow_ups = (
        FollowUp.objects.filter(assigned_to=user, cancelled=False, due_on__gte=since)
        .select_related("placement__company")
        .order_by("due_on", "id")
    )
    cal = Calendar()
    cal.add("prodid", "-//Jobbro//Opfølgninger//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Jobbro: opfølgninger"))
    stamp = timezone.now()
    for f in follow_ups:
        company = (
            f.placement.company.name if f.placement.company is not None else _("uden virksomhed")
        )
        event = Event()
        event.add("uid", f"followup-{f.pk}@jobbro")
        event.add("dtstamp", stamp)
        day = f.done_on or f.due_on
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", f"{f.get_mode_display()}: {company}")
        event.add("url", f"{base_url}/forloeb/{f.placement_id}/")
        event.add("status", "CONFIRMED")
        if f.done_on:
            event.add("description", _("Gennemført"))
        cal.add_component(event)
    from jobbro.journal.calendar import planned_events

    for event in planned_events(user=user, base_url=base_url, stamp=stamp):
        cal.add_component(event)
    return cal.to_ical()
