"""Two people with the same edit form open: what each browser posts back."""

from django import forms
from django.test import Client


def as_posted(form) -> dict:
    """The form's fields as the browser posts them back untouched (hidden version included)."""
    data: dict[str, str | list[str]] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif isinstance(field.widget, forms.SelectMultiple):
            data[name] = [str(v) for v in value or []]
        elif value is not None:
            data[name] = field.widget.format_value(value) or ""
    return data


def open_form(user, url) -> tuple[Client, dict]:
    """A browser of its own for `user`, with the edit form at `url` read."""
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return client, as_posted(response.context["form"])
