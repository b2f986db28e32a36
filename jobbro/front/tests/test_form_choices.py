"""Every drop-down in Jobbro says what to do with its empty choice ("Vælg …", or a word of its
own like "Alle" in a filter), never Django's "---------". The test finds every form class in
the project, so a new form is checked without anyone remembering to add it."""

import importlib
import inspect
import pkgutil
import re

import pytest
from django import forms

import jobbro
from jobbro.front.fields import CHOOSE

DASHES = re.compile(r"-{3,}")


def project_form_classes() -> list[type[forms.BaseForm]]:
    classes = set()
    for info in pkgutil.walk_packages(jobbro.__path__, "jobbro."):
        if any(part in info.name for part in (".tests", ".migrations", ".management")):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__.startswith("jobbro.")
                and getattr(getattr(value, "_meta", None), "model", True) is not None
            ):
                classes.add(value)
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def constructor_arguments(world) -> dict[str, dict]:
    """What the forms that need context are made with, by the name of the argument."""
    from jobbro.attendance.models import Attendance
    from jobbro.companies.models import Company
    from jobbro.matching.factors import Factor

    return {
        "user": world["alice"],
        "citizen": world["fatima"],
        "company": world["company"],
        "companies": Company.objects.all(),
        "programme": world["programme"],
        "absences": Attendance.objects.none(),
        "weights": {factor.value: 5 for factor in Factor},
    }


def empty_choice_labels(form: forms.BaseForm):
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue  # a hidden input is no drop-down: nobody sees its choices
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                yield name, str(field.empty_label)
        elif isinstance(field, forms.ChoiceField):
            for value, label in list(field.choices)[:1]:  # type: ignore[arg-type]
                if value in ("", None):
                    yield name, str(label)


@pytest.fixture
def world(people, citizens):
    from jobbro.placements.tests.factories import make_company
    from jobbro.programmes.models import Programme

    programme = Programme.objects.first() or Programme.objects.create(name="Najah")
    return {**people, **citizens, "company": make_company(), "programme": programme}


MISSING = re.compile(r"missing \d+ required (?:keyword-only |positional )?arguments?: (.*)")


def make(form_class, arguments):
    """The form as a view makes it: with the arguments its constructor says it is missing."""
    given: dict = {}
    while True:
        try:
            return form_class(**given)
        except TypeError as e:
            missing = MISSING.search(str(e))
            if not missing:
                raise
            names = re.findall(r"'(\w+)'", missing[1])
            # A KeyError names an argument to add to constructor_arguments.
            given.update({name: arguments[name] for name in names})


def test_it_finds_the_forms_of_every_app():
    names = {f"{c.__module__}.{c.__name__}" for c in project_form_classes()}
    assert "jobbro.citizens.forms.CitizenForm" in names
    assert "jobbro.cases.forms.TransferForm" in names
    assert "jobbro.assessments.forms.AssessmentForm" in names
    assert len(names) > 60


@pytest.mark.django_db
def test_no_drop_down_in_any_form_says_dashes(world):
    arguments = constructor_arguments(world)
    dashes = []
    for form_class in project_form_classes():
        form = make(form_class, arguments)
        dashes += [
            f"{form_class.__module__}.{form_class.__name__}.{name}: {label!r}"
            for name, label in empty_choice_labels(form)
            if DASHES.search(label) or not label.strip()
        ]
    assert not dashes, "drop-downs with Django's empty choice:\n" + "\n".join(dashes)


@pytest.mark.django_db
def test_a_drop_down_without_a_word_of_its_own_says_vaelg(world):
    from jobbro.cases.forms import TransferForm
    from jobbro.citizens.forms import CitizenForm

    assert dict(empty_choice_labels(TransferForm()))["to_case_worker"] == CHOOSE
    labels = dict(empty_choice_labels(CitizenForm()))
    assert labels["gender"] == labels["case_worker"] == "Vælg …"


def test_a_group_of_checkboxes_gets_the_checkbox_style_not_a_text_inputs():
    from django import forms

    from jobbro.front.forms import DesignSystemMixin

    class Days(DesignSystemMixin, forms.Form):
        days = forms.MultipleChoiceField(
            choices=[("1", "Mandag"), ("2", "Tirsdag")], widget=forms.CheckboxSelectMultiple
        )
        kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    html = str(Days()["days"]) + str(Days()["kind"])
    assert len(re.findall(r'<input type="checkbox"[^>]*class="form-checkbox"', html)) == 2
    assert len(re.findall(r'<input type="radio"[^>]*class="form-radio"', html)) == 2
    assert "form-input" not in html


@pytest.mark.django_db
def test_every_date_field_of_every_form_is_the_design_systems_date_picker(world):
    """No form falls back to the browser's own date input (`type="date"`), whose look,
    format and keyboard differ from one browser to the next; the matching profile's
    "available from" did."""
    from jobbro.front.fields import DatePickerInput

    arguments = constructor_arguments(world)
    native = []
    for form_class in project_form_classes():
        form = make(form_class, arguments)
        for name, field in form.fields.items():
            if field.widget.is_hidden:
                continue
            widget = field.widget
            browsers = "date" in (widget.attrs.get("type"), getattr(widget, "input_type", ""))
            if browsers or (
                isinstance(field, forms.DateField) and not isinstance(widget, DatePickerInput)
            ):
                native.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert not native, "date fields without the design system's picker:\n" + "\n".join(native)
