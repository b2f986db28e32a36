"""Every write of matching: keyword-only, typed, `by` the user who does it."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.status import CaseStatus
from jobbro.companies.models import OpeningKind
from jobbro.core.locking import save_versioned
from jobbro.placements.models import PlacementStatus
from jobbro.placements.services import placement_create

from .factors import Factor
from .models import (
    Decision,
    DecisionKind,
    FactorWeight,
    MatchProfile,
    ProposalRun,
    RunStatus,
    Suggestion,
    Town,
    TravelTime,
)

if TYPE_CHECKING:
    from .suggest import Suggested


@transaction.atomic
def profile_save(*, profile: MatchProfile, version: int | None, by: User) -> MatchProfile:
    """Save a matching profile (its form has set every field, the code lists included).
    Refuses, with the Danish message, when someone else saved it since `version` was read."""
    profile.updated_by = by
    profile.full_clean(exclude=["citizen"])
    if profile.pk is None:
        profile.save()
    else:
        save_versioned(profile, version=version, what=_("Matchprofilen"))
    return profile


@transaction.atomic
def travel_time_save(*, row: TravelTime, version: int | None = None, by: User) -> TravelTime:
    """Add a travel time, or change one: refused, with the Danish message, when someone else
    saved it since `version` was read."""
    row.full_clean()
    if row.pk is None:
        row.save()
    else:
        save_versioned(row, version=version, what=_("Afstanden"))
    return row


@transaction.atomic
def town_add(*, name: str, by: User) -> Town:
    name = " ".join(name.split())
    existing = Town.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    town = Town(name=name)
    try:
        town.full_clean()
    except ValidationError as e:
        raise ValidationError(_("Byen kunne ikke gemmes.")) from e
    town.save()
    return town


def suggestions_record(*, shown: Sequence["Suggested"], shown_in: str, by: User) -> None:
    """Store every suggestion a page shows, with its score and factors as shown; each gets
    the id of its row (`stored_id`), which the page's decision buttons post."""
    rows = Suggestion.objects.bulk_create(
        [
            Suggestion(
                citizen_id=s.citizen.pk,
                opening_id=s.opening.pk,
                score=round(s.score, 1),
                rank=s.rank,
                factors=s.factors_json(),
                shown_in=shown_in,
                shown_to=by,
            )
            for s in shown
        ]
    )
    for s, row in zip(shown, rows, strict=True):
        s.stored_id = row.pk


PLACEMENT_KIND = {kind: kind for kind in OpeningKind.values}  # the same words in both


@transaction.atomic
def decision_record(*, suggestion: Suggestion, kind: str, reason: str, by: User) -> Decision:
    """Record what was decided about a suggestion, with the score and factors it was shown
    with. Accepting creates a proposed placement in the opening (placements' own service);
    the case worker turns it into an agreed one. Nothing else is placed."""
    citizen_id, opening = suggestion.citizen_id, suggestion.opening
    if kind == DecisionKind.ACCEPTED and suggestion.citizen.current_status != CaseStatus.ACTIVE:
        raise ValidationError(_("Sagen er lukket eller på pause: forslaget kan ikke accepteres."))
    if kind != DecisionKind.ACCEPTED and not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor forslaget er fravalgt.")})
    taken = Decision.objects.filter(
        citizen_id=citizen_id, opening=opening, kind=DecisionKind.ACCEPTED
    ).exclude(placement__status=PlacementStatus.CANCELLED)
    if kind == DecisionKind.ACCEPTED and taken.exists():
        raise ValidationError(_("Forslaget er allerede accepteret."))
    placement = None
    if kind == DecisionKind.ACCEPTED:
        placement = placement_create(
            citizen=suggestion.citizen,
            by=by,
            opening=opening,
            company=opening.company,
            kind=PLACEMENT_KIND[opening.kind],
            starts_on=max(timezone.localdate(), opening.starts_on or timezone.localdate()),
            ends_on=opening.ends_on,
            hours_per_week=opening.hours_per_week,
            status=PlacementStatus.PROPOSED,
            note=_("Foreslået fra matchning (score %(score)s).") % {"score": suggestion.score},
        )
    decision = Decision(
        citizen_id=citizen_id,
        opening=opening,
        suggestion=suggestion,
        kind=kind,
        reason=reason.strip(),
        score=suggestion.score,
        factors=suggestion.factors,
        placement=placement,
        decided_by=by,
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def weights_save(*, weights: dict[str, int], by: User) -> None:
    """Set the score's weights; only the named factors exist (FactorWeight's constraint)."""
    unknown = set(weights) - set(Factor.values)
    if unknown:
        raise ValidationError(
            _("Ukendte faktorer kan ikke vægtes: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    now = timezone.now()
    for factor, weight in weights.items():
        row = FactorWeight(factor=factor, weight=weight, changed_at=now, changed_by=by)
        row.full_clean(validate_unique=False)
        FactorWeight.objects.update_or_create(
            factor=factor, defaults={"weight": weight, "changed_at": now, "changed_by": by}
        )


@transaction.atomic
def proposal_start(*, citizen_ids: list[int], by: User) -> ProposalRun:
    """Queue a proposal for these citizens; a worker computes it (tasks.run_proposal)."""
    from .tasks import run_proposal

    run = ProposalRun.objects.create(created_by=by, citizen_ids=sorted(citizen_ids))
    result = run_proposal.enqueue(run.pk)
    ProposalRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.task_id = str(result.id)
    return run


# A run's state, written by the worker (tasks.run_proposal), which acts for nobody: the run
# records who started it.


def proposal_progress(*, run_id: int, percent: int, step: str) -> None:
    ProposalRun.objects.filter(pk=run_id).update(
        status=RunStatus.RUNNING, progress=min(percent, 99), step=step
    )


def proposal_fail(*, run_id: int, error: str) -> None:
    ProposalRun.objects.filter(pk=run_id).update(
        status=RunStatus.FAILED, error=error, finished_at=timezone.now()
    )


@transaction.atomic
def proposal_finish(*, run_id: int, result: dict[str, Any]) -> None:
    ProposalRun.objects.filter(pk=run_id).update(
        status=RunStatus.DONE, progress=100, step="", result=result, finished_at=timezone.now()
    )
