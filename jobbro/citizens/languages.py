"""The citizen's languages (ISO 639, with level), and the values typed before the reference
lists that no list matched (nationality, languages), for a person to fix (issue 9.4)."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.front.lists import paginate

from . import access, services
from .forms import CitizenLanguageForm
from .lists import UnmatchedListForm

PAGE_SIZE = 25


@role_required(*access.EDIT_ROLES)
def citizen_languages(request, pk):
    opened = access.open_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    form = CitizenLanguageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.citizen_language_set(citizen=citizen, by=request.user, **form.cleaned_data)
        opened.log(request, Action.CHANGE, ["languages"])
        messages.success(request, _("Sproget er gemt."))
        return redirect("citizens:languages", pk=pk)
    opened.log(request, fields=["languages", "languages_unmatched"])
    ctx = {"citizen": citizen, "form": form, "spoken": citizen.spoken.all()}
    return render(request, "citizens/languages.html", ctx)


@require_POST
@role_required(*access.EDIT_ROLES)
def citizen_language_remove(request, pk, code):
    opened = access.open_citizen(request.user, pk, for_change=True)
    if services.citizen_language_remove(citizen=opened.obj, by=request.user, code=code):
        opened.log(request, Action.CHANGE, ["languages"])
        messages.success(request, _("Sproget er fjernet."))
    return redirect("citizens:languages", pk=pk)


@require_POST
@role_required(*access.EDIT_ROLES)
def citizen_unmatched_clear(request, pk):
    opened = access.open_citizen(request.user, pk, for_change=True)
    field = request.POST.get("field")
    if field not in ("nationality_unmatched", "languages_unmatched"):
        return redirect("citizens:detail", pk=pk)
    services.citizen_unmatched_clear(citizen=opened.obj, by=request.user, field=field)
    opened.log(request, Action.CHANGE, [field])
    messages.success(request, _("Den tidligere indtastede tekst er fjernet."))
    return redirect(
        "citizens:languages" if field == "languages_unmatched" else "citizens:edit", pk=pk
    )


@role_required(*access.CASE_FILE_ROLES)
def unmatched(request):
    """Citizens whose nationality or languages, typed before the lists, matched no code."""
    citizens = (
        access.citizens_for(request.user)
        .exclude(Q(nationality_unmatched="") & Q(languages_unmatched=""))
        .select_related("case_worker")
    )
    form = UnmatchedListForm(request.GET)
    page = paginate(request, form.apply(citizens), form).page
    access.log_list(request, [c.pk for c in page.object_list], fields=["nationality", "languages"])
    return render(request, "citizens/unmatched.html", {"form": form, "page": page})
