"""The occupation field: type a code or a few letters of a title, pick from the suggestions.

The suggestions are a native `<datalist>` that htmx fills as one types (no script of our
own, keyboard and screen reader as the browser gives them); the field takes "9412",
"9412 Køkkenhjælp mv." or a title written out in full.
"""

import json
import re

from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jobbro.lib.text import clean_search

from . import occupations


class OccupationInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs.setdefault("autocomplete", "off")

    def format_value(self, value):
        return occupations.label(value) or value or ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        options_id = f"{widget_attrs.get('id', name)}-fag"
        widget_attrs.update(
            {
                "list": options_id,
                "hx-get": str(reverse_lazy("matching:occupations")),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{options_id}",
                "hx-swap": "innerHTML",
                "hx-vals": json.dumps({"field": name}),
                "hx-sync": "this:replace",
            }
        )
        context["widget"]["options_id"] = options_id
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        context = self.get_context(name, value, attrs)
        return format_html('{}<datalist id="{}"></datalist>', html, context["widget"]["options_id"])


class OccupationField(forms.CharField):
    widget = OccupationInput
    default_error_messages = {
        "invalid": _("Skriv en fagkode på fire cifre, eller vælg et fag på listen."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("Skriv fagkoden (DISCO-08) eller begyndelsen af fagets navn.")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        text = clean_search(value, 200)
        if not text:
            return ""
        match = re.match(r"^(\d{4})\b", text)
        if match and occupations.is_unit(match.group(1)):
            return match.group(1)
        exact = [
            o
            for o in occupations.units()
            if text.casefold()
            in (
                o.title_da.casefold(),
                o.title_en.casefold(),
                o.also_searched.casefold(),
                str(o).casefold(),
            )
        ]
        if len(exact) == 1:
            return exact[0].code
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
