"""Optimistic locking: one mechanism for every edit form (docs/architecture.md, "Two people,
one record").

A versioned model carries a `version` that every save counts up. An edit form carries the
version it was read at as a hidden field (`VersionFormMixin`), and `save_versioned` writes
with a conditional ``UPDATE ... WHERE version = <that version>``: when someone else saved in
between, nothing is written and `StaleError` carries the one Danish message. The check and
the write are one statement, so it holds on SQLite and PostgreSQL alike without row locks.
"""

from collections.abc import Iterable, MutableMapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STALE = _(
    "%(what)s er blevet ændret af en anden, mens du arbejdede på det. Dine ændringer er ikke "
    "gemt. Læs den nye udgave, og skriv dine ændringer ind igen."
)


class StaleError(ValidationError):
    """Someone else saved since the form was read; nothing was written."""

    def __init__(self, what: str | Promise) -> None:
        super().__init__(str(STALE) % {"what": what}, code="stale")


class Versioned(models.Model):
    """The version field of a model whose edits are guarded by `save_versioned`."""

    version = models.PositiveIntegerField(_("udgave"), default=1, editable=False)

    # The name of the version field: a model whose `version` already means something else
    # (an assessment's instrument version) names its own and sets this.
    version_field = "version"

    class Meta:
        abstract = True


def version_of(obj) -> int:
    return getattr(obj, type(obj).version_field)


def save_versioned(obj, *, version: int | None, what, fields: Iterable[str] | None = None) -> None:
    """Write `obj` only if its row is still at `version`, and count the version up.

    `fields` names the fields to write (all concrete fields when None); fields with
    ``auto_now`` are always written. `what` names the thing in the message ("Sagen").
    A missing version (a form posted without it) is refused like a stale one.
    """
    model = type(obj)
    name = model.version_field
    if version is None or obj.pk is None:
        raise StaleError(what)
    candidates = [f for f in model._meta.concrete_fields if not f.primary_key and f.name != name]
    if fields is not None:
        wanted = set(fields)
        unknown = wanted - {f.name for f in candidates} - {f.attname for f in candidates}
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        candidates = [
            f
            for f in candidates
            if f.name in wanted or f.attname in wanted or getattr(f, "auto_now", False)
        ]
    values = {f.attname: f.pre_save(obj, add=False) for f in candidates}
    updated = model._base_manager.filter(pk=obj.pk, **{name: version}).update(
        **{name: F(name) + 1}, **values
    )
    if not updated:
        raise StaleError(what)
    setattr(obj, name, version + 1)


class _VersionField(forms.CharField):
    widget = forms.HiddenInput

    def has_changed(self, initial, data) -> bool:
        return False  # the version is not the user's input: never a changed field


class VersionFormMixin:
    """An edit form's hidden `version`: the version of the object when the form was read.

    A ModelForm takes it from its instance; a plain form is given ``version=``. The cleaned
    value is an int, or None when missing or not ASCII digits (refused by the save).
    A ModelForm's `save` of an existing object goes through `save_versioned`; `stale_what`
    names the object in the message; `save_fields` limits the write to those fields (None:
    all), for a model that other code also saves (a user's password, last login).
    """

    stale_what = _("Oplysningerne")
    save_fields: tuple[str, ...] | None = None
    # What the form class this is mixed into provides (declared for the type checker only).
    fields: dict[str, forms.Field]
    initial: MutableMapping[str, Any]
    cleaned_data: dict[str, Any]

    def __init__(self, *args, version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if version is None and instance is not None and instance.pk:
            version = version_of(instance)
        self.fields["version"] = _VersionField(required=False)
        self.initial["version"] = version

    def clean_version(self) -> int | None:
        raw = (self.cleaned_data.get("version") or "").strip()
        return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None

    @property
    def read_version(self) -> int | None:
        """The version the user started from (after `is_valid`)."""
        return self.cleaned_data.get("version")

    def save(self, commit=True):
        instance = getattr(self, "instance", None)
        if not commit or instance is None or instance.pk is None:
            return super().save(commit=commit)
        super().save(commit=False)
        save_versioned(
            instance, version=self.read_version, what=self.stale_what, fields=self.save_fields
        )
        self._save_m2m()
        return instance

    def save_if_current(self):
        """Save, unless someone else saved since the form was read: then the form gets the
        Danish message (and keeps the input), nothing is written, and this returns None."""
        try:
            return self.save()
        except StaleError as e:
            self.add_error(None, e)
            return None
