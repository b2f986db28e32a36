"""Writes of the case file: creating a citizen, changing one, starting the employment effort.

Each write keeps the citizen's timeline in step (who did what, when) in the same
transaction. Access (may this user change this citizen?) is decided before, in access.py;
logging the change is the view's, since it knows the purpose and stated reason.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F, Field
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.core.locking import save_versioned
from jobbro.lib import isocodes

from .models import Citizen, CitizenLanguage, EventKind, TimelineEvent


def timeline_event_add(
    *,
    citizen_id: int,
    kind: str,
    text: str = "",
    placement_id: int | None = None,
    by: User | None,
    **extra: Any,
) -> TimelineEvent:
    """One event on a citizen's timeline: the one write of `TimelineEvent`, which every app's
    services call (`by` None for what nobody did, e.g. a batch job)."""
    return TimelineEvent.objects.create(
        citizen_id=citizen_id, kind=kind, text=text, placement_id=placement_id, actor=by, **extra
    )


def _event(citizen: Citizen, kind: str, by: User, **extra: Any) -> None:
    timeline_event_add(citizen_id=citizen.pk, kind=kind, by=by, **extra)


@transaction.atomic
def citizen_create(*, by: User, cpr: str, **fields: Any) -> Citizen:
    """A new case file, with "created" (and "settled", if known) on its timeline."""
    citizen = Citizen(**fields)
    citizen.set_cpr(cpr)
    citizen.full_clean()
    citizen.save()
    _event(citizen, EventKind.CREATED, by)
    if citizen.settled_at:
        _event(citizen, EventKind.SETTLED, by, at=citizen.settled_at)
    return citizen


def _label(name: str) -> str:
    field = Citizen._meta.get_field(name)
    assert isinstance(field, Field), f"{name} is a field of the citizen itself"
    return capfirst(str(field.verbose_name))


@transaction.atomic
def citizen_change(
    *, citizen: Citizen, by: User, version: int | None, cpr: str, **fields: Any
) -> list[str]:
    """Save the case file with these values; returns the names of the fields that changed.

    The timeline gets one "changed" event naming them, and a "new case worker" event when
    the case worker changed. Saving unchanged values writes no event. `version` is the
    case file's version the form was read at: if someone else saved since, `StaleError`
    and nothing is written (jobbro.core.locking).
    """
    stored = Citizen.objects.get(pk=citizen.pk)
    for name, value in fields.items():
        setattr(citizen, name, value)
    citizen.set_cpr(cpr)
    changed = [name for name in ("cpr", *fields) if getattr(citizen, name) != getattr(stored, name)]
    citizen.full_clean()
    save_versioned(citizen, version=version, what=_("Sagen"))
    if changed:
        _event(citizen, EventKind.CHANGED, by, text=", ".join(_label(n) for n in changed))
    if citizen.case_worker_id != stored.case_worker_id:
        _event(citizen, EventKind.CASE_WORKER, by, text=str(citizen.case_worker or "—"))
    return changed


@transaction.atomic
def citizen_effort_start(*, citizen: Citizen, by: User, at: dt.datetime | None = None) -> bool:
    """Record that the employment effort started (the 96-hour rule); True if it did now.

    The first start is kept: a second press of the button changes nothing.
    """
    # It counts the version up, so a case-file form read before cannot blank it again.
    started = Citizen.objects.filter(pk=citizen.pk, effort_started_at__isnull=True).update(
        effort_started_at=at or timezone.now(), updated_at=timezone.now(), version=F("version") + 1
    )
    if not started:
        return False
    citizen.refresh_from_db(fields=["effort_started_at", "updated_at", "version"])
    _event(citizen, EventKind.EFFORT_STARTED, by)
    return True


@transaction.atomic
def citizen_language_set(*, citizen: Citizen, by: User, code: str, level: str) -> CitizenLanguage:
    """Add a language the citizen speaks, or change how well; the timeline says which."""
    spoken = CitizenLanguage.objects.filter(citizen=citizen, code=code).first()
    spoken = spoken or CitizenLanguage(citizen=citizen, code=code)
    spoken.level = level
    spoken.full_clean()
    spoken.save()
    _event(citizen, EventKind.CHANGED, by, text=_("Sprog: %(lang)s") % {"lang": spoken})
    return spoken


@transaction.atomic
def citizen_language_remove(*, citizen: Citizen, by: User, code: str) -> bool:
    removed, _rows = CitizenLanguage.objects.filter(citizen=citizen, code=code).delete()
    if removed:
        name = isocodes.language_name(code, get_language())
        _event(citizen, EventKind.CHANGED, by, text=_("Sprog fjernet: %(lang)s") % {"lang": name})
    return bool(removed)


@transaction.atomic
def citizen_unmatched_clear(*, citizen: Citizen, by: User, field: str) -> None:
    """A person has moved what was typed before the reference lists into them: forget it."""
    assert field in ("nationality_unmatched", "languages_unmatched"), field
    if getattr(citizen, field):
        Citizen.objects.filter(pk=citizen.pk).update(**{field: ""}, updated_at=timezone.now())
        setattr(citizen, field, "")
        _event(citizen, EventKind.CHANGED, by, text=_label(field))


@transaction.atomic
def citizen_languages_add(
    *, citizen: Citizen, by: User, languages: list[tuple[str, str]]
) -> list[CitizenLanguage]:
    """Several languages at once (an import): one write, one line on the timeline."""
    rows = [CitizenLanguage(citizen=citizen, code=code, level=level) for code, level in languages]
    for row in rows:
        row.full_clean(validate_unique=False, validate_constraints=False)
    created = CitizenLanguage.objects.bulk_create(rows)
    if created:
        names = ", ".join(str(row) for row in created)
        _event(citizen, EventKind.CHANGED, by, text=_("Sprog: %(lang)s") % {"lang": names})
    return created
