"""The one skeleton of a page that changes something through a service.

Every app's views use `write`: on a valid POST it runs the service call; a refusal
(ValidationError) becomes errors on the form, which is shown again with the input kept; a
success is logged in the same transaction and redirects. Otherwise the page is shown with
`page`, which logs the view first: `return done or page(request, opened, template, ctx)`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from jobbro.audit.models import Action


def form_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            for e in errs:
                form.add_error(field if field in form.fields else None, e)
    else:
        for message in error.messages:
            form.add_error(None, message)


def write(request, opened, form, call, *, fields=(), message, to, action=Action.CHANGE):
    """On a valid POST run `call` (a service call) and log it through `opened` (an `Opened`;
    None for an object that holds no personal data) with `action` and `fields`; redirect to
    `to` (a URL, or a function of what `call` returned; `fields` likewise, for a service
    that returns the fields it changed). Returns the redirect, or None to show the form
    (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call()
    except ValidationError as e:
        form_errors(form, e)
        return None
    if opened is not None:
        opened.log(request, action, fields(result) if callable(fields) else fields)
    messages.success(request, message)
    return redirect(to(result) if callable(to) else to)


def page(request, opened, template: str, context: dict, *, fields=()):
    """Show a page about one opened object (an `Opened`): its view is logged with `fields`,
    then the page is rendered."""
    opened.log(request, fields=fields)
    return render(request, template, context)
