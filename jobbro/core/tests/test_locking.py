"""The one mechanism against lost updates: jobbro.core.locking."""

import pytest

from jobbro.citizens.forms import CitizenForm
from jobbro.citizens.models import Citizen
from jobbro.core.locking import STALE, StaleError, save_versioned
from jobbro.placements.services import placement_change

pytestmark = pytest.mark.django_db


def test_it_saves_from_the_current_version_and_counts_it_up(citizens):
    fatima = citizens["fatima"]
    fatima.phone = "11112222"
    save_versioned(fatima, version=1, what="Sagen")
    stored = Citizen.objects.get(pk=fatima.pk)
    assert (stored.phone, stored.version, fatima.version) == ("11112222", 2, 2)


def test_it_refuses_an_older_version_and_writes_nothing(citizens):
    fatima = citizens["fatima"]
    Citizen.objects.filter(pk=fatima.pk).update(version=2)  # someone else saved
    fatima.phone = "11112222"
    with pytest.raises(StaleError) as refused:
        save_versioned(fatima, version=1, what="Sagen")
    assert refused.value.code == "stale"
    assert refused.value.message == str(STALE) % {"what": "Sagen"}
    assert Citizen.objects.get(pk=fatima.pk).phone == "20304050"


def test_it_refuses_a_form_posted_without_its_version(citizens):
    fatima = citizens["fatima"]
    with pytest.raises(StaleError):
        save_versioned(fatima, version=None, what="Sagen")


def test_it_writes_only_the_named_fields(citizens):
    fatima = citizens["fatima"]
    Citizen.objects.filter(pk=fatima.pk).update(address="Torvet 1")
    fatima.phone = "11112222"
    save_versioned(fatima, version=1, fields=["phone"], what="Sagen")
    stored = Citizen.objects.get(pk=fatima.pk)
    assert (stored.phone, stored.address) == ("11112222", "Torvet 1")
    with pytest.raises(ValueError, match="nonsense"):
        save_versioned(fatima, version=2, fields=["nonsense"], what="Sagen")


def test_the_form_carries_the_version_it_was_read_at(citizens):
    fatima = citizens["fatima"]
    Citizen.objects.filter(pk=fatima.pk).update(version=7)
    fatima.refresh_from_db()
    form = CitizenForm(instance=fatima)
    assert 'type="hidden" name="version" value="7"' in str(form["version"])
    for posted, read in (("7", 7), ("", None), ("٧", None), ("7x", None)):
        bound = CitizenForm({"version": posted}, instance=fatima)
        bound.is_valid()
        assert bound.read_version == read
        assert "version" not in bound.changed_data


def test_placements_use_the_same_helper_and_message(citizens, people):
    from jobbro.placements.models import Placement

    placement = Placement.objects.create(
        citizen=citizens["fatima"], kind="other_effort", starts_on="2026-01-05"
    )
    placement.note = "Først"
    placement_change(placement=placement, version=1, by=people["amir"])
    placement.note = "Anden"
    with pytest.raises(StaleError) as refused:
        placement_change(placement=placement, version=1, by=people["amir"])
    assert refused.value.message == str(STALE) % {"what": "Forløbet"}
    assert Placement.objects.get(pk=placement.pk).note == "Først"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _import_forms():
    import importlib
    from pathlib import Path

    import jobbro

    for path in sorted(Path(jobbro.__file__).parent.glob("*/forms.py")):
        importlib.import_module(f"jobbro.{path.parent.name}.forms")


def test_every_model_form_of_a_versioned_model_carries_the_version():
    """A ModelForm of a Versioned model without the mixin would save over someone else."""
    from django import forms

    from jobbro.core.locking import Versioned, VersionFormMixin

    _import_forms()
    unguarded = [
        f"{form.__module__}.{form.__name__}"
        for form in _subclasses(forms.ModelForm)
        if form.__module__.startswith("jobbro.")
        and getattr(form._meta, "model", None) is not None
        and issubclass(form._meta.model, Versioned)
        and not issubclass(form, VersionFormMixin)
    ]
    assert unguarded == []


def test_no_view_saves_a_versioned_form_past_the_stale_check():
    """Views save a versioned edit form (one given its `instance=`) with `save_if_current`
    (the Danish message, the input kept), never a bare `.save()`: that would raise
    StaleError as a 500, and `.save(commit=False)` then a plain save would skip the check."""
    import ast
    from pathlib import Path

    import jobbro
    from jobbro.core.locking import VersionFormMixin

    _import_forms()
    versioned_forms = {form.__name__ for form in _subclasses(VersionFormMixin)}
    offences = []
    for path in sorted(Path(jobbro.__file__).parent.glob("*/views.py")):
        tree = ast.parse(path.read_text())
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            names = {
                target.id
                for node in ast.walk(func)
                if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id in versioned_forms
                and any(keyword.arg == "instance" for keyword in node.value.keywords)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            offences += [
                f"{path.parent.name}/views.py:{node.lineno}"
                for node in ast.walk(func)
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "save"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in names
            ]
    assert versioned_forms >= {"UserForm", "TeamForm", "CompanyForm"}
    assert offences == []
