"""Sanction documentation (seed 002, Helsingør): the case worker collects documentation of
illegal absence, sends the hearing letter, records the reply and the benefits office's
decision. Jobbro documents; the benefits office decides."""

import datetime as dt

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.core.views import page, write
from jobbro.front.lists import paginate
from jobbro.journal import attachments

from . import access, selectors, services
from .forms import (
    CloseForm,
    DecisionForm,
    DocumentForm,
    ForwardForm,
    HearingForm,
    ReplyForm,
    SanctionOpenForm,
)
from .lists import SanctionListForm
from .models import SanctionCase, SanctionStage

OPEN = (
    SanctionStage.COLLECTING,
    SanctionStage.HEARING,
    SanctionStage.REPLIED,
    SanctionStage.FORWARDED,
)
TABS = {
    "aabne": gettext_lazy("Åbne sager"),
    "frist": gettext_lazy("Frist for bemærkninger udløbet"),
    "alle": gettext_lazy("Alle sager"),
}
# Each step of a case: its form, the service that records it, and what is said after it.
STEPS = {
    "dokumentation": (
        DocumentForm,
        services.sanction_document_add,
        gettext_lazy("Dokumentationen er tilføjet."),
    ),
    "partshoering": (
        HearingForm,
        services.sanction_hearing_send,
        gettext_lazy("Partshøringen er registreret som sendt."),
    ),
    "bemaerkninger": (
        ReplyForm,
        services.sanction_reply_record,
        gettext_lazy("Borgerens bemærkninger er registreret."),
    ),
    "videresendt": (
        ForwardForm,
        services.sanction_forward,
        gettext_lazy("Sagen er registreret som sendt til Ydelsesafdelingen."),
    ),
    "afgoerelse": (
        DecisionForm,
        services.sanction_decision_record,
        gettext_lazy("Ydelsesafdelingens afgørelse er registreret."),
    ),
    "luk": (CloseForm, services.sanction_close, gettext_lazy("Sagen er lukket.")),
}


def _filter(cases, tab: str, today: dt.date):
    if tab == "alle":
        return cases
    cases = cases.filter(decided_on__isnull=True, closed_on__isnull=True)
    if tab == "frist":
        return cases.filter(
            reply_deadline__lt=today, reply_received_on__isnull=True, forwarded_on__isnull=True
        )
    return cases


@role_required(*access.SANCTION_ROLES)
def sanction_list(request):
    today = timezone.localdate()
    form = SanctionListForm(request.GET)
    cases = _filter(access.sanctions_for(request.user).select_related("citizen"), form.tab, today)
    page = paginate(request, form.apply(cases), form).page
    citizen_access.log_list(request, [c.citizen_id for c in page], fields=["sanction_case"])
    context = {"form": form, "page": page, "tabs": TABS.items(), "today": today}
    return render(request, "attendance/sanctions.html", context)


@role_required(*access.SANCTION_ROLES)
def sanction_create(request, pk):
    opened = citizen_access.open_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    form = SanctionOpenForm(request.POST or None, absences=selectors.absences_open(citizen))
    done = write(
        request,
        opened,
        form,
        lambda: services.sanction_open(
            citizen=citizen,
            absences=list(form.cleaned_data["absences"]),
            summary=form.cleaned_data["summary"],
            by=request.user,
        ),
        fields=["sanction_case"],
        message=_("Sanktionssagen er oprettet. Tilføj dokumentationen."),
        to=lambda case: reverse("attendance:sanction", kwargs={"pk": case.pk}),
        action=Action.CREATE,
    )
    return done or page(
        request,
        opened,
        "attendance/sanction_create.html",
        {"form": form, "citizen": citizen},
        fields=["attendance"],
    )


# The date field of each step's form, filled in with today.
STEP_DATE = {
    "dokumentation": "received_on",
    "partshoering": "sent_on",
    "bemaerkninger": "received_on",
    "videresendt": "forwarded_on",
    "afgoerelse": "decided_on",
    "luk": "closed_on",
}


def _detail(request, case: SanctionCase, opened, bound=None):
    """The case's page: everything recorded, and a form for each step (`bound`: the step and
    form that was just refused, shown again with its input)."""
    today = timezone.localdate()
    forms = {
        step: form_class(initial={"version": case.version, STEP_DATE[step]: today}, prefix=step)
        for step, (form_class, _service, _message) in STEPS.items()
    }
    if bound is not None:
        forms[bound[0]] = bound[1]
    context = {
        "case": case,
        "citizen": opened.obj,
        "stages": SanctionStage,
        "may_change": citizen_access.may_edit(request.user, opened.purpose),
        "documents": case.documents.select_related("added_by").prefetch_related("attachments"),
        "absences": case.absences.select_related("session__cohort"),
        "deadline_passed": case.deadline_passed(today),
        "forms": forms,
    }
    opened.log(request, fields=["sanction_case"])
    return render(request, "attendance/sanction.html", context)


@role_required(*access.SANCTION_ROLES)
def sanction_detail(request, pk):
    case, opened = access.open_sanction(request.user, pk)
    return _detail(request, case, opened)


@require_POST
@role_required(*access.SANCTION_ROLES)
def sanction_step(request, pk, step):
    case, opened = access.open_sanction(request.user, pk, for_change=True)
    if step not in STEPS:
        return redirect("attendance:sanction", pk=pk)
    form_class, service, message = STEPS[step]
    form = form_class(request.POST, request.FILES, prefix=step)  # one page, every step's form
    done = write(
        request,
        opened,
        form,
        lambda: service(case=case, by=request.user, **form.cleaned_data),
        fields=["sanction_case"],
        message=message,
        to=reverse("attendance:sanction", kwargs={"pk": pk}) + f"#{step}",
    )
    return done or _detail(request, case, opened, bound=(step, form))


@role_required(*access.SANCTION_ROLES)
def sanction_attachment(request, pk):
    """A file of the documentation, only as a download; logged as an export (it leaves
    Jobbro), so never on a stated reason."""
    attachment, opened = access.open_sanction_attachment(request.user, pk)
    opened.log(request, Action.EXPORT, ["sanction_case", f"sanction_attachment:{attachment.pk}"])
    return attachments.download(attachment)


@role_required(*access.SANCTION_ROLES)
def hearing_letter(request, pk):
    """The hearing letter (partshøring, forvaltningsloven § 19) in Danish, as a PDF."""
    case, opened = access.open_sanction(request.user, pk, for_export=True)
    sent = case.hearing_sent_on or timezone.localdate()
    deadline = case.reply_deadline or sent + dt.timedelta(days=settings.HEARING_REPLY_DAYS)
    context = {
        "case": case,
        "citizen": opened.obj,
        "absences": case.absences.select_related("session__cohort"),
        "documents": case.documents.all(),
        "sent": sent,
        "deadline": deadline,
        "case_worker": request.user,
    }
    opened.log(request, Action.EXPORT, ["sanction_case", "hearing_letter"])
    return documents.pdf_response(
        request,
        "attendance/hearing_letter.html",
        context,
        title=_("Partshøring om fravær"),
        filename=f"partshoering-{case.pk}.pdf",
        lang="da",
    )
