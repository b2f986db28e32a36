"""Programmes and projects, their cohorts, enrolment, and the SIRI description."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.core.locking import StaleError
from jobbro.core.views import page, write
from jobbro.front.fields import parse_int
from jobbro.front.lists import paginate
from jobbro.practices import access as practice_access

from . import access, economy, parts, selectors, services, siri
from .forms import (
    PROGRAMME_FIELDS,
    CohortForm,
    EnrolmentEndForm,
    EnrolmentForm,
    ProgrammeForm,
)
from .lists import CohortListForm, ProgrammeListForm, SiriListForm
from .models import Programme

NAME = ("first_name", "last_name")  # what the enrolment pages show of the citizen


def _programme(request, pk: int) -> Programme:
    return access.open_programme(request.user, pk)


@role_required(*access.READ_ROLES)
def programme_list(request):
    form = ProgrammeListForm(request.GET)
    programmes = access.programmes_for(request.user).annotate(
        cohort_count=Count("cohorts", distinct=True),
        open_enrolments=Count("enrolments", filter=Q(enrolments__ends_on__isnull=True)),
    )
    page = paginate(request, form.apply(programmes), form).page
    ctx = {
        "form": form,
        "page": page,
        "may_create": request.user.role in access.EDIT_ROLES,
        "sees_siri": request.user.role in access.SIRI_ROLES,
    }
    return render(request, "programmes/list.html", ctx)


@role_required(*access.READ_ROLES)
def programme_detail(request, pk):
    programme = _programme(request, pk)
    ctx = {
        "programme": programme,
        "sections": siri.sections(programme),
        "modules": programme.modules.all(),
        "events": programme.events.select_related("after_module"),
        "cohorts": access.cohorts_for(request.user)
        .filter(programme=programme)
        .annotate(taken=Count("enrolments", filter=Q(enrolments__ends_on__isnull=True))),
        "may_edit": (may_edit := request.user.role in access.EDIT_ROLES),
        "sees_siri": request.user.role in access.SIRI_ROLES,
        "sees_economy": request.user.role in access.ECONOMY_ROLES,
        "practices": programme.practices.order_by("number"),
        "sees_practices": request.user.role in practice_access.READERS,
    }
    if may_edit:
        ctx["parts"] = parts.rows_by_part(programme)
        ctx["changes"] = programme.changes.select_related("by")[:10]
    return render(request, "programmes/detail.html", ctx)


def _save_programme(form: ProgrammeForm, request) -> Programme | None:
    programme = form.instance  # the form's values, written by the service
    rows = {k: form.cleaned_data[k] for k in ("criteria", "activities", "actors", "practices")}
    try:
        if programme.pk:
            return services.programme_change(
                programme=programme,
                version=form.read_version,
                fields=PROGRAMME_FIELDS,
                by=request.user,
                **rows,
            )
        return services.programme_create(programme=programme, by=request.user, **rows)
    except (StaleError, ValidationError) as e:
        form.add_error(None, e)
        return None


@role_required(*access.EDIT_ROLES)
def programme_create(request):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (saved := _save_programme(form, request)):
        messages.success(request, _("Indsatsen er oprettet."))
        return redirect("programmes:detail", pk=saved.pk)
    return render(request, "programmes/form.html", {"form": form, "creating": True})


@role_required(*access.EDIT_ROLES)
def programme_edit(request, pk):
    programme = _programme(request, pk)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid() and _save_programme(form, request):
        messages.success(request, _("Ændringerne er gemt."))
        return redirect("programmes:detail", pk=pk)
    return render(request, "programmes/form.html", {"form": form, "programme": programme})


@role_required(*access.SIRI_ROLES)
def programme_siri_docx(request, pk):
    return siri.docx_response(_programme(request, pk))


@role_required(*access.ECONOMY_ROLES)
def programme_economy(request, pk):
    """Costs and the benefit saved each month (issue 12, item 9): aggregates only."""
    programme = _programme(request, pk)
    ctx = {"programme": programme, "economy": economy.economy(programme)}
    return render(request, "programmes/economy.html", ctx)


@role_required(*access.SIRI_ROLES)
def siri_deadlines(request):
    form = SiriListForm(request.GET)
    rows = form.apply(selectors.siri_deadlines(access.programmes_for(request.user)))
    page = paginate(request, rows, form).page
    return render(request, "programmes/siri.html", {"form": form, "page": page})


@role_required(*access.EDIT_ROLES)
def cohort_create(request, pk):
    programme = _programme(request, pk)
    form = CohortForm(
        request.POST or None,
        initial={
            "intake": programme.intake,
            "capacity": programme.participants_at_a_time,
            "starts_on": programme.starts_on,
        },
    )
    form.instance.programme = programme
    done = write(
        request,
        None,
        form,
        lambda: services.cohort_create(
            cohort=form.instance, teachers=list(form.cleaned_data["teachers"]), by=request.user
        ),
        message=_("Holdet er oprettet."),
        to=lambda cohort: reverse("programmes:cohort", kwargs={"pk": cohort.pk}),
    )
    ctx = {"form": form, "programme": programme}
    return done or render(request, "programmes/cohort_form.html", ctx)


@role_required(*access.EDIT_ROLES)
def cohort_edit(request, pk):
    cohort = access.open_cohort(request.user, pk, for_change=True).cohort
    form = CohortForm(request.POST or None, instance=cohort)
    done = write(
        request,
        None,
        form,
        lambda: services.cohort_change(
            cohort=form.instance,  # the form's values, written by the service
            teachers=list(form.cleaned_data["teachers"]),
            version=form.read_version,
            by=request.user,
        ),
        message=_("Ændringerne er gemt."),
        to=reverse("programmes:cohort", kwargs={"pk": pk}),
    )
    ctx = {"form": form, "programme": cohort.programme, "cohort": cohort}
    return done or render(request, "programmes/cohort_form.html", ctx)


@role_required(*access.COHORT_ROLES)
def cohort_list(request):
    cohorts = access.cohorts_for(request.user).annotate(
        taken=Count("enrolments", filter=Q(enrolments__ends_on__isnull=True))
    )
    form = CohortListForm(request.GET)
    ctx = {"form": form, "page": paginate(request, form.apply(cohorts), form).page}
    return render(request, "programmes/cohort_list.html", ctx)


@role_required(*access.COHORT_ROLES)
def cohort_detail(request, pk):
    opened = access.open_cohort(request.user, pk)
    cohort = opened.cohort
    enrolments = list(access.participants(opened, request.user))
    fields = access.TEACHER_FIELDS if opened.teacher_view else access.STAFF_FIELDS
    citizen_access.log_list(request, [e.citizen_id for e in enrolments], fields=fields)
    ctx = {
        "cohort": cohort,
        "programme": cohort.programme,
        "enrolments": enrolments,
        "teacher_view": opened.teacher_view,
        "may_change": opened.may_change,
        "taken": services.cohort_places_taken(cohort, cohort.starts_on),
        "plan": selectors.cohort_plan(cohort),
        "teachers": cohort.teachers.order_by("first_name", "last_name"),
    }
    return render(request, "programmes/cohort.html", ctx)


@role_required(*access.ENROL_ROLES)
def enrol(request, pk):
    opened = access.open_for_enrolment(request.user, pk)
    programme_id = parse_int(request.GET.get("indsats"), 1)
    programme = access.programmes_for(request.user).filter(pk=programme_id).first()
    if programme is None:
        opened.log(request, fields=NAME)
        ctx = {"citizen": opened.obj, "programmes": access.programmes_for(request.user)}
        return render(request, "programmes/enrol_choose.html", ctx)
    form = EnrolmentForm(request.POST or None, programme=programme)
    done = write(
        request,
        opened,
        form,
        lambda: services.enrolment_create(
            citizen=opened.obj,
            programme=programme,
            cohort=form.cleaned_data["cohort"],
            starts_on=form.cleaned_data["starts_on"],
            unmet=form.unmet,
            by=request.user,
        ),
        fields=("enrolment",),
        message=_("Borgeren er indskrevet."),
        to=reverse("citizens:detail", kwargs={"pk": pk}),
        action=Action.CREATE,
    )
    ctx = {"citizen": opened.obj, "programme": programme, "form": form}
    return done or page(request, opened, "programmes/enrol.html", ctx, fields=NAME)


@role_required(*access.ENROL_ROLES)
def enrolment_end(request, pk):
    enrolment, opened = access.open_enrolment(request.user, pk, for_change=True)
    form = EnrolmentEndForm(request.POST or None, starts_on=enrolment.starts_on)
    done = write(
        request,
        opened,
        form,
        lambda: services.enrolment_end(enrolment=enrolment, by=request.user, **form.cleaned_data),
        fields=("enrolment",),
        message=_("Indskrivningen er afsluttet."),
        to=reverse("citizens:detail", kwargs={"pk": enrolment.citizen_id}),
    )
    ctx = {"enrolment": enrolment, "citizen": opened.obj, "form": form}
    fields = (*NAME, "enrolment")
    return done or page(request, opened, "programmes/enrolment_end.html", ctx, fields=fields)


@role_required(*access.EDIT_ROLES)
def part_edit(request, pk, part, row=None):
    """Add (no `row`) or change one row of the description: a change track, a cost line, an
    observation, a module or an event (parts.py)."""
    programme, kind, obj = access.open_part(request.user, pk, part, row)
    form = kind.form(request.POST or None, instance=obj, programme=programme)
    done = write(
        request,
        None,
        form,
        lambda: services.programme_part_save(
            programme=programme, row=form.instance, version=form.read_version, by=request.user
        ),
        message=_("Ændringerne er gemt."),
        to=reverse("programmes:detail", args=[pk]) + f"#{kind.slug}",
    )
    ctx = {"programme": programme, "part": kind, "form": form, "row": obj}
    return done or render(request, "programmes/part_form.html", ctx)


@require_POST
@role_required(*access.EDIT_ROLES)
def part_delete(request, pk, part, row):
    programme, kind, obj = access.open_part(request.user, pk, part, row)
    version = parse_int(request.POST.get("version"), 0)
    try:
        services.programme_part_delete(
            programme=programme, row=obj, version=version, by=request.user
        )
    except StaleError as e:
        messages.error(request, e.messages[0])
        return redirect("programmes:part_edit", pk=pk, part=part, row=row)
    messages.success(request, _("Rækken er slettet."))
    return redirect(reverse("programmes:detail", args=[pk]) + f"#{kind.slug}")
