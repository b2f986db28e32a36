"""Writes across the placement models, with their rules (keyword-only, one transaction each)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen, EventKind
from jobbro.citizens.services import timeline_event_add
from jobbro.core.locking import StaleError, save_versioned
from jobbro.lib.workdays import workday_on_or_after

from .models import (
    PLAN_FIELDS,
    AcuteIssue,
    ConversationOutcome,
    CoursePlan,
    EndingConversation,
    EndReason,
    FollowUp,
    Placement,
    PlacementKind,
    PlacementStatus,
    PlanRevision,
    RetentionEntry,
    RetentionPlan,
)


def _note(placement: Placement, text: str, by: User) -> None:
    timeline_event_add(
        citizen_id=placement.citizen_id,
        placement_id=placement.pk,
        kind=EventKind.NOTE,
        text=text,
        by=by,
    )


@transaction.atomic
def placement_create(*, citizen: Citizen, by: User, **fields: Any) -> Placement:
    placement = Placement(citizen=citizen, created_by=by, **fields)
    if not placement.company_id and placement.opening is not None:
        placement.company_id = placement.opening.company_id
    placement.full_clean()
    placement.save()
    _note(placement, _("Forløb oprettet: %(p)s") % {"p": placement_title(placement)}, by)
    return placement


EDITABLE = (
    "company_id",
    "opening_id",
    "kind",
    "starts_on",
    "ends_on",
    "hours_per_week",
    "paid_hours_per_week",
    "weekdays",
    "status",
    "ambassador_id",
    "note",
)


@transaction.atomic
def placement_change(*, placement: Placement, version: int, by: User) -> Placement:
    """Save an edited placement, unless someone else saved it since `version` was read."""
    stored = Placement.objects.get(pk=placement.pk)
    if placement.status == PlacementStatus.ENDED and stored.status != PlacementStatus.ENDED:
        raise ValidationError(_("Brug »Afslut forløbet« for at afslutte et forløb."), code="end")
    if not placement.company_id and placement.opening is not None:
        placement.company_id = placement.opening.company_id
    placement.full_clean()
    save_versioned(placement, version=version, fields=EDITABLE, what=_("Forløbet"))
    return placement


def placement_title(placement: Placement) -> str:
    from .staircase import kind_label

    where = f" – {placement.company}" if placement.company_id else ""
    return f"{kind_label(placement.kind, placement.paid_hours_per_week)}{where}"


@transaction.atomic
def conversation_record(*, placement: Placement, by: User, **fields: Any) -> EndingConversation:
    conversation = EndingConversation(placement=placement, recorded_by=by, **fields)
    conversation.full_clean()
    errors = {}
    if conversation.ambassador.role != Role.AMBASSADOR:
        errors["ambassador"] = _("Vælg en ambassadør: samtalen skal holdes med ambassadøren.")
    if conversation.held_on < placement.starts_on:
        errors["held_on"] = _("Samtalen kan ikke være holdt før forløbet startede.")
    if conversation.held_on > timezone.localdate():
        errors["held_on"] = _("Registrér samtalen, når den er holdt: datoen ligger i fremtiden.")
    if errors:
        raise ValidationError(errors)
    conversation.save()
    _note(
        placement,
        _("Samtale med ambassadør og virksomhed: %(o)s")
        % {"o": conversation.get_outcome_display()},
        by,
    )
    return conversation


INTERNSHIP_NEEDS_CONVERSATION = _(
    "En virksomhedspraktik kan ikke afsluttes uden en samtale med ambassadøren og "
    "virksomheden. Registrér samtalen (dato, deltagere og resultat) først."
)
# A conversation is recorded, but its outcome was to continue: say what is missing.
INTERNSHIP_NEEDS_ENDING_OUTCOME = _(
    "Samtalen med ambassadøren og virksomheden endte med »Borgeren fortsætter i "
    "praktikken«. For at afslutte praktikken skal der registreres en ny samtale, hvor "
    "resultatet er »Praktikken afsluttes«."
)


def ending_conversation_missing(placement: Placement, ends_on: dt.date) -> str:
    """Why an internship cannot end yet (seed 000 line ~287), or "" when it may: the end
    needs a conversation with the ambassador and the company whose outcome is to end it."""
    if placement.kind != PlacementKind.INTERNSHIP:
        return ""
    held = placement.ending_conversations.filter(held_on__lte=max(ends_on, timezone.localdate()))
    if held.filter(outcome=ConversationOutcome.ENDS).exists():
        return ""
    return str(INTERNSHIP_NEEDS_ENDING_OUTCOME if held.exists() else INTERNSHIP_NEEDS_CONVERSATION)


@transaction.atomic
def placement_end(*, placement: Placement, ends_on: dt.date, reason: str, by: User) -> Placement:
    """End a placement, with why (`EndReason`). An internship needs a recorded conversation
    with the ambassador and the company first, whose outcome is that it ends."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status in (PlacementStatus.ENDED, PlacementStatus.CANCELLED):
        raise ValidationError(_("Forløbet er allerede afsluttet."), code="ended")
    if reason not in EndReason.values:
        raise ValidationError({"reason": _("Vælg, hvorfor forløbet slutter.")}, code="reason")
    if ends_on < placement.starts_on:
        raise ValidationError(
            {"ends_on": _("Slutdatoen kan ikke ligge før forløbets start.")}, code="before"
        )
    missing = ending_conversation_missing(placement, ends_on)
    if missing:
        raise ValidationError(missing, code="conversation")
    placement.status = PlacementStatus.ENDED
    placement.ends_on = ends_on
    placement.end_reason = reason
    # A form read before the end must not reopen it: the end counts the version up.
    save_versioned(
        placement,
        version=placement.version,
        fields=["status", "ends_on", "end_reason"],
        what=_("Forløbet"),
    )
    placement.follow_ups.filter(done_on__isnull=True, cancelled=False).update(cancelled=True)
    _note(
        placement,
        _("Forløb afsluttet: %(p)s (%(why)s)")
        % {"p": placement_title(placement), "why": placement.get_end_reason_display()},
        by,
    )
    return placement


# The plan and its follow-ups -------------------------------------------------------------


def _revision(plan: CoursePlan, by: User, changed: list[str]) -> PlanRevision:
    return PlanRevision.objects.create(
        plan=plan,
        version=plan.version,
        saved_by=by,
        changed=",".join(changed),
        **{f: getattr(plan, f) for f in PLAN_FIELDS},
    )


@transaction.atomic
def plan_save(*, placement: Placement, by: User, version: int | None, **fields: Any) -> CoursePlan:
    """Create or change the plan; every save is a revision; the rhythm schedules follow-ups.

    `version` is the plan's version the user started from (None when creating): a save
    from an older version is refused, so nothing is silently overwritten.
    """
    plan = CoursePlan.objects.filter(placement=placement).first()
    if plan is None:
        if version is not None:
            raise StaleError(_("Planen"))
        plan = CoursePlan(placement=placement, updated_by=by, **fields)
        plan.full_clean()
        try:
            with transaction.atomic():
                plan.save()
        except Exception as e:  # the other user created it first (unique placement)
            raise StaleError(_("Planen")) from e
        changed = list(PLAN_FIELDS)
    else:
        changed = [f for f in PLAN_FIELDS if getattr(plan, f) != fields.get(f, getattr(plan, f))]
        candidate = CoursePlan(pk=plan.pk, placement=placement, **fields)
        candidate.full_clean(exclude=["placement"], validate_unique=False)
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.updated_by = by
        save_versioned(plan, version=version, fields=[*fields, "updated_by"], what=_("Planen"))
    _revision(plan, by, changed)
    schedule_next_follow_up(plan=plan)
    return plan


def plan_as_of(plan: CoursePlan, day: dt.date) -> PlanRevision | None:
    """The plan as it was at the end of this day."""
    end = dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(), timezone.get_current_timezone()
    )
    return plan.revisions.filter(saved_at__lt=end).order_by("-saved_at", "-version").first()


def schedule_next_follow_up(*, plan: CoursePlan, after: dt.date | None = None) -> FollowUp | None:
    """Keep one open follow-up per active course, on a Danish working day.

    The next is due `contact_every_days` after the last one done (or today); an open one
    that is already planned is moved to the plan's new rhythm.
    """
    placement = plan.placement
    if placement.status not in (PlacementStatus.ACTIVE, PlacementStatus.PLANNED):
        return None
    base = after or timezone.localdate()
    if after is None:
        last = placement.follow_ups.filter(done_on__isnull=False).order_by("-done_on").first()
        if last is not None and last.done_on is not None:
            base = last.done_on
        elif placement.starts_on > base:
            base = placement.starts_on
    due = workday_on_or_after(base + dt.timedelta(days=plan.contact_every_days))
    open_ = placement.follow_ups.filter(done_on__isnull=True, cancelled=False).first()
    assigned = placement.ambassador or (
        plan.updated_by if plan.updated_by and plan.updated_by.role == Role.AMBASSADOR else None
    )
    if open_:
        open_.due_on, open_.mode = due, plan.contact_mode
        open_.save(update_fields=["due_on", "mode"])
        return open_
    return FollowUp.objects.create(
        placement=placement, due_on=due, mode=plan.contact_mode, assigned_to=assigned
    )


@transaction.atomic
def follow_up_record(*, follow_up: FollowUp, done_on: dt.date, summary: str, by: User) -> FollowUp:
    """Record a follow-up as done and schedule the next from the plan's rhythm."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if not follow_up.is_open:
        raise ValidationError(_("Opfølgningen er allerede registreret."), code="done")
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Datoen ligger i fremtiden.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Skriv kort, hvad opfølgningen handlede om.")})
    follow_up.done_on, follow_up.done_by, follow_up.summary = done_on, by, summary.strip()
    follow_up.save(update_fields=["done_on", "done_by", "summary"])
    plan = CoursePlan.objects.filter(placement_id=follow_up.placement_id).first()
    if plan:
        schedule_next_follow_up(plan=plan, after=done_on)
    _note(
        follow_up.placement,
        _("Opfølgning (%(m)s): %(s)s") % {"m": follow_up.get_mode_display(), "s": summary[:200]},
        by,
    )
    return follow_up


# Acute issues -------------------------------------------------------------------------------


def managers_to_flag(placement: Placement) -> list[User]:
    """The key-account consultant's manager: a manager of the consultant's team, or every
    active manager when the consultant has no team manager (or the company no consultant)."""
    managers = User.objects.filter(role=Role.MANAGER, is_active=True)
    consultant = placement.company.key_account if placement.company is not None else None
    if consultant and consultant.team_id:
        same_team = list(managers.filter(team_id=consultant.team_id))
        if same_team:
            return same_team
    return list(managers)


def acute_flag_breaches(now: dt.datetime | None = None) -> int:
    """Flag every acute issue unanswered after 24 hours to the right managers, once."""
    now = now or timezone.now()
    from .models import ACUTE_ANSWER_HOURS

    late = AcuteIssue.objects.filter(
        breach_flagged_at__isnull=True,
        answered_at__isnull=True,
        reported_at__lt=now - dt.timedelta(hours=ACUTE_ANSWER_HOURS),
    ).select_related("placement__company__key_account")
    count = 0
    for issue in late:
        with transaction.atomic():
            issue.flagged_to.set(managers_to_flag(issue.placement))
            issue.breach_flagged_at = now
            issue.save(update_fields=["breach_flagged_at"])
        count += 1
    return count


@transaction.atomic
def acute_register(*, placement: Placement, by: User, **fields: Any) -> AcuteIssue:
    issue = AcuteIssue(placement=placement, registered_by=by, **fields)
    issue.full_clean()
    if issue.reported_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"reported_at": _("Tidspunktet ligger i fremtiden.")})
    issue.save()
    _note(placement, _("Akut henvendelse registreret"), by)
    return issue


@transaction.atomic
def acute_answer(
    *, issue: AcuteIssue, answer: str, by: User, at: dt.datetime | None = None
) -> AcuteIssue:
    issue = AcuteIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.answered_at is not None:
        raise ValidationError(_("Henvendelsen er allerede besvaret."), code="answered")
    if not answer.strip():
        raise ValidationError({"answer": _("Skriv hvad der er svaret og gjort.")})
    issue.answered_at, issue.answered_by, issue.answer = at or timezone.now(), by, answer.strip()
    issue.save(update_fields=["answered_at", "answered_by", "answer"])
    return issue


# The retention plan ----------------------------------------------------------------------------


@transaction.atomic
def retention_save(
    *, placement: Placement, by: User, version: int | None, **fields: Any
) -> RetentionPlan:
    """Create or change the retention plan; a save from an older version is refused."""
    plan = RetentionPlan.objects.filter(placement=placement).first()
    if plan is None:
        if version is not None:
            raise StaleError(_("Fastholdelsesplanen"))
        plan = RetentionPlan(placement=placement, **fields)
        plan.full_clean()
        plan.save()
        _note(placement, _("Fastholdelsesplan oprettet"), by)
        return plan
    candidate = RetentionPlan(pk=plan.pk, placement=placement, **fields)
    candidate.full_clean(validate_unique=False)
    for name in fields:
        setattr(plan, name, getattr(candidate, name))
    save_versioned(plan, version=version, fields=fields, what=_("Fastholdelsesplanen"))
    return plan


@transaction.atomic
def retention_entry_add(*, plan: RetentionPlan, by: User, **fields: Any) -> RetentionEntry:
    entry = RetentionEntry(plan=plan, recorded_by=by, **fields)
    entry.full_clean()
    if entry.on > timezone.localdate():
        raise ValidationError({"on": _("Datoen ligger i fremtiden.")})
    entry.save()
    return entry
