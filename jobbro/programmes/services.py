"""Writes of programmes, cohorts and enrolments, with their rules (keyword-only, one
transaction each)."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.models import Citizen, EventKind
from jobbro.citizens.services import timeline_event_add
from jobbro.core.locking import save_versioned
from jobbro.practices.models import Practice

from .models import (
    Activity,
    Actor,
    ChangeAction,
    Cohort,
    Criterion,
    EndReason,
    Enrolment,
    Programme,
    ProgrammeChange,
)


def cohort_places_taken(cohort: Cohort, day: dt.date) -> int:
    """How many of the cohort's places are taken from `day` on: its enrolments not ended
    before that day (a later start holds its place already)."""
    return cohort.enrolments.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day)).count()


def _note(citizen_id: int, text: str, by: User | None) -> None:
    timeline_event_add(citizen_id=citizen_id, kind=EventKind.NOTE, text=text, by=by)


@transaction.atomic
def enrolment_create(
    *,
    citizen: Citizen,
    programme: Programme,
    starts_on: dt.date,
    by: User | None,
    cohort: Cohort | None = None,
    unmet: Sequence[str] = (),
) -> Enrolment:
    """Enrol a citizen from `starts_on` (the handover date). A cohort's capacity holds: the
    cohort's row is locked while its places are counted, so two enrolments at once cannot
    both take the last place."""
    if cohort is not None:
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if cohort_places_taken(cohort, max(starts_on, cohort.starts_on)) >= cohort.capacity:
            raise ValidationError(
                _("Holdet %(cohort)s er fuldt: alle %(n)d pladser er optaget.")
                % {"cohort": cohort.name, "n": cohort.capacity},
                code="full",
            )
    enrolment = Enrolment(
        citizen=citizen, programme=programme, cohort=cohort, starts_on=starts_on, created_by=by
    )
    enrolment.full_clean()
    enrolment.save()
    text = _("Indskrevet i %(p)s") % {"p": programme.name}
    if cohort is not None:
        text += f" ({cohort.name})"
    if unmet:
        text += ". " + _("Kriterier ikke opfyldt: %(c)s") % {"c": "; ".join(unmet)}
    _note(citizen.pk, text, by)
    return enrolment


@transaction.atomic
def enrolment_end(
    *, enrolment: Enrolment, ends_on: dt.date, reason: str, note: str = "", by: User
) -> Enrolment:
    """End an enrolment on `ends_on` with its reason."""
    if Enrolment.objects.filter(pk=enrolment.pk, ends_on__isnull=False).exists():
        raise ValidationError(_("Indskrivningen er allerede afsluttet."), code="ended")
    if reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Vælg en afslutningsårsag.")}, code="reason")
    enrolment.ends_on = ends_on
    enrolment.end_reason = reason
    enrolment.end_note = note
    enrolment.version += 1
    enrolment.full_clean()
    enrolment.save()
    _note(
        enrolment.citizen_id,
        _("Udskrevet af %(p)s: %(r)s")
        % {"p": enrolment.programme.name, "r": EndReason(reason).label},
        by,
    )
    return enrolment


def _set_criteria(programme: Programme, criteria: Sequence[str]) -> None:
    programme.criteria.all().delete()
    Criterion.objects.bulk_create(
        Criterion(programme=programme, position=n, text=text) for n, text in enumerate(criteria, 1)
    )


Rows = Sequence[tuple[str, str]]


def _set_rows(programme: Programme, activities: Rows | None, actors: Rows | None) -> None:
    """Replace the activities and actors (numbered in order) when given."""
    if activities is not None:
        programme.activities.all().delete()
        Activity.objects.bulk_create(
            Activity(programme=programme, number=n, title=title, description=text)
            for n, (title, text) in enumerate(activities, 1)
        )
    if actors is not None:
        programme.actors.all().delete()
        Actor.objects.bulk_create(
            Actor(programme=programme, number=n, role=role, task=task)
            for n, (role, task) in enumerate(actors, 1)
        )


def _set_description_rows(
    programme: Programme,
    criteria: Sequence[str],
    activities: Rows | None,
    actors: Rows | None,
    practices: Sequence[Practice] | None,
) -> None:
    """The description's rows: criteria, activities, actors, and the practices it builds on
    (None: left as they are)."""
    _set_criteria(programme, criteria)
    _set_rows(programme, activities, actors)
    if practices is not None:
        programme.practices.set(practices)


@transaction.atomic
def programme_create(
    *,
    programme: Programme,
    criteria: Sequence[str],
    by: User,
    activities: Rows | None = None,
    actors: Rows | None = None,
    practices: Sequence[Practice] | None = None,
) -> Programme:
    programme.full_clean()
    programme.save()
    _set_description_rows(programme, criteria, activities, actors, practices)
    _log_change(
        programme=programme,
        part="description",
        row_id=None,
        action=ChangeAction.CREATE,
        before={},
        after={"name": programme.name},
        by=by,
    )
    return programme


@transaction.atomic
def programme_change(
    *,
    programme: Programme,
    criteria: Sequence[str],
    version: int | None,
    fields: Sequence[str],
    by: User,
    activities: Rows | None = None,
    actors: Rows | None = None,
    practices: Sequence[Practice] | None = None,
) -> Programme:
    """Save an edited description, its criteria, activities, actors and the practices it
    builds on, unless someone else saved it since `version` was read (then nothing is
    written: StaleError)."""
    programme.full_clean()
    before = Programme.objects.filter(pk=programme.pk).first()
    old_practices = _practice_numbers(programme)
    save_versioned(programme, version=version, fields=fields, what=_("Indsatsen"))
    _set_description_rows(programme, criteria, activities, actors, practices)
    _log_change(
        programme=programme,
        part="description",
        row_id=None,
        action=ChangeAction.CHANGE,
        before={**(_values(before, fields) if before else {}), "practices": old_practices},
        after={**_values(programme, fields), "practices": _practice_numbers(programme)},
        by=by,
    )
    return programme


@transaction.atomic
def cohort_create(*, cohort: Cohort, teachers: Sequence[User], by: User) -> Cohort:
    cohort.full_clean()
    cohort.save()
    cohort.teachers.set(teachers)
    return cohort


@transaction.atomic
def cohort_change(
    *, cohort: Cohort, teachers: Sequence[User], version: int | None, by: User
) -> Cohort:
    """Save an edited cohort. Its capacity may not fall below the places already taken."""
    taken = cohort_places_taken(cohort, max(cohort.starts_on, timezone.localdate()))
    if cohort.capacity < taken:
        raise ValidationError(
            {"capacity": _("Der er allerede %(n)d deltagere på holdet.") % {"n": taken}},
            code="capacity",
        )
    cohort.full_clean()
    save_versioned(cohort, version=version, what=_("Holdet"))
    cohort.teachers.set(teachers)
    return cohort


def _practice_numbers(programme: Programme) -> str:
    return ", ".join(
        str(n) for n in programme.practices.order_by("number").values_list("number", flat=True)
    )


def _values(row: models.Model, names: Sequence[str]) -> dict[str, str]:
    """The row's fields as text, for the change log (a foreign key by its id)."""
    out = {}
    for name in names:
        field = row._meta.get_field(name)
        value = getattr(row, getattr(field, "attname", name))
        out[name] = "" if value is None else str(value)
    return out


def _log_change(
    *,
    programme: Programme,
    part: str,
    row_id: int | None,
    action: str,
    before: dict[str, str],
    after: dict[str, str],
    by: User,
) -> None:
    changes = {
        name: [before.get(name, ""), after.get(name, "")]
        for name in sorted(set(before) | set(after))
        if before.get(name, "") != after.get(name, "")
    }
    if action == ChangeAction.CHANGE and not changes:
        return
    ProgrammeChange.objects.create(
        programme=programme, by=by, part=part, row_id=row_id, action=action, changes=changes
    )


def _row_fields(row: models.Model) -> list[str]:
    return [
        f.name
        for f in row._meta.concrete_fields
        if not f.primary_key and f.name not in ("programme", "position")
    ]


@transaction.atomic
def programme_part_save(
    *, programme: Programme, row: models.Model, version: int | None, by: User
) -> models.Model:
    """Add or change one row of the description (a change track, cost line, observation,
    module or event). The description is one document: the programme's version guards it,
    so a row saved from a page read before someone else's change is refused (StaleError)
    and nothing is written. The change is logged with the old and new values."""
    save_versioned(programme, version=version, fields=(), what=_("Indsatsen"))
    row.programme = programme  # type: ignore[attr-defined]
    names = _row_fields(row)
    old = type(row)._default_manager.filter(pk=row.pk).first() if row.pk else None
    if hasattr(row, "position") and not row.pk:
        last = (
            type(row)
            ._default_manager.filter(programme=programme)
            .aggregate(n=models.Max("position"))["n"]
        )
        row.position = (last or 0) + 1
    row.full_clean()
    row.save()
    _log_change(
        programme=programme,
        part=row._meta.model_name or "",
        row_id=row.pk,
        action=ChangeAction.CHANGE if old else ChangeAction.CREATE,
        before=_values(old, names) if old else {},
        after=_values(row, names),
        by=by,
    )
    return row


@transaction.atomic
def programme_part_delete(
    *, programme: Programme, row: models.Model, version: int | None, by: User
) -> None:
    """Remove one row of the description, guarded and logged as `programme_part_save`."""
    save_versioned(programme, version=version, fields=(), what=_("Indsatsen"))
    names = _row_fields(row)
    before = _values(row, names)
    row_id = row.pk
    row.delete()
    _log_change(
        programme=programme,
        part=row._meta.model_name or "",
        row_id=row_id,
        action=ChangeAction.DELETE,
        before=before,
        after={},
        by=by,
    )
