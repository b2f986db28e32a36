"""Importing a checked file: every row or none, through the services that write by hand."""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens import services as citizen_services
from jobbro.citizens.models import Citizen
from jobbro.law import services as law_services
from jobbro.placements import services as placement_services

from . import rows as importrows
from .models import BatchState, ImportBatch


def batch_create(*, by: User, rows: list[dict[str, str]]) -> ImportBatch:
    """Keep an uploaded file's rows (encrypted) for its preview."""
    return ImportBatch.objects.create(
        created_by=by, rows=json.dumps(rows, ensure_ascii=False), row_count=len(rows)
    )


def batch_rows(batch: ImportBatch) -> list[dict[str, str]]:
    if batch.state != BatchState.PREVIEW or not batch.rows:
        return []
    rows: list[dict[str, str]] = json.loads(batch.rows)
    return rows


def _finish(batch: ImportBatch, state: str, created: int = 0, skipped: int = 0) -> None:
    # The rows held CPR numbers and names: once done with, only the counts remain.
    ImportBatch.objects.filter(pk=batch.pk).update(
        state=state, rows="", created_count=created, skipped_count=skipped,
        finished_at=timezone.now(),
    )  # fmt: skip
    batch.refresh_from_db()


@transaction.atomic
def batch_import(*, batch: ImportBatch, by: User) -> list[Citizen]:
    """Create every new citizen of the batch with their languages, benefit and current
    placement, or nothing: a row with an error refuses the whole import (ValidationError),
    and a failure half-way rolls every row back. Duplicates by CPR are skipped."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.state != BatchState.PREVIEW or locked.created_by_id != by.pk:
        raise ValidationError(_("Importen er allerede gennemført eller kasseret."))
    results = importrows.check_all(batch_rows(locked), by=by)
    failing = [r for r in results if r.errors]
    if failing:
        raise ValidationError(
            _("%(n)s rækker har fejl. Ret filen og indlæs den igen; intet er importeret.")
            % {"n": len(failing)}
        )
    created = []
    for r in results:
        if not r.ok:
            continue
        citizen = citizen_services.citizen_create(by=by, **r.citizen_fields)
        if r.languages:  # distinct codes (rows.py), so the unique constraint holds
            citizen_services.citizen_languages_add(citizen=citizen, by=by, languages=r.languages)
        if r.benefit:
            law_services.benefit_period_add(citizen=citizen, by=by, **r.benefit)
        if r.placement:
            placement_services.placement_create(citizen=citizen, by=by, **r.placement)
        created.append(citizen)
    _finish(locked, BatchState.IMPORTED, len(created), len(results) - len(created))
    return created


@transaction.atomic
def batch_discard(*, batch: ImportBatch, by: User) -> None:
    if batch.state == BatchState.PREVIEW and batch.created_by_id == by.pk:
        _finish(batch, BatchState.DISCARDED)
