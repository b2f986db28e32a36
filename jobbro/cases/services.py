"""Writes of a case's status, mentor and caseload, each with its rules and its timeline event.

Status (citizens/status.py): periods are only added. Pausing records the pause's period;
resuming, closing and reopening record an open-ended period from their date, which covers
whatever was recorded before from that date on. Access is decided before (the views open
the citizen `for_change`); logging is the view's, which knows the purpose.

Closing a case with placements that are not over is refused, naming them: an active
internship ends only after the ending conversation with the ambassador and the company
(seed 000 line ~287, `placements.services.placement_end`), and a planned or proposed one is
cancelled or ended by whoever agreed it, so closing cannot end them behind anyone's back.
Closing ends the current mentor's assignment on the closing day (a closed case has no
mentee), which the timeline records; reopening does not bring the mentor back.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen, EventKind
from jobbro.citizens.services import timeline_event_add
from jobbro.citizens.status import (
    CaseStatus,
    ClosingReason,
    StatusPeriod,
    period_on,
)
from jobbro.placements.models import Placement, PlacementStatus

from .models import Mentorship, Transfer

NOT_OVER = (PlacementStatus.PROPOSED, PlacementStatus.PLANNED, PlacementStatus.ACTIVE)


def _day(d: dt.date) -> str:
    return date_format(d, "SHORT_DATE_FORMAT")


def _event(citizen: Citizen, kind: str, by: User, text: str) -> None:
    timeline_event_add(citizen_id=citizen.pk, kind=kind, text=text, by=by)


def _locked(citizen: Citizen) -> Citizen:
    """The citizen's row locked for the rest of the transaction: two status changes of one
    case wait for each other instead of both deciding from the same status."""
    return Citizen.objects.select_for_update().get(pk=citizen.pk)


def status_today(citizen: Citizen) -> StatusPeriod | None:
    return period_on(citizen.pk, timezone.localdate())


def _status(citizen: Citizen, day: dt.date) -> str:
    period = period_on(citizen.pk, day)
    return period.status if period else CaseStatus.ACTIVE


def _record(period: StatusPeriod) -> StatusPeriod:
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def case_pause(
    *,
    citizen: Citizen,
    by: User,
    starts_on: dt.date,
    ends_on: dt.date | None,
    reason: str,
    note: str = "",
) -> StatusPeriod:
    """Pause an active case from `starts_on` to `ends_on` (inclusive; None: until resumed)."""
    citizen = _locked(citizen)
    if _status(citizen, starts_on) == CaseStatus.CLOSED:
        raise ValidationError(_("En lukket sag kan ikke sættes på pause."), code="closed")
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("Pausen kan ikke slutte, før den begynder.")}, code="order"
        )
    period = _record(
        StatusPeriod(
            citizen=citizen,
            status=CaseStatus.PAUSED,
            starts_on=starts_on,
            ends_on=ends_on,
            pause_reason=reason,
            note=note,
            recorded_by=by,
        )
    )
    until = _("til og med %(d)s") % {"d": _day(ends_on)} if ends_on else _("indtil videre")
    text = _("%(r)s, fra %(a)s %(u)s") % {
        "r": period.get_pause_reason_display(),
        "a": _day(starts_on),
        "u": until,
    }
    _event(citizen, EventKind.PAUSED, by, text)
    return period


@transaction.atomic
def case_resume(*, citizen: Citizen, by: User, on: dt.date) -> StatusPeriod:
    """End a pause on `on`: the case is active again from that day."""
    citizen = _locked(citizen)
    if _status(citizen, on) != CaseStatus.PAUSED:
        raise ValidationError(_("Sagen er ikke på pause."), code="not_paused")
    period = _record(
        StatusPeriod(citizen=citizen, status=CaseStatus.ACTIVE, starts_on=on, recorded_by=by)
    )
    _event(citizen, EventKind.RESUMED, by, _("Aktiv igen fra %(d)s") % {"d": _day(on)})
    return period


def placements_not_over(citizen: Citizen) -> QuerySet[Placement]:
    return Placement.objects.filter(citizen=citizen, status__in=NOT_OVER).select_related("company")


@transaction.atomic
def case_close(
    *,
    citizen: Citizen,
    by: User,
    closed_on: dt.date,
    reason: str,
    municipality: str = "",
    note: str = "",
) -> StatusPeriod:
    """Close the case on `closed_on` for `reason` (seed 004's outcomes).

    Refused when the case is closed already, when the day is in the future, and while the
    citizen has placements that are not over (named in the message). Ends the mentor's
    assignment on the closing day.
    """
    citizen = _locked(citizen)
    if _status(citizen, timezone.localdate()) == CaseStatus.CLOSED:
        raise ValidationError(_("Sagen er allerede lukket."), code="closed")
    if closed_on > timezone.localdate():
        raise ValidationError(
            {"closed_on": _("En sag lukkes med dags dato eller en dato, der er passeret.")},
            code="future",
        )
    open_ones = list(placements_not_over(citizen))
    if open_ones:
        names = "; ".join(_placement_name(p) for p in open_ones)
        raise ValidationError(
            _(
                "Sagen har forløb, der ikke er afsluttet: %(p)s. Afslut eller annullér dem "
                "først (en virksomhedspraktik afsluttes efter samtalen med ambassadøren og "
                "virksomheden)."
            )
            % {"p": names},
            code="placements",
        )
    if reason != ClosingReason.MOVED:
        municipality = ""
    period = _record(
        StatusPeriod(
            citizen=citizen,
            status=CaseStatus.CLOSED,
            starts_on=closed_on,
            closing_reason=reason,
            municipality=municipality,
            note=note,
            recorded_by=by,
        )
    )
    _event(
        citizen,
        EventKind.CLOSED,
        by,
        _("Lukket pr. %(d)s: %(r)s") % {"d": _day(closed_on), "r": period.reason_display},
    )
    if citizen.mentor_id:
        mentor_end(citizen=citizen, by=by, ends_on=max(closed_on, _mentor_start(citizen)))
    return period


def _placement_name(p: Placement) -> str:
    status = str(p.get_status_display()).lower()
    if p.company:
        return _("%(k)s hos %(c)s (%(s)s)") % {
            "k": p.get_kind_display(),
            "c": p.company,
            "s": status,
        }
    return f"{p.get_kind_display()} ({status})"


def _mentor_start(citizen: Citizen) -> dt.date:
    current = _current_mentorship(citizen)
    return current.starts_on if current else dt.date.min


def _current_mentorship(citizen: Citizen) -> Mentorship | None:
    """The open mentorship; a mentor set on the case file before mentorships had a history
    (or by an import) gets one from the day the case was created."""
    current = (
        Mentorship.objects.select_for_update()
        .filter(citizen=citizen, ends_on__isnull=True)
        .select_related("mentor")
        .first()
    )
    if current is None and citizen.mentor_id:
        current = Mentorship.objects.create(
            citizen=citizen,
            mentor_id=citizen.mentor_id,
            starts_on=timezone.localtime(citizen.created_at).date(),
        )
    return current


@transaction.atomic
def case_reopen(*, citizen: Citizen, by: User, on: dt.date, note: str) -> StatusPeriod:
    """Reopen a closed case from `on`, with the reason why (required)."""
    citizen = _locked(citizen)
    closing = status_today(citizen)
    if closing is None or closing.status != CaseStatus.CLOSED:
        raise ValidationError(_("Sagen er ikke lukket."), code="not_closed")
    if on < closing.starts_on:
        raise ValidationError(
            {"on": _("Sagen kan ikke genåbnes før den dag, den blev lukket.")}, code="order"
        )
    if not note.strip():
        raise ValidationError({"note": _("Skriv hvorfor sagen genåbnes.")}, code="note")
    period = _record(
        StatusPeriod(
            citizen=citizen, status=CaseStatus.ACTIVE, starts_on=on, note=note, recorded_by=by
        )
    )
    _event(
        citizen,
        EventKind.REOPENED,
        by,
        _("Genåbnet pr. %(d)s: %(n)s") % {"d": _day(on), "n": note},
    )
    return period


# Mentor ---------------------------------------------------------------------------------


def _set(citizen: Citizen, **fields: Any) -> None:
    """Write fields of the case file outside its form; the version counts up, so a form read
    before cannot undo it (jobbro.core.locking)."""
    Citizen.objects.filter(pk=citizen.pk).update(
        **fields, updated_at=timezone.now(), version=F("version") + 1
    )
    citizen.refresh_from_db(fields=[*fields, "updated_at", "version"])


@transaction.atomic
def mentor_assign(
    *, citizen: Citizen, by: User, mentor: User, starts_on: dt.date, note: str = ""
) -> Mentorship:
    """Make `mentor` the citizen's mentor from `starts_on`; a current mentor's assignment
    ends the day before (or that day, if it began then)."""
    citizen = _locked(citizen)
    if mentor.role != Role.MENTOR or not mentor.is_active:
        raise ValidationError({"mentor": _("Vælg en aktiv bruger med rollen mentor.")})
    if _status(citizen, timezone.localdate()) == CaseStatus.CLOSED:
        raise ValidationError(_("En lukket sag kan ikke få en mentor."), code="closed")
    current = _current_mentorship(citizen)
    if current and current.mentor_id == mentor.pk:
        raise ValidationError({"mentor": _("Borgeren har allerede denne mentor.")})
    if current:
        if starts_on < current.starts_on:
            raise ValidationError(
                {"starts_on": _("Den nye mentor kan ikke begynde før den nuværende.")}
            )
        mentor_end(
            citizen=citizen,
            by=by,
            ends_on=max(current.starts_on, starts_on - dt.timedelta(days=1)),
        )
    mentorship = Mentorship(
        citizen=citizen, mentor=mentor, starts_on=starts_on, note=note, assigned_by=by
    )
    mentorship.full_clean()
    mentorship.save()
    _set(citizen, mentor=mentor)
    _event(
        citizen,
        EventKind.MENTOR,
        by,
        _("%(m)s fra %(d)s") % {"m": mentor, "d": _day(starts_on)},
    )
    return mentorship


@transaction.atomic
def mentor_end(*, citizen: Citizen, by: User, ends_on: dt.date) -> Mentorship:
    """End the current mentor's assignment on `ends_on`; the mentor no longer sees the
    citizen (their context is `Citizen.mentor`)."""
    current = _current_mentorship(citizen)
    if current is None:
        raise ValidationError(_("Borgeren har ingen mentor."), code="none")
    if ends_on < current.starts_on:
        raise ValidationError(
            {"ends_on": _("Mentorforløbet kan ikke slutte, før det begynder.")}, code="order"
        )
    current.ends_on, current.ended_by = ends_on, by
    current.full_clean()
    current.save(update_fields=["ends_on", "ended_by"])
    _set(citizen, mentor=None)
    _event(
        citizen,
        EventKind.MENTOR_ENDED,
        by,
        _("%(m)s til og med %(d)s") % {"m": current.mentor, "d": _day(ends_on)},
    )
    return current


# Transfer -------------------------------------------------------------------------------


@transaction.atomic
def case_transfer(
    *, citizen: Citizen, by: User, to_case_worker: User, handover_on: dt.date, note: str
) -> Transfer:
    """Hand the case over to another case worker (and with them, their team) from
    `handover_on`, the case's start in the new caseload. Both see the handover: the
    timeline says it, and each one's list of handovers shows it."""
    citizen = _locked(citizen)
    if to_case_worker.role != Role.CASE_WORKER or not to_case_worker.is_active:
        raise ValidationError(
            {"to_case_worker": _("Vælg en aktiv bruger med rollen sagsbehandler.")}
        )
    if to_case_worker.pk == citizen.case_worker_id:
        raise ValidationError(
            {"to_case_worker": _("Sagen er allerede i denne sagsbehandlers sagsstamme.")}
        )
    if not note.strip():
        raise ValidationError({"note": _("Skriv en note til modtageren.")})
    if _status(citizen, timezone.localdate()) == CaseStatus.CLOSED:
        raise ValidationError(_("En lukket sag overdrages ikke. Genåbn den først."), code="closed")
    giver = citizen.case_worker
    transfer = Transfer(
        citizen=citizen,
        from_case_worker=giver,
        to_case_worker=to_case_worker,
        from_team_id=giver.team_id if giver else None,
        to_team_id=to_case_worker.team_id,
        handover_on=handover_on,
        note=note,
        by=by,
    )
    transfer.full_clean()
    transfer.save()
    _set(citizen, case_worker=to_case_worker)
    _event(
        citizen,
        EventKind.TRANSFER,
        by,
        _("Fra %(a)s til %(b)s pr. %(d)s: %(n)s")
        % {"a": _who(giver), "b": _who(to_case_worker), "d": _day(handover_on), "n": note},
    )
    return transfer


def _who(user: User | None) -> str:
    if user is None:
        return "—"
    return f"{user} ({user.team})" if user.team_id else str(user)


def caseload_since(citizen: Citizen) -> dt.date | None:
    """The day the case started in its current case worker's caseload: the last handover
    to them (None when it was never handed over)."""
    last = (
        Transfer.objects.filter(citizen=citizen, to_case_worker_id=citizen.case_worker_id)
        .order_by("-handover_on", "-id")
        .first()
    )
    return last.handover_on if last else None
