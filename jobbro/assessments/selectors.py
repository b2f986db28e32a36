"""Reads of the progression tool: one assessment against the previous, a citizen's curves,
the workplace's progression in a placement, and the aggregate measures.

An assessment's score for an item is the mean of the raters who scored it, and its total is
the mean over all its scores (so instruments with different numbers of items compare).
Items are matched across versions by their Danish text.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Sum
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role
from jobbro.citizens.models import unlisted
from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small
from jobbro.placements.models import PlacementKind
from jobbro.programmes.selectors import in_ambassador_project

from .models import (
    DISAGREEMENT,
    SERIES_BACK,
    Assessment,
    Instrument,
    Item,
    ProgressionSeries,
    Rater,
    RaterKind,
    Rating,
    Score,
)


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(mean(values), 2) if values else None


def _delta(new: float | None, old: float | None) -> float | None:
    if new is None or old is None:
        return None
    return round(new - old, 2)


@dataclass
class ItemRow:
    item: Item
    values: dict[str, int | None]  # rater kind -> score
    comments: dict[str, str]
    previous: dict[str, int | None]  # rater kind -> score in the previous assessment
    mean: float | None = None
    previous_mean: float | None = None
    spread: int | None = None
    disagreement: bool = False
    index: int = 0


@dataclass
class AssessmentView:
    assessment: Assessment
    previous: Assessment | None
    raters: list[Rater]
    ratings: dict[str, Rating]
    rows: list[ItemRow]
    totals: dict[str, float | None] = field(default_factory=dict)
    previous_totals: dict[str, float | None] = field(default_factory=dict)
    total: float | None = None
    previous_total: float | None = None

    @property
    def disagreements(self) -> list[ItemRow]:
        return [r for r in self.rows if r.disagreement]

    @property
    def change(self) -> float | None:
        return _delta(self.total, self.previous_total)


def previous_assessment(assessment: Assessment) -> Assessment | None:
    """The same citizen's assessment with the same instrument just before this one."""
    earlier = Assessment.objects.filter(
        citizen_id=assessment.citizen_id,
        version__instrument_id=assessment.version.instrument_id,
    ).exclude(pk=assessment.pk)
    return (
        (
            earlier.filter(assessed_on__lt=assessment.assessed_on)
            | earlier.filter(assessed_on=assessment.assessed_on, pk__lt=assessment.pk)
        )
        .order_by("-assessed_on", "-pk")
        .first()
    )


def _scores_by_text(assessment: Assessment) -> dict[str, dict[str, int]]:
    """{item text: {rater kind: value}}"""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for text, kind, value in Score.objects.filter(rating__assessment=assessment).values_list(
        "item__text", "rating__rater__kind", "value"
    ):
        out[text][kind] = value
    return out


def assessment_view(assessment: Assessment) -> AssessmentView:
    version = assessment.version
    raters = list(version.raters.all())
    kinds = [r.kind for r in raters]
    ratings = {
        r.rater.kind: r
        for r in assessment.ratings.select_related("rater", "entered_by").prefetch_related("scores")
    }
    previous = previous_assessment(assessment)
    before = _scores_by_text(previous) if previous else {}
    rows = []
    for n, item in enumerate(version.items.select_related("area"), start=1):
        values, comments = {}, {}
        for kind in kinds:
            score = (
                next((s for s in ratings[kind].scores.all() if s.item_id == item.pk), None)
                if kind in ratings
                else None
            )
            values[kind] = score.value if score else None
            comments[kind] = score.comment if score else ""
        given = [v for v in values.values() if v is not None]
        spread = max(given) - min(given) if len(given) >= 2 else None
        prev = {k: before.get(item.text, {}).get(k) for k in kinds}
        rows.append(
            ItemRow(
                item=item,
                values=values,
                comments=comments,
                previous=prev,
                mean=_mean(given),
                previous_mean=_mean(prev.values()),
                spread=spread,
                disagreement=spread is not None and spread >= DISAGREEMENT,
                index=n,
            )
        )
    view = AssessmentView(assessment, previous, raters, ratings, rows)
    view.totals = {k: _mean(r.values[k] for r in rows) for k in kinds}
    view.previous_totals = {k: _mean(r.previous[k] for r in rows) for k in kinds}
    view.total = _mean(v for r in rows for v in r.values.values())
    view.previous_total = _mean(v for r in rows for v in r.previous.values())
    return view


@dataclass
class Series:
    """One instrument's assessments of one citizen over time."""

    instrument_name: str
    assessments: list[Assessment]
    raters: list[Rater]  # of the newest version
    items: list[str]  # Danish texts, of the newest version
    # item text -> [{kind: value} per assessment]
    by_item: dict[str, list[dict[str, int]]]
    totals: list[float | None]  # per assessment
    rater_totals: list[dict[str, float | None]]
    shown: dict[str, str] = field(default_factory=dict)  # item text -> in the page's language

    def item_means(self, text: str) -> list[float | None]:
        return [_mean(v.values()) for v in self.by_item.get(text, [])]

    @property
    def measures(self) -> list[dict]:
        """Per item: first, previous, latest mean and the change since first and previous."""
        out = []
        for text in self.items:
            means = self.item_means(text)
            out.append(_measure(text, means))
        out.append(_measure(None, self.totals))
        return out


def _measure(text, means) -> dict:
    known = [m for m in means if m is not None]
    first = known[0] if known else None
    latest = means[-1] if means else None
    previous = means[-2] if len(means) >= 2 else None
    return {
        "text": text,
        "first": first,
        "previous": previous,
        "latest": latest,
        "since_first": _delta(latest, first) if len(known) >= 2 else None,
        "since_previous": _delta(latest, previous),
    }


def citizen_series(citizen, visible=None) -> list[Series]:
    """One Series per instrument the citizen has been assessed with, newest version's items.
    `visible`: the assessments the user may see (assessments/access.py: assessments_of)."""
    if visible is None:
        visible = Assessment.objects.filter(citizen=citizen)
    assessments = list(
        visible.select_related("version__instrument", "placement").order_by("assessed_on", "pk")
    )
    scores: defaultdict[int, defaultdict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for aid, text, kind, value in Score.objects.filter(rating__assessment__in=visible).values_list(
        "rating__assessment_id", "item__text", "rating__rater__kind", "value"
    ):
        scores[aid][text][kind] = value
    by_instrument: dict[int, list[Assessment]] = defaultdict(list)
    for a in assessments:
        by_instrument[a.version.instrument_id].append(a)
    out = []
    for group in by_instrument.values():
        newest = max(group, key=lambda a: a.version.number).version
        raters = list(newest.raters.all())
        item_rows = list(newest.items.all())
        items = [i.text for i in item_rows]
        by_item = {t: [dict(scores[a.pk].get(t, {})) for a in group] for t in items}
        totals = [_mean(v for t in scores[a.pk].values() for v in t.values()) for a in group]
        rater_totals = [
            {r.kind: _mean(t.get(r.kind) for t in scores[a.pk].values()) for r in raters}
            for a in group
        ]
        out.append(
            Series(
                newest.instrument.name,
                group,
                raters,
                items,
                by_item,
                totals,
                rater_totals,
                {i.text: i.shown for i in item_rows},
            )
        )
    return out


@dataclass
class WorkplaceProgression:
    placement: object
    points: list[tuple[Assessment, float]]  # the offer site's mean score, oldest first

    @property
    def change(self) -> float | None:
        if len(self.points) < 2:
            return None
        return _delta(self.points[-1][1], self.points[0][1])


def workplace_progression(placement) -> WorkplaceProgression:
    """The offer site's (the workplace's) score since the placement started (seed 002:
    Nordfyns uses it to argue when tasks should become paid hours)."""
    ratings = (
        Rating.objects.filter(
            rater__kind=RaterKind.OFFER_SITE,
            assessment__citizen_id=placement.citizen_id,
            assessment__assessed_on__gte=placement.starts_on,
        )
        .filter(Q(assessment__placement=placement) | Q(assessment__placement__isnull=True))
        .select_related("assessment__version__instrument")
        .annotate(avg=Avg("scores__value"))
        .order_by("assessment__assessed_on", "assessment_id")
    )
    if placement.ends_on:
        ratings = ratings.filter(assessment__assessed_on__lte=placement.ends_on)
    return WorkplaceProgression(
        placement, [(r.assessment, round(r.avg, 2)) for r in ratings if r.avg is not None]
    )


def assessment_means(assessments) -> list[tuple[int, int, int, dt.date, float]]:
    """(citizen id, instrument id, assessment id, date, mean) for each scored assessment, in
    one query, oldest first."""
    rows = (
        assessments.filter(mean__isnull=False)
        .order_by("citizen_id", "version__instrument_id", "assessed_on", "pk")
        .values_list("citizen_id", "version__instrument_id", "pk", "assessed_on", "mean")
    )
    return list(rows)


def series_means(assessments) -> dict[tuple[int, int], list[tuple[int, dt.date, float]]]:
    """Each citizen's series with each instrument:
    {(citizen id, instrument id): [(assessment id, date, mean), ...]} oldest first."""
    out: dict[tuple[int, int], list] = defaultdict(list)
    for c, i, a, d, m in assessment_means(assessments):
        out[(c, i)].append((a, d, m))
    return out


def stalled(assessments, last: int) -> list[tuple[int, int, list[float]]]:
    """(citizen id, instrument id, means) of those whose last `last` assessments show no rise:
    the newest mean is not above the one `last - 1` assessments before it."""
    out = []
    for (c, i), points in series_means(assessments).items():
        if len(points) < last:
            continue
        window = [m for _a, _d, m in points[-last:]]
        if window[-1] <= window[0]:
            out.append((c, i, window))
    return out


@dataclass
class GroupMeasure:
    label: str | None
    people: int
    rose: int
    rose_enough: int
    mean_change: float

    @property
    def share_rose(self) -> float:
        return self.rose / self.people if self.people else 0

    @property
    def share_enough(self) -> float:
        return self.rose_enough / self.people if self.people else 0


def group_measures(rows, threshold: float, smallest: int = SMALLEST_GROUP) -> list[GroupMeasure]:
    """rows: (group label, first mean, latest mean) per person. Groups under `smallest`
    people are folded into one row, so a measure cannot point to a person."""
    groups: dict[str, list[float]] = defaultdict(list)
    for label, first, latest in rows:
        groups[label].append(latest - first)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    shown, rest = fold_small_groups(ordered, size=len, smallest=smallest)
    measures = [_measure_group(label, changes, threshold) for label, changes in shown]
    folded = [c for changes in rest for c in changes]
    if folded and is_small(len(folded), smallest):
        measures.append(GroupMeasure(None, len(folded), 0, 0, 0.0))
    elif folded:
        measures.append(_measure_group(None, folded, threshold))
    return measures


def _measure_group(label, changes, threshold) -> GroupMeasure:
    return GroupMeasure(
        label,
        len(changes),
        sum(1 for c in changes if c > 0),
        sum(1 for c in changes if c >= threshold - 1e-9),
        round(mean(changes), 2),
    )


@dataclass
class Measures:
    """The managers' measures: a table of GroupMeasure per grouping, and how many people
    (series of two or more assessments with one instrument) they count."""

    tables: list[tuple[str, list[GroupMeasure]]]
    people: int


@dataclass
class StalledRow:
    citizen: object
    instrument: object
    means: list[float]


def stalled_rows(user, last: int):
    """The "no progress" rows this user may see, in the page's order (citizen's name, then
    instrument): a queryset of stored series (`ProgressionSeries`), each given `means` by
    `with_means`, filtered and ordered in the database. A company consultant sees only
    the assessments of their own placements (or outside any), so their series differ from
    the stored ones: built from those assessments, a small set."""
    from jobbro.citizens.access import citizens_for
    from jobbro.citizens.models import Citizen, unlisted

    from .access import assessments_for

    if user.role == Role.COMPANY_CONSULTANT:
        found = stalled(assessments_for(user), last)
        citizens = Citizen.objects.defer(*unlisted()).in_bulk([c for c, _i, _m in found])
        instruments = Instrument.objects.in_bulk({i for _c, i, _m in found})
        rows = [StalledRow(citizens[c], instruments[i], m) for c, i, m in found]
        return sorted(rows, key=lambda r: (r.citizen.last_name, r.citizen.first_name, r.citizen.pk))
    return (
        ProgressionSeries.objects.filter(
            citizen__in=citizens_for(user),
            scored__gte=last,
            latest_mean__lte=F(f"back{last - 1}"),
        )
        .select_related("citizen", "instrument")
        .only(
            "citizen__first_name",
            "citizen__last_name",
            "instrument__name",
            "latest_mean",
            *(f"back{n}" for n in range(1, SERIES_BACK + 1)),
        )
        .order_by("citizen__last_name", "citizen__first_name", "citizen_id", "instrument_id")
    )


def with_means(rows, last: int) -> list:
    """The rows of one page, each with its `means` (a stored series' window)."""
    for row in rows:
        if isinstance(row, ProgressionSeries):
            row.means = row.window(last)
    return list(rows)


def _grouped(series, key: str, threshold: float) -> dict:
    """{value of `key`: (people, rose, rose by the threshold, sum of the changes)},
    aggregated in the database."""
    rows = (
        series.order_by()
        .values_list(key)
        .annotate(
            people=Count("pk"),
            rose=Count("pk", filter=Q(latest_mean__gt=F("first_mean"))),
            enough=Count("pk", filter=Q(change__gte=threshold - 1e-9)),
            change_sum=Sum("change"),
        )
    )
    return {value: stats for value, *stats in rows}


def _stats_measures(groups: dict) -> list[GroupMeasure]:
    """GroupMeasures from {label: [people, rose, enough, change sum]}, largest first, small
    groups folded into one row (as `group_measures` does with the changes themselves)."""
    ordered = sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
    shown, rest = fold_small_groups(ordered, size=lambda g: g[0])
    measures = [_stats_measure(label, *g) for label, g in shown]
    if rest:
        people, rose, enough, total = (sum(g[n] for g in rest) for n in range(4))
        if is_small(people):
            measures.append(GroupMeasure(None, people, 0, 0, 0.0))
        else:
            measures.append(_stats_measure(None, people, rose, enough, total))
    return measures


def _stats_measure(label, people: int, rose: int, enough: int, total: float) -> GroupMeasure:
    return GroupMeasure(label, people, rose, enough, round(total / people, 2))


def _merge(labelled) -> dict:
    """Sum the stats of values that share a label."""
    out: dict = {}
    for label, stats in labelled:
        if label in out:
            out[label] = [a + b for a, b in zip(out[label], stats, strict=True)]
        else:
            out[label] = list(stats)
    return out


def stored_measures(threshold: float) -> Measures:
    """`progression_measures` over every assessment, from the stored series: the share of
    people whose mean rose from their first to their latest assessment with an instrument
    (and by at least `threshold`), by programme, instrument, placement type and company,
    each grouping one aggregate query; small groups folded."""
    series = ProgressionSeries.objects.filter(scored__gte=2).alias(
        change=F("latest_mean") - F("first_mean")
    )
    kind_labels = dict(PlacementKind.choices)
    project = {True: _("Ambassadørprojektet"), False: _("Uden for projektet")}
    groups = {
        "programme": _merge(
            (project[bool(v)], s)
            for v, s in _grouped(
                series.annotate(in_project=in_ambassador_project("citizen_id")),
                "in_project",
                threshold,
            ).items()
        ),
        "instrument": _merge(_grouped(series, "instrument__name", threshold).items()),
        "kind": _merge(
            (kind_labels.get(v) or _("Uden forløb"), s)
            for v, s in _grouped(series, "latest__placement__kind", threshold).items()
        ),
        "company": _merge(
            (v, s)
            for v, s in _grouped(series, "latest__placement__company__name", threshold).items()
            if v
        ),
    }
    titles = {
        "programme": _("Indsats"),
        "instrument": _("Værktøj"),
        "kind": _("Forløbstype"),
        "company": _("Virksomhed"),
    }
    tables = [(titles[key], _stats_measures(groups[key])) for key in titles]
    people = sum(stats[0] for stats in groups["programme"].values())
    return Measures(tables, people)


def progression_measures(assessments, threshold: float) -> Measures:
    """The share of people whose mean rose from their first to their latest assessment
    with an instrument (and rose by at least `threshold`), by programme, instrument,
    placement type and company; small groups folded. One query for the assessments."""
    rows = (
        assessments.filter(mean__isnull=False)
        .annotate(in_project=in_ambassador_project("citizen_id"))
        .order_by("citizen_id", "version__instrument_id", "assessed_on", "pk")
        .values_list(
            "citizen_id",
            "version__instrument_id",
            "mean",
            "in_project",
            "placement__kind",
            "placement__company__name",
        )
    )
    series: dict[tuple[int, int], list] = defaultdict(list)
    for c, i, mean_, project, kind, company in rows.iterator(chunk_size=5000):
        series[(c, i)].append((mean_, project, kind, company))
    series = {k: v for k, v in series.items() if len(v) >= 2}
    names = dict(Instrument.objects.values_list("pk", "name"))
    kind_labels = dict(PlacementKind.choices)
    by: dict[str, list] = {"programme": [], "instrument": [], "kind": [], "company": []}
    for (_c, i), points in series.items():
        first, (latest, project, kind, company) = points[0][0], points[-1]
        label = _("Ambassadørprojektet") if project else _("Uden for projektet")
        by["programme"].append((label, first, latest))
        by["instrument"].append((names[i], first, latest))
        by["kind"].append((kind_labels.get(kind) or _("Uden forløb"), first, latest))
        if company:
            by["company"].append((company, first, latest))
    titles = {
        "programme": _("Indsats"),
        "instrument": _("Værktøj"),
        "kind": _("Forløbstype"),
        "company": _("Virksomhed"),
    }
    tables = [(titles[key], group_measures(by[key], threshold)) for key in titles]
    return Measures(tables, len(series))


def incomplete(assessments):
    """Assessments still missing a rater's scores (the workplace often scores later), the
    oldest first: what the front pages call "progressionsmålinger, der mangler scores"."""
    # A rater of the assessment's version who has no rating in it: two indexed EXISTS per
    # assessment, instead of counting the join of ratings and raters over the whole scope
    # (seconds for an ambassador at 50,000 citizens, issue 14).
    rated = Rating.objects.filter(assessment=OuterRef(OuterRef("pk")), rater=OuterRef("pk"))
    missing = Rater.objects.filter(version=OuterRef("version")).exclude(Exists(rated))
    return (
        assessments.filter(Exists(missing))
        .select_related("citizen", "version__instrument")
        .defer(*unlisted("citizen__"))
        .order_by("assessed_on", "id")
    )
