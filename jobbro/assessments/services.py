"""Writes of the progression tool: scores, assessments and new instrument versions."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen
from jobbro.core.locking import save_versioned
from jobbro.placements.models import Placement

from .models import (
    SERIES_BACK,
    Area,
    Assessment,
    EntryChannel,
    Instrument,
    InstrumentVersion,
    Item,
    ProgressionSeries,
    Rater,
    RaterKind,
    Rating,
    ScaleStep,
    Score,
)

SERIES_BACK_RANGE = range(1, SERIES_BACK + 1)

# Who may enter which rater's scores. The offer site (the workplace) has no login yet, so
# staff who follow the workplace enter its scores on its behalf; the citizen's own scores
# come only from the self-scoring page, handed over by a member of staff.
STAFF_FILLS: dict[str, tuple[Role, ...]] = {
    RaterKind.ADVISOR: (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
    RaterKind.OFFER_SITE: (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
}
# Who may hand the phone over for the citizen's own scoring.
SELF_SCORING_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT)
# Who works with assessments at all (create, view, enter).
ASSESSMENT_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT)


def may_fill(user: User, kind: str, channel: str = EntryChannel.STAFF) -> bool:
    if kind == RaterKind.CITIZEN:
        return channel == EntryChannel.SELF and user.role in SELF_SCORING_ROLES
    return channel == EntryChannel.STAFF and user.role in STAFF_FILLS.get(kind, ())


def assessment_create(
    *,
    citizen: Citizen,
    version: InstrumentVersion,
    assessed_on: dt.date,
    by: User,
    placement: Placement | None = None,
) -> Assessment:
    if placement is not None and placement.citizen_id != citizen.pk:
        raise ValidationError(_("Forløbet hører ikke til borgeren."))
    if assessed_on > timezone.localdate():
        raise ValidationError(_("Datoen for målingen kan ikke ligge i fremtiden."))
    return Assessment.objects.create(
        citizen=citizen,
        version=version,
        assessed_on=assessed_on,
        placement=placement,
        created_by=by,
    )


@transaction.atomic
def rating_save(
    *,
    assessment: Assessment,
    kind: str,
    scores: dict[int, tuple[int | None, str]],
    by: User,
    channel: str = EntryChannel.STAFF,
    replace: bool = True,
) -> Rating | None:
    """Save one rater's scores: {item id: (value or None, comment)}.

    Everything is checked before anything is written: a rater the user may not fill, an
    item not in the assessment's version or a value outside its scale refuses the whole
    save with a Danish message. `replace` makes the given scores the rater's only ones (the
    grid sends them all); otherwise they are added to what is there (one item at a time).
    """
    rater = Rater.objects.filter(version=assessment.version_id, kind=kind).first()
    if rater is None:
        raise ValidationError(_("Værktøjet har ikke denne bedømmer."))
    if not may_fill(by, kind, channel):
        if kind == RaterKind.CITIZEN:
            raise ValidationError(
                _("Borgerens egen score indtastes af borgeren selv på selvvurderingssiden.")
            )
        raise ValidationError(
            _("Din rolle må ikke indtaste scores for “%(rater)s”.") % {"rater": rater.shown}
        )
    items = {i.pk: i for i in Item.objects.filter(version=assessment.version_id)}
    steps = set(
        ScaleStep.objects.filter(version=assessment.version_id).values_list("value", flat=True)
    )
    low, high = min(steps), max(steps)
    clean: dict[int, tuple[int, str]] = {}
    for item_id, (value, comment) in scores.items():
        if item_id not in items:
            raise ValidationError(_("Punktet findes ikke i værktøjet."))
        if value is None:
            if comment:
                raise ValidationError(
                    _("“%(item)s”: en kommentar kræver en score.") % {"item": items[item_id].text}
                )
            continue
        if value not in steps:
            raise ValidationError(
                _("“%(item)s”: scoren skal være et helt tal fra %(low)s til %(high)s.")
                % {"item": items[item_id].text, "low": low, "high": high}
            )
        clean[item_id] = (value, (comment or "").strip()[:500])
    rating = Rating.objects.filter(assessment=assessment, rater=rater).first()
    if not clean and (rating is None or replace):
        if rating is not None:
            rating.delete()
            _refresh_mean(assessment)
        return None
    if rating is None:
        rating = Rating.objects.create(
            assessment=assessment, rater=rater, entered_by=by, channel=channel
        )
    else:
        rating.entered_by, rating.entered_at, rating.channel = by, timezone.now(), channel
        rating.save(update_fields=["entered_by", "entered_at", "channel"])
    if replace:
        rating.scores.all().delete()
    else:
        rating.scores.filter(item_id__in=clean).delete()
    Score.objects.bulk_create(
        Score(rating=rating, item_id=item_id, value=value, comment=comment)
        for item_id, (value, comment) in clean.items()
    )
    _refresh_mean(assessment)
    return rating


def _unchanged(
    assessment: Assessment, kind: str, posted: dict[int, tuple[int | None, str]]
) -> bool:
    before = {
        item: (value, comment)
        for item, value, comment in Score.objects.filter(
            rating__assessment=assessment, rating__rater__kind=kind
        ).values_list("item_id", "value", "comment")
    }
    after = {k: (v, c.strip()) for k, (v, c) in posted.items() if v is not None or c.strip()}
    return before == after


@transaction.atomic
def assessment_scores_save(
    *,
    assessment: Assessment,
    version: int | None,
    scores: dict[str, dict[int, tuple[int | None, str]]],
    next_steps: str,
    by: User,
) -> None:
    """Save the grid: every rater's scores {kind: {item id: (value or None, comment)}} and
    the agreed next steps, all or nothing.

    A rater this user may fill whose scores did not change keeps who entered them. Scores
    posted for a rater the user may not fill are refused (by rating_save), unless empty.
    `version` is the assessment's `edit_version` the grid was read at: if someone else saved
    the grid since, `StaleError` and nothing is written (jobbro.core.locking).
    """
    # First, so a grid read before someone else's save writes nothing.
    assessment.next_steps = next_steps
    save_versioned(assessment, version=version, fields=["next_steps"], what=_("Målingen"))
    kinds = list(assessment.version.raters.values_list("kind", flat=True))
    for kind in kinds:
        posted = scores.get(kind, {})
        if may_fill(by, kind):
            if _unchanged(assessment, kind, posted):
                continue  # keep who entered it: nobody changed this rater
        elif not any(v is not None or c for v, c in posted.values()):
            continue
        rating_save(assessment=assessment, kind=kind, scores=posted, by=by)
    for kind in set(scores) - set(kinds):
        if any(v is not None or c for v, c in scores[kind].values()):
            rating_save(assessment=assessment, kind=kind, scores=scores[kind], by=by)


def _refresh_mean(assessment: Assessment) -> None:
    mean = Score.objects.filter(rating__assessment=assessment).aggregate(m=Avg("value"))["m"]
    assessment.mean = None if mean is None else float(mean)
    assessment.save(update_fields=["mean"])
    series_refresh(citizen_id=assessment.citizen_id, instrument_id=assessment.version.instrument_id)


def series_summary(points: list[tuple[int, float]]) -> dict[str, Any]:
    """The stored fields of a series from its scored assessments [(id, mean)], oldest first."""
    back = {f"back{n}": points[-1 - n][1] if len(points) > n else None for n in SERIES_BACK_RANGE}
    return {
        "scored": len(points),
        "first_mean": points[0][1],
        "latest_mean": points[-1][1],
        "latest_id": points[-1][0],
        **back,
    }


def series_refresh(*, citizen_id: int, instrument_id: int) -> None:
    """Bring one citizen's series with one instrument up to date (or remove it when nothing
    in it is scored any more)."""
    points = [
        (pk, mean)
        for pk, mean in Assessment.objects.filter(
            citizen_id=citizen_id, version__instrument_id=instrument_id, mean__isnull=False
        )
        .order_by("assessed_on", "pk")
        .values_list("pk", "mean")
        if mean is not None
    ]
    if not points:
        ProgressionSeries.objects.filter(
            citizen_id=citizen_id, instrument_id=instrument_id
        ).delete()
        return
    ProgressionSeries.objects.update_or_create(
        citizen_id=citizen_id, instrument_id=instrument_id, defaults=series_summary(points)
    )


def series_rebuild(assessments: QuerySet[Assessment] | None = None) -> int:
    """Recompute every series of the given assessments' citizens in bulk (the demo builder,
    the data migration): one pass over the scored assessments, one bulk insert."""
    if assessments is None:
        assessments = Assessment.objects.all()
    citizens = assessments.values("citizen_id")
    ProgressionSeries.objects.filter(citizen_id__in=citizens).delete()
    rows = (
        Assessment.objects.filter(citizen_id__in=citizens, mean__isnull=False)
        .order_by("citizen_id", "version__instrument_id", "assessed_on", "pk")
        .values_list("citizen_id", "version__instrument_id", "pk", "mean")
    )
    series: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for citizen_id, instrument_id, pk, mean in rows.iterator(chunk_size=5000):
        if mean is not None:
            series.setdefault((citizen_id, instrument_id), []).append((pk, mean))
    ProgressionSeries.objects.bulk_create(
        (
            ProgressionSeries(citizen_id=c, instrument_id=i, **series_summary(points))
            for (c, i), points in series.items()
        ),
        batch_size=2000,
    )
    return len(series)


@dataclass
class ItemSpec:
    text: str
    translations: dict[str, str]
    area: str = ""


@dataclass
class StepSpec:
    value: int
    label: str
    translations: dict[str, str]


def _content(version: InstrumentVersion) -> tuple[object, ...]:
    items = [
        (i.text, tuple(sorted(i.translations.items())), i.area.name if i.area else "")
        for i in version.items.select_related("area")
    ]
    steps = [(s.value, s.label, tuple(sorted(s.translations.items()))) for s in version.steps.all()]
    raters = [(r.kind, r.label) for r in version.raters.all()]
    return version.description, items, steps, raters


@transaction.atomic
def instrument_version_create(
    *,
    instrument: Instrument,
    description: str,
    items: list[ItemSpec],
    steps: list[StepSpec],
    raters: list[tuple[str, str]],
    by: User,
) -> InstrumentVersion | None:
    """A new version of the instrument, or None when nothing changed.

    Old versions are left as they are, so assessments made with them keep their items.
    Translations (and the citizen's own wording) of an item whose Danish text is unchanged,
    and of a rater whose heading is unchanged, are carried over, so languages added as data
    survive an edit.
    """
    if not items:
        raise ValidationError(_("Værktøjet skal have mindst ét punkt."))
    if len(steps) < 2:
        raise ValidationError(_("Skalaen skal have mindst to trin."))
    if len({s.value for s in steps}) != len(steps):
        raise ValidationError(_("Hvert trin på skalaen skal have sin egen værdi."))
    if any(not 0 <= s.value <= 10 for s in steps):
        raise ValidationError(_("Skalaens trin skal ligge fra 0 til 10."))
    if not raters:
        raise ValidationError(_("Vælg mindst én bedømmer."))
    current = instrument.current
    own: dict[str, dict[str, str]] = {}  # the citizen's own wordings, by Danish text
    heading: dict[tuple[str, str], dict[str, str]] = {}  # raters' translations, by kind and label
    if current is not None:
        known = {i.text: i.translations for i in current.items.all()}
        own = {i.text: i.self_texts for i in current.items.all()}
        heading = {(r.kind, r.label): r.translations for r in current.raters.all()}
        for spec in items:
            spec.translations = {**known.get(spec.text, {}), **spec.translations}
    new = (
        description,
        [(i.text, tuple(sorted(i.translations.items())), i.area) for i in items],
        [
            (s.value, s.label, tuple(sorted(s.translations.items())))
            for s in sorted(steps, key=lambda s: s.value)
        ],
        list(raters),
    )
    if current is not None and _content(current) == new:
        return None
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=(current.number + 1) if current else 1,
        description=description,
        created_by=by,
    )
    areas: dict[str, Area] = {}
    for spec in items:
        if spec.area and spec.area not in areas:
            areas[spec.area] = Area.objects.create(
                version=version, position=len(areas) + 1, name=spec.area
            )
    Item.objects.bulk_create(
        Item(
            version=version,
            position=n,
            text=spec.text,
            translations=spec.translations,
            self_texts=own.get(spec.text, {}),
            area=areas.get(spec.area),
        )
        for n, spec in enumerate(items, start=1)
    )
    ScaleStep.objects.bulk_create(
        ScaleStep(version=version, value=s.value, label=s.label, translations=s.translations)
        for s in sorted(steps, key=lambda s: s.value)
    )
    Rater.objects.bulk_create(
        Rater(
            version=version,
            kind=kind,
            label=label,
            translations=heading.get((kind, label), {}),
            position=n,
        )
        for n, (kind, label) in enumerate(raters, start=1)
    )
    return version


@transaction.atomic
def instrument_save(
    *,
    instrument: Instrument | None,
    version: int | None = None,
    name: str,
    active: bool,
    description: str,
    items: list[ItemSpec],
    steps: list[StepSpec],
    raters: list[tuple[str, str]],
    by: User,
) -> tuple[Instrument, InstrumentVersion | None]:
    """Create an instrument (instrument None) or change one: its name and whether it is in
    use, and a new version when its content changed (None when it did not).

    `version` is the instrument's version (its lock, not its content's number) the editor
    was read at: if someone else saved since, `StaleError` and nothing is written.
    """
    if instrument is None:
        instrument = Instrument(name=name, active=active)
        instrument.full_clean()
        instrument.save()
    else:
        instrument.name, instrument.active = name, active
        instrument.full_clean()
        save_versioned(instrument, version=version, fields=["name", "active"], what=_("Værktøjet"))
    new_version = instrument_version_create(
        instrument=instrument,
        description=description.strip(),
        items=items,
        steps=steps,
        raters=raters,
        by=by,
    )
    return instrument, new_version
