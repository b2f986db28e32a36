"""Trauma screening pages: opened through access.open_screening only, every view logged."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action, Purpose
from jobbro.core.views import page, write

from . import services
from .access import FIELDS, NAMEABLE_ROLES, open_screening
from .forms import NameForm, ReferralForm, ScreeningForm
from .models import NamedAccess, Screening


def _form_page(request, opened, form, *, save, title: str, done: str, action=Action.CREATE):
    """A screening form page: on a valid POST the service `save(data)` writes, the change is
    logged and the user goes back to the citizen's screenings; else the form, input kept."""
    written = write(
        request,
        opened,
        form,
        lambda: save(form.cleaned_data),
        fields=FIELDS,
        message=done,
        to=reverse("screening:citizen", kwargs={"pk": opened.citizen_id}),
        action=action,
    )
    ctx = {"form": form, "citizen": opened.obj, "title": title}
    fields = ("first_name", "last_name", *FIELDS)
    return written or page(request, opened, "screening/form.html", ctx, fields=fields)


@role_required(*NAMEABLE_ROLES)
def citizen_screenings(request, pk: int):
    opened = open_screening(request.user, pk)
    screenings = (
        Screening.objects.filter(citizen_id=pk)
        .select_related("screened_by")
        .prefetch_related("referrals")
    )
    named = NamedAccess.objects.filter(citizen_id=pk, ended_at__isnull=True).select_related(
        "user", "named_by"
    )
    opened.log(request, Action.VIEW, FIELDS)
    ctx = {
        "citizen": opened.obj,
        "screenings": screenings,
        "named": named,
        "may_name": opened.purpose == Purpose.CASELOAD,
    }
    return render(request, "screening/citizen.html", ctx)


@role_required(*NAMEABLE_ROLES)
def screening_create(request, pk: int):
    opened = open_screening(request.user, pk)
    return _form_page(
        request,
        opened,
        ScreeningForm(request.POST or None),
        save=lambda data: services.screening_record(citizen=opened.obj, by=request.user, **data),
        title=_("Registrér traumescreening"),
        done=_("Screeningen er registreret."),
    )


@role_required(*NAMEABLE_ROLES)
def referral_create(request, pk: int):
    screening = get_object_or_404(Screening, pk=pk)
    opened = open_screening(request.user, screening.citizen_id)
    return _form_page(
        request,
        opened,
        ReferralForm(request.POST or None),
        save=lambda data: services.referral_record(screening=screening, by=request.user, **data),
        title=_("Registrér teamets beslutning og henvisning"),
        done=_("Beslutningen og henvisningen er registreret."),
    )


@role_required(*NAMEABLE_ROLES)
def access_name(request, pk: int):
    opened = open_screening(request.user, pk, for_naming=True)
    return _form_page(
        request,
        opened,
        NameForm(request.POST or None, citizen=opened.obj),
        save=lambda data: services.access_name(citizen=opened.obj, by=request.user, **data),
        title=_("Giv en kollega adgang til screeningen"),
        done=_("Kollegaen har nu adgang til screeningen."),
        action=Action.CHANGE,
    )


@require_POST
@role_required(*NAMEABLE_ROLES)
def access_end(request, pk: int):
    named = get_object_or_404(NamedAccess, pk=pk)
    opened = open_screening(request.user, named.citizen_id, for_naming=True)
    services.access_end(access=named, by=request.user)
    opened.log(request, Action.CHANGE, FIELDS)
    messages.success(request, _("Adgangen er ophørt."))
    return redirect("screening:citizen", pk=named.citizen_id)
