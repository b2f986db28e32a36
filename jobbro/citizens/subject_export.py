"""The data-subject export (GDPR art. 15): everything Jobbro keeps about one citizen.

A registry, so each app answers for its own data. An app contributes a section with a
function in its own module (by convention `<app>/export.py`), decorated with `@section`,
and imports that module in its AppConfig.ready:

    # jobbro/placements/export.py
    from jobbro.citizens.subject_export import Part, records, section

    @section("placements", _("Forløb"), order=20)
    def placements(citizen):
        yield records("placements", _("Forløb"), citizen.placements.all(),
                      ["kind", "company", "starts_on", "status"])

    # jobbro/placements/apps.py
    def ready(self):
        from . import export  # noqa: F401 (registers the data-subject export section)

A section function takes the citizen and yields `Part`s: a titled table of rows whose values
are already readable (the label of a choice, a person's name, a date), and, where the data
includes files (journal attachments), `ExportFile`s for the ZIP. It must yield *everything*
the app keeps about the citizen, whoever exports: the export is not filtered by the
exporting user's role (only case workers in their own context may export at all).

`build(citizen)` collects the sections in `order`; `as_json` makes the machine-readable
document (stable English keys, readable values, ISO 8601 dates); the PDF template
`citizens/export_pdf.html` renders the same `Export` for people.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

Value = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class ExportFile:
    """A file Jobbro keeps about the citizen (a journal attachment), for the ZIP export."""

    path: str  # its name inside the ZIP, e.g. "bilag/12-laegeerklaering.pdf"
    sha256: str
    size: int
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Part:
    """One table of a section: `columns` are (key, Danish label), each row a dict by key."""

    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: list[dict[str, Value]]
    files: list[ExportFile] = field(default_factory=list)
    # None: decided by the number of columns (see `wide`).
    layout_wide: bool | None = None

    @property
    def wide(self) -> bool:
        """Too many columns for one table across an A4 page: the PDF shows each row as a
        table of its own, one line per field. A part of many short rows (the access log)
        says it stays one table."""
        if self.layout_wide is not None:
            return self.layout_wide
        return len(self.columns) > 5

    def cells(self) -> list[list[tuple[str, Value]]]:
        """Each row as (label, value) in column order, for the PDF."""
        return [[(label, row.get(key)) for key, label in self.columns] for row in self.rows]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    parts: list[Part]


@dataclass(frozen=True)
class Export:
    citizen_id: int
    name: str
    exported_at: dt.datetime
    exported_by: str
    sections: list[Section]

    @property
    def files(self) -> list[ExportFile]:
        return [f for s in self.sections for p in s.parts for f in p.files]


SectionFunction = Callable[[Any], Iterable[Part]]


@dataclass(frozen=True)
class _Registered:
    key: str
    title: str | Promise
    order: int
    function: SectionFunction


_REGISTRY: dict[str, _Registered] = {}


def section(key: str, title: str | Promise, *, order: int) -> Callable:
    """Register `function(citizen) -> Iterable[Part]` as the export's section `key`."""

    def register(function: SectionFunction) -> SectionFunction:
        known = _REGISTRY.get(key)
        if known is not None and known.function.__qualname__ != function.__qualname__:
            raise ValueError(f"Two data-subject export sections are called {key!r}")
        _REGISTRY[key] = _Registered(key, title, order, function)
        return function

    return register


def registered() -> list[str]:
    """The keys of the registered sections, in the export's order."""
    return [r.key for r in sorted(_REGISTRY.values(), key=lambda r: (r.order, r.key))]


def build(citizen, *, by) -> Export:
    """The whole export of one citizen, every registered section in order."""
    sections = [
        Section(r.key, str(r.title), [p for p in r.function(citizen) if p is not None])
        for r in sorted(_REGISTRY.values(), key=lambda r: (r.order, r.key))
    ]
    return Export(citizen.pk, citizen.full_name, timezone.now(), str(by), sections)


# Building parts ------------------------------------------------------------------------------


def readable(obj: models.Model, name: str) -> Value:
    """A model field's value as a person reads it: a choice's label, a related object's
    name, a date as a date."""
    model_field = obj._meta.get_field(name)
    if getattr(model_field, "choices", None):
        value = getattr(obj, name)
        return str(getattr(obj, f"get_{name}_display")()) if value not in (None, "") else ""
    value = getattr(obj, name)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, Promise):
        return str(value)
    return value


def fields_of(model: type[models.Model], *, leave_out: Sequence[str] = ()) -> list[str]:
    """Every stored field of a model but its id and `leave_out` (the link to what the row
    hangs off, which the part shows in words instead): so a field added later is exported
    without anyone remembering to add it here."""
    return [
        f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in leave_out
    ]


# Labels of the bookkeeping fields many models have without a verbose name of their own.
COMMON_LABELS = {
    "created_at": _("oprettet"),
    "created_by": _("oprettet af"),
    "updated_at": _("senest ændret"),
    "updated_by": _("senest ændret af"),
    "version": _("udgave"),
    "recorded_by": _("registreret af"),
}


def label_of(model: type[models.Model], name: str) -> str:
    """The Danish label of a field: its verbose name, unless it has none of its own."""
    verbose = getattr(model._meta.get_field(name), "verbose_name", None)
    if verbose is None or (str(verbose) == name.replace("_", " ") and name in COMMON_LABELS):
        verbose = COMMON_LABELS.get(name, name)
    return capfirst(str(verbose))


def records(
    key: str,
    title: str | Promise,
    objects: Iterable[models.Model],
    names: Sequence[str],
    *,
    model: type[models.Model],
    labels: dict[str, str | Promise] | None = None,
    lead: dict[str, tuple[str | Promise, Callable[[Any], Value]]] | None = None,
    extra: dict[str, tuple[str | Promise, Callable[[Any], Value]]] | None = None,
    wide: bool | None = None,
) -> Part:
    """A part with one row per object and one column per model field in `names` (labelled
    by the field's verbose name, or by `labels`), with `lead` columns before them and
    `extra` columns after: key -> (label, function of the object)."""
    objects = list(objects)
    labels = labels or {}
    lead, extra = lead or {}, extra or {}

    def computed(columns):
        return tuple((k, capfirst(str(label))) for k, (label, _f) in columns.items())

    columns = (
        computed(lead)
        + tuple(
            (name, capfirst(str(labels[name])) if name in labels else label_of(model, name))
            for name in names
        )
        + computed(extra)
    )
    rows = [
        {
            **{k: f(obj) for k, (_label, f) in lead.items()},
            **{name: readable(obj, name) for name in names},
            **{k: f(obj) for k, (_label, f) in extra.items()},
        }
        for obj in objects
    ]
    return Part(key, str(title), columns, rows, layout_wide=wide)


# The machine-readable document ---------------------------------------------------------------


def _json_value(value: Value) -> str | int | float | bool | None:
    if isinstance(value, dt.datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_json(export: Export) -> dict[str, Any]:
    """The export as JSON data: stable English keys, readable values, each part's column
    labels beside its rows, attachments listed with their SHA-256."""
    return {
        "citizen_id": export.citizen_id,
        "name": export.name,
        "exported_at": _json_value(export.exported_at),
        "exported_by": export.exported_by,
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "parts": [
                    {
                        "key": p.key,
                        "title": p.title,
                        "columns": dict(p.columns),
                        "rows": [{k: _json_value(v) for k, v in row.items()} for row in p.rows],
                    }
                    for p in s.parts
                ],
            }
            for s in export.sections
        ],
    }
