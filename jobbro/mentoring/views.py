"""Language buddies on a placement: opened through placements.access.open_placement."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.core.views import page, write
from jobbro.placements.access import READ_ROLES, WORK_ROLES, open_placement

from . import services
from .forms import BuddyForm
from .models import LanguageBuddy

FIELDS = ("language_buddies",)


@role_required(*READ_ROLES)
def buddies(request, pk: int):
    adding = request.method == "POST"
    opened = open_placement(request.user, pk, for_change=adding)
    form = BuddyForm(request.POST if adding else None)
    done = write(
        request,
        opened,
        form,
        lambda: services.buddy_add(placement=opened.obj, by=request.user, **form.cleaned_data),
        fields=FIELDS,
        message=_("Sprogmakkeren er tilføjet."),
        to=reverse("mentoring:buddies", kwargs={"pk": pk}),
        action=Action.CREATE,
    )
    ctx = {
        "placement": opened.obj,
        "buddies": opened.obj.language_buddies.all(),
        "form": form,
        "may_change": opened.may_change,
    }
    return done or page(request, opened, "mentoring/buddies.html", ctx, fields=FIELDS)


@require_POST
@role_required(*WORK_ROLES)
def buddy_end(request, pk: int):
    buddy = get_object_or_404(LanguageBuddy, pk=pk)
    opened = open_placement(request.user, buddy.placement_id, for_change=True)
    services.buddy_end(buddy=buddy, by=request.user)
    opened.log(request, Action.CHANGE, FIELDS)
    messages.success(request, _("Sprogmakkeren er afsluttet."))
    return redirect("mentoring:buddies", pk=buddy.placement_id)


@role_required(*READ_ROLES)
def diploma(request, pk: int):
    """The diploma for the language buddy: it names the buddy and the company, not the
    refugee they helped."""
    buddy = get_object_or_404(LanguageBuddy.objects.select_related("placement__company"), pk=pk)
    opened = open_placement(request.user, buddy.placement_id, for_export=True)
    opened.log(request, Action.EXPORT, ("language_buddy_diploma",))
    ctx = {"buddy": buddy, "company": buddy.placement.company, "today": timezone.localdate()}
    return documents.pdf_response(
        request,
        "mentoring/diploma_pdf.html",
        ctx,
        title=f"{_('Diplom')}: {buddy.name}",
        filename=f"diplom-sprogmakker-{buddy.pk}.pdf",
    )
