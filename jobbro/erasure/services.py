"""What is due under the retention rules, and the decisions that act on it.

Nothing is deleted or anonymised except by `erasure_decide(approve=True)`, which an
administrator calls from /sletning/ for one item; the work runs in the same transaction as
the decision, so there is a decision for everything done and nothing done without one.
`retention_list` (the monthly `jobbro retention`) only finds and records what is due.

Anonymising a closed case keeps the rows that reports count (the citizen with gender,
birth year, nationality, arrival, settlement and status history; placements with kinds and
dates) and removes what identifies the person or says something about them in words: name,
CPR number (its hash too), contact details, every free text on the case file and on the
rows that hang off it (placements, plans, follow-ups, conversations, retention plans,
assessments' notes, journal), the timeline and the stated-reason grants. Other apps add
what free text cannot say (files on disk) with `register`.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ForeignObjectRel
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.audit.models import AccessLogEntry
from jobbro.citizens.models import AccessGrant, Citizen, TimelineEvent
from jobbro.citizens.status import CaseStatus, ClosingReason, StatusPeriod, covering
from jobbro.lib.dates import add_years

from .models import DataKind, Decision, ErasureDecision, RetentionAction, RetentionRule

# A refused item comes up again after this long (a legal hold is looked at again yearly).
ASK_AGAIN_AFTER = dt.timedelta(days=365)
ANONYMISED_NAME = "Anonymiseret"

# Extra work for an anonymised case that free text does not cover (e.g. attachments' files):
# each callable gets the citizen's id and returns {"what": rows}.
_EXTRA: list[Callable[[int], dict[str, int]]] = []


def register(step: Callable[[int], dict[str, int]]) -> Callable[[int], dict[str, int]]:
    _EXTRA.append(step)
    return step


@dataclass(frozen=True)
class Due:
    rule: RetentionRule
    citizen_id: int | None
    due_since: dt.date


def _closed_due(rule: RetentionRule, today: dt.date) -> list[Due]:
    """Cases closed today whose closing lies `years` back or more."""
    cutoff = add_years(today, -rule.years)
    closing = covering(today).filter(status=CaseStatus.CLOSED)
    rows = (
        Citizen.objects.closed_cases(today)
        .annotate(closed_on=models.Subquery(closing.values("starts_on")[:1]))
        .filter(closed_on__lte=cutoff)
        .exclude(cpr_hash__startswith="anonymiseret-")
        .order_by("closed_on", "pk")
        .values_list("pk", "closed_on")
    )
    return [Due(rule, pk, add_years(closed_on, rule.years)) for pk, closed_on in rows]


def due_items(today: dt.date | None = None) -> list[Due]:
    """Everything due under the rules today, whether or not it is recorded yet."""
    today = today or timezone.localdate()
    found: list[Due] = []
    for rule in RetentionRule.objects.all():
        if rule.kind == DataKind.CASE_FILE:
            found += _closed_due(rule, today)
        elif rule.kind == DataKind.ACCESS_GRANT:
            cutoff = timezone.make_aware(
                dt.datetime.combine(add_years(today, -rule.years), dt.time())
            )
            oldest = AccessGrant.objects.filter(expires_at__lt=cutoff).order_by("expires_at")
            first = oldest.values_list("expires_at", flat=True).first()
            if first is not None:
                found.append(
                    Due(rule, None, add_years(timezone.localtime(first).date(), rule.years))
                )
    return found


def _already_decided(due: Due, now: dt.datetime) -> bool:
    """Pending already; a case anonymised already; or refused within the last year."""
    decisions = ErasureDecision.objects.filter(rule=due.rule, citizen_id=due.citizen_id)
    if decisions.filter(state=Decision.PENDING).exists():
        return True
    if due.citizen_id is not None and decisions.filter(state=Decision.APPROVED).exists():
        return True
    return decisions.filter(state=Decision.REFUSED, decided_at__gt=now - ASK_AGAIN_AFTER).exists()


@transaction.atomic
def retention_list(*, today: dt.date | None = None) -> list[ErasureDecision]:
    """Record each newly due item as a pending decision; returns every pending one."""
    now = timezone.now()
    for due in due_items(today):
        if not _already_decided(due, now):
            ErasureDecision.objects.create(
                rule=due.rule, citizen_id=due.citizen_id, due_since=due.due_since, listed_at=now
            )
    return list(ErasureDecision.objects.filter(state=Decision.PENDING).select_related("rule"))


def access_log_due(today: dt.date | None = None) -> tuple[int, tuple[int, str] | None]:
    """Access-log rows older than the log's own rule, and the checkpoint (id and hash of the
    newest of them) from which the rest of the chain verifies once they are removed."""
    rule = RetentionRule.objects.filter(kind=DataKind.ACCESS_LOG).first()
    if rule is None:
        return 0, None
    cutoff = timezone.make_aware(
        dt.datetime.combine(add_years(today or timezone.localdate(), -rule.years), dt.time())
    )
    old = AccessLogEntry.objects.filter(at__lt=cutoff)
    last = old.order_by("-pk").values_list("pk", "chain_hash").first()
    return old.count(), last


@transaction.atomic
def erasure_decide(
    *, decision: ErasureDecision, by: User, approve: bool, note: str = ""
) -> ErasureDecision:
    """Approve (and so carry out) or refuse one pending item. A refusal needs its reason."""
    decision = (
        ErasureDecision.objects.select_for_update().select_related("rule").get(pk=decision.pk)
    )
    if decision.state != Decision.PENDING:
        raise ValidationError(_("Punktet er allerede afgjort."), code="decided")
    if not approve and not note.strip():
        raise ValidationError({"note": _("Skriv hvorfor sletningen afvises.")}, code="note")
    decision.state = Decision.APPROVED if approve else Decision.REFUSED
    decision.decided_by, decision.decided_at, decision.note = by, timezone.now(), note
    if approve:
        decision.done = _carry_out(decision)
    decision.full_clean()
    decision.save()
    return decision


def _carry_out(decision: ErasureDecision) -> dict[str, int]:
    """The deletion or anonymisation itself: only for an approved decision."""
    if decision.state != Decision.APPROVED or decision.decided_by_id is None:
        raise ValidationError(_("Der slettes intet uden en godkendt afgørelse."), code="approval")
    rule = decision.rule
    if rule.kind == DataKind.CASE_FILE and decision.citizen_id is not None:
        if rule.action != RetentionAction.ANONYMISE:
            raise ValidationError("Only anonymisation of case files is implemented")
        return anonymise_case(decision.citizen_id)
    if rule.kind == DataKind.ACCESS_GRANT:
        cutoff = timezone.make_aware(
            dt.datetime.combine(add_years(timezone.localdate(), -rule.years), dt.time())
        )
        grants = AccessGrant.objects.filter(expires_at__lt=cutoff)
        return {"citizens.AccessGrant": grants.delete()[0]}
    raise ValidationError(_("Denne slags data slettes ikke af Jobbro."), code="kind")


# Anonymisation -----------------------------------------------------------------------------

# Fields kept on the citizen: what reports count, none of it identifying on its own.
CITIZEN_KEPT = {"gender", "nationality", "arrival", "benefit_type", "readiness", "youth_status"}
# Models whose rows are removed outright (their text is the point of them), or kept as they
# are (no free text about the person; handled by name below).
REMOVED = {TimelineEvent, AccessGrant}
SPECIAL = {Citizen, StatusPeriod, AccessLogEntry, ErasureDecision}


def _blank(model: type[models.Model], rows: models.QuerySet[Any]) -> int:
    """Every free-text field of these rows that holds text overwritten with "—"; an empty one
    stays empty, so the apps' rules of the kind "a text exactly when …" (a written journal
    note has one, a sanction's decision text exactly when it is decided) still hold."""
    changed = 0
    for f in model._meta.concrete_fields:
        if not isinstance(f, models.CharField | models.TextField) or f.choices or f.unique:
            continue
        if f.primary_key or f.name in ("version",):
            continue
        changed = max(changed, rows.exclude(**{f.name: ""}).update(**{f.name: "—"}))
    return changed


def _related(model: type[models.Model]) -> Iterator[tuple[Any, str]]:
    """Every model with a foreign key to this one, hidden relations (related_name "+") too."""
    for relation in model._meta.get_fields(include_hidden=True):
        if isinstance(relation, ForeignObjectRel) and (relation.one_to_many or relation.one_to_one):
            yield relation.related_model, relation.field.name


def anonymise_case(citizen_id: int) -> dict[str, int]:
    """Anonymise one closed case (see the module's docstring); returns rows per model."""
    citizen = Citizen.objects.select_for_update().get(pk=citizen_id)
    done: dict[str, int] = {}

    def walk(model: type[models.Model], rows: models.QuerySet[Any], depth: int) -> None:
        for related, field in _related(model):
            if related in SPECIAL or related._meta.app_label == "erasure":
                continue
            subset = related._default_manager.filter(**{f"{field}__in": rows})
            if related in REMOVED:
                done[related._meta.label] = done.get(related._meta.label, 0) + subset.delete()[0]
                continue
            if depth < 3:
                walk(related, subset, depth + 1)
            n = _blank(related, subset)
            if n:
                done[related._meta.label] = done.get(related._meta.label, 0) + n

    walk(Citizen, Citizen.objects.filter(pk=citizen_id), 0)
    periods = StatusPeriod.objects.filter(citizen_id=citizen_id)
    periods.exclude(closing_reason=ClosingReason.OTHER).update(note="")
    periods.filter(closing_reason=ClosingReason.OTHER).update(note=ANONYMISED_NAME)
    _anonymise_citizen(citizen)
    done["citizens.Citizen"] = 1
    for step in _EXTRA:
        done.update(step(citizen_id))
    return done


def _anonymise_citizen(citizen: Citizen) -> None:
    values: dict[str, object] = {}
    for f in Citizen._meta.concrete_fields:
        if f.name in CITIZEN_KEPT or f.primary_key:
            continue
        if isinstance(f, models.CharField | models.TextField) and not f.unique:
            values[f.name] = "" if f.blank else "—"
    values.update(
        first_name=ANONYMISED_NAME,
        last_name=f"#{citizen.pk}",
        cpr_hash=f"anonymiseret-{citizen.pk}",
        cpr="",
        birth_date=dt.date(citizen.birth_date.year, 1, 1),
        residence_permit_date=None,
        consent_given_on=None,
        mentor=None,
        updated_at=timezone.now(),
        version=models.F("version") + 1,
    )
    Citizen.objects.filter(pk=citizen.pk).update(**values)
