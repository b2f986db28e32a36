"""The iCalendar feed of a user's follow-ups and visits, behind a private, revocable token.

The feed leaves Jobbro for calendar apps on phones and in Outlook, so it carries no
personal data about citizens: the kind of contact, the company (its name in the title, its
address as the place of a visit), the plan's time of day when it has one, and a link (ids
only) to the course in Jobbro, where the citizen is shown to whoever may see them, and logged.
"""

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from .models import CalendarFeed, ContactMode, FollowUp

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


# How long a follow-up with a time takes in the calendar; a day at the workplace is all day.
MINUTES: dict[str, int] = {ContactMode.VISIT: 60, ContactMode.PHONE: 15, ContactMode.MAIL: 15}
# The title names the company and what to do there.
TITLES: dict[str, Any] = {
    ContactMode.VISIT: gettext_lazy("Besøg hos %(company)s"),
    ContactMode.PHONE: gettext_lazy("Ring til %(company)s"),
    ContactMode.MAIL: gettext_lazy("Skriv til %(company)s"),
    ContactMode.ACCOMPANIMENT: gettext_lazy("Følgedag hos %(company)s"),
}
AT_THE_COMPANY = (ContactMode.VISIT, ContactMode.ACCOMPANIMENT)


def follow_up_title(f: FollowUp) -> str:
    """ "Besøg hos Hedensted Rengøring ApS"; a course without a company (education, utility
    work) by its kind: "Besøg: Nytteindsats"."""
    company = f.placement.company
    if company is None:
        return f"{f.get_mode_display()}: {f.placement.get_kind_display()}"
    title = TITLES.get(f.mode, TITLES[ContactMode.VISIT])
    return str(title) % {"company": company.name}


def company_address(company) -> str:
    town = " ".join(part for part in (company.postcode, company.town) if part)
    return ", ".join(part for part in (company.address, town) if part)


def follow_up_event(f: FollowUp, *, base_url: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"followup-{f.pk}@jobbro")
    event.add("dtstamp", stamp)
    day = f.done_on or f.due_on
    plan = getattr(f.placement, "plan", None)
    at = plan.contact_time if plan is not None else None
    if at is not None and f.mode in MINUTES:
        # In UTC ("…Z"), which every calendar app reads without a VTIMEZONE.
        start = timezone.make_aware(dt.datetime.combine(day, at)).astimezone(dt.UTC)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=MINUTES[f.mode]))
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", follow_up_title(f))
    company = f.placement.company
    if company is not None and f.mode in AT_THE_COMPANY and company_address(company):
        event.add("location", company_address(company))
    event.add("url", f"{base_url}/forloeb/{f.placement_id}/")
    event.add("status", "CONFIRMED")
    if f.done_on:
        event.add("description", _("Gennemført"))
    return event


def feed_ical(*, user, base_url: str) -> bytes:
    since = timezone.localdate() - dt.timedelta(days=PAST_DAYS)
    follow_ups = (
        FollowUp.objects.filter(assigned_to=user, cancelled=False, due_on__gte=since)
        .select_related("placement__company", "placement__plan")
        .order_by("due_on", "id")
    )
    cal = Calendar()
    cal.add("prodid", "-//Jobbro//Opfølgninger//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Jobbro: opfølgninger"))
    stamp = timezone.now()
    for f in follow_ups:
        cal.add_component(follow_up_event(f, base_url=base_url, stamp=stamp))
    from jobbro.journal.calendar import planned_events

    for event in planned_events(user=user, base_url=base_url, stamp=stamp):
        cal.add_component(event)
    return cal.to_ical()
