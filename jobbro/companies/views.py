from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.core.views import write
from jobbro.front.lists import paginate
from jobbro.matching.access import MATCH_ROLES

from . import access, industries, legal, services
from .forms import (
    CompanyForm,
    ContactForm,
    ContactLogForm,
    DemandForm,
    OpeningForm,
    PartnershipForm,
    SurveyForm,
)
from .lists import BarometerListForm, CapacityListForm, CompanyListForm
from .models import (
    BarometerReadiness,
    BarometerSurvey,
    Company,
    Demand,
    Opening,
    OpeningKind,
    PartnershipStatus,
)


def _editable(request, pk) -> Company:
    company = access.open_company(request.user, pk)
    if not access.may_edit(request.user, company):
        raise PermissionDenied
    return company


def _legal_warnings(company: Company, opening: Opening | None = None, adding: int = 0) -> list:
    """The Danish warnings of the rimelighedskrav and merbeskæftigelseskrav that apply."""
    warnings = []
    if opening is None or opening.kind in legal.REASONABLENESS_KINDS:
        check = legal.reasonableness_check(company, adding=adding)
        if check.exceeded or not check.known:
            warnings.append(check.message)
    if opening is not None and opening.kind == OpeningKind.WAGE_SUBSIDY:
        warnings.extend(legal.net_new_job_check(company, opening=opening).messages)
    return warnings


@role_required(*access.JOB_BANK_ROLES)
def company_list(request):
    scope = access.companies_for(request.user)
    form = CompanyListForm(request.GET, companies=scope)
    companies = scope.select_related("key_account").annotate(
        open_openings=Count("openings", filter=Q(openings__is_open=True))
    )
    listing = paginate(request, form.apply(companies), form)
    for company in listing.object_list:
        company.industry_title = industries.title(company.industry_code)
    ctx = {
        "form": form,
        "page": listing.page,
        "may_create": request.user.role in access.CREATE_ROLES,
        "mine": request.user.role == Role.COMPANY_CONSULTANT,
    }
    return render(request, "companies/list.html", ctx)


@role_required(*access.CREATE_ROLES)
def company_create(request):
    initial = {}
    if request.user.role == Role.COMPANY_CONSULTANT:
        initial["key_account"] = request.user
    form = CompanyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        company = services.company_create(company=form.save(commit=False), by=request.user)
        messages.success(request, _("Virksomheden er oprettet i jobbanken."))
        return redirect("companies:detail", pk=company.pk)
    return render(
        request,
        "companies/company_form.html",
        {"form": form, "creating": True, "codes": industries.codes()},
    )


@role_required(*access.JOB_BANK_ROLES)
def company_detail(request, pk):
    company = access.open_company(request.user, pk)
    openings = company.openings.with_free_capacity().order_by("-is_open", "kind", "title")
    sees_contacts = access.sees_contacts(request.user)
    ctx = {
        "company": company,
        "industry_title": industries.title(company.industry_code),
        "openings": openings,
        "demands": company.demands.all(),
        "surveys": company.surveys.all()[:5],
        "history": company.partnership_changes.select_related("changed_by"),
        "reasonableness": legal.reasonableness_check(company),
        "may_edit": access.may_edit(request.user, company),
        "sees_contacts": sees_contacts,
        "contacts": company.contacts.all() if sees_contacts else (),
        "log": company.contact_log.select_related("by", "contact")[:20] if sees_contacts else (),
    }
    return render(request, "companies/detail.html", ctx)


@role_required(*access.CREATE_ROLES)
def company_edit(request, pk):
    company = _editable(request, pk)
    form = CompanyForm(request.POST or None, instance=company)
    done = write(
        request,
        None,
        form,
        lambda: services.company_change(
            company=form.instance, version=form.read_version, by=request.user
        ),
        message=_("Ændringerne er gemt."),
        to=reverse("companies:detail", kwargs={"pk": pk}),
    )
    return done or render(
        request,
        "companies/company_form.html",
        {"form": form, "company": company, "codes": industries.codes()},
    )


@role_required(*access.CREATE_ROLES)
def partnership(request, pk):
    company = _editable(request, pk)
    form = PartnershipForm(request.POST or None, initial={"status": company.partnership_status})
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_change(
                company=company,
                status=form.cleaned_data["status"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as e:
            for field, errors in e.message_dict.items():
                for error in errors:
                    form.add_error(field, error)
        else:
            messages.success(request, _("Samarbejdets status er ændret."))
            return redirect("companies:detail", pk=pk)
    return render(
        request,
        "companies/small_form.html",
        {"form": form, "company": company, "title": _("Ændr samarbejdets status")},
    )


def _company_child_form(request, pk, form_class, title, *, add, done, **form_kwargs):
    """Add one thing that belongs to a company (contact, log entry, demand, survey) with the
    service `add(item=..., by=...)`."""
    company = _editable(request, pk)
    if form_class in (ContactLogForm, SurveyForm):
        form_kwargs["company"] = company
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.company = company
        add(item=item, by=request.user)
        messages.success(request, done)
        return redirect("companies:detail", pk=pk)
    ctx = {"form": form, "company": company, "title": title, "codes": industries.codes()}
    return render(request, "companies/small_form.html", ctx)


@role_required(*access.CONTACT_ROLES)
def contact_create(request, pk):
    return _company_child_form(
        request,
        pk,
        ContactForm,
        _("Tilføj kontaktperson"),
        add=services.contact_add,
        done=_("Kontaktpersonen er tilføjet."),
    )


@role_required(*access.CONTACT_ROLES)
def log_create(request, pk):
    return _company_child_form(
        request,
        pk,
        ContactLogForm,
        _("Registrér kontakt"),
        add=services.contact_log_add,
        done=_("Kontakten er registreret i kontaktloggen."),
        initial={"at": timezone.now()},
    )


@role_required(*access.CREATE_ROLES)
def demand_create(request, pk):
    return _company_child_form(
        request,
        pk,
        DemandForm,
        _("Registrér efterspørgsel"),
        add=services.demand_add,
        done=_("Efterspørgslen er registreret."),
    )


@role_required(*access.CREATE_ROLES)
def survey_create(request, pk):
    return _company_child_form(
        request,
        pk,
        SurveyForm,
        _("Registrér svar til jobbarometeret"),
        add=services.survey_add,
        done=_("Svaret til jobbarometeret er registreret."),
        initial={"surveyed_on": timezone.localdate()},
    )


@role_required(*access.CREATE_ROLES)
def opening_create(request, pk):
    company = _editable(request, pk)
    form = OpeningForm(request.POST or None, initial={"capacity": 1, "is_open": True})
    if request.method == "POST" and form.is_valid():
        opening = form.save(commit=False)
        opening.company = company
        opening = services.opening_create(opening=opening, by=request.user)
        messages.success(request, _("Åbningen er oprettet."))
        for warning in _legal_warnings(company, opening, adding=opening.capacity):
            messages.warning(request, warning)
        return redirect("companies:opening_detail", pk=opening.pk)
    return render(
        request, "companies/opening_form.html", {"form": form, "company": company, "creating": True}
    )


def _open_opening(request, pk) -> Opening:
    opening = get_object_or_404(
        Opening.objects.with_free_capacity().select_related("company"), pk=pk
    )
    access.open_company(request.user, opening.company_id)  # the same rule as its company
    return opening


@role_required(*access.JOB_BANK_ROLES)
def opening_detail(request, pk):
    opening = _open_opening(request, pk)
    company = opening.company
    ctx = {
        "opening": opening,
        "company": company,
        "may_edit": access.may_edit(request.user, company),
        "may_match": request.user.role in MATCH_ROLES,
        "warnings": _legal_warnings(company, opening),
        "reasonableness": legal.reasonableness_check(company)
        if opening.kind in legal.REASONABLENESS_KINDS
        else None,
    }
    return render(request, "companies/opening_detail.html", ctx)


@role_required(*access.CREATE_ROLES)
def opening_edit(request, pk):
    opening = _open_opening(request, pk)
    if not access.may_edit(request.user, opening.company):
        raise PermissionDenied
    form = OpeningForm(request.POST or None, instance=opening)
    done = write(
        request,
        None,
        form,
        lambda: services.opening_change(
            opening=form.instance, version=form.read_version, by=request.user
        ),
        message=_("Ændringerne er gemt."),
        to=reverse("companies:opening_detail", kwargs={"pk": pk}),
    )
    return done or render(
        request,
        "companies/opening_form.html",
        {"form": form, "company": opening.company, "opening": opening},
    )


@role_required(*access.JOB_BANK_ROLES)
def capacity(request):
    scope = access.companies_for(request.user)
    form = CapacityListForm(request.GET, companies=scope)
    openings = form.apply(
        Opening.objects.free_now().filter(company__in=scope).select_related("company")
    )
    totals = openings.aggregate(places=Sum("free"), openings=Count("id"))
    listing = paginate(request, openings, form)
    ctx = {"form": form, "page": listing.page, "totals": totals}
    return render(request, "companies/capacity.html", ctx)


@role_required(*access.AGGREGATE_ROLES)
def demand_overview(request):
    today = timezone.localdate()
    current = Demand.objects.filter(company__partnership_status=PartnershipStatus.ACTIVE).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    by_industry = list(
        current.annotate(group=Substr("industry_code", 1, 2))
        .values("group")
        .annotate(people=Sum("people"), companies=Count("company", distinct=True))
        .order_by("-people", "group")
    )
    for row in by_industry:
        row["title"] = industries.main_group_title(row["group"]) or _("Branche ikke oplyst")
    by_job_type = list(
        current.values("job_type")
        .annotate(people=Sum("people"), companies=Count("company", distinct=True))
        .order_by("-people", "job_type")
    )
    return render(
        request,
        "companies/demand.html",
        {
            "by_industry": by_industry,
            "by_job_type": by_job_type,
            "total": sum(r["people"] for r in by_job_type),
        },
    )


@role_required(*access.AGGREGATE_ROLES)
def barometer(request):
    latest = BarometerSurvey.objects.filter(company=OuterRef("pk")).order_by("-surveyed_on", "-id")
    companies = Company.objects.annotate(
        surveyed_on=Subquery(latest.values("surveyed_on")[:1]),
        expected=Subquery(latest.values("expected_openings")[:1]),
        readiness=Subquery(latest.values("readiness")[:1]),
    ).filter(surveyed_on__isnull=False)
    totals = {
        "companies": companies.count(),
        "expected": companies.aggregate(n=Sum("expected"))["n"] or 0,
        "ready": companies.filter(readiness=BarometerReadiness.READY).count(),
    }
    form = BarometerListForm(request.GET)
    listing = paginate(request, form.apply(companies), form)
    labels = dict(BarometerReadiness.choices)
    for company in listing.object_list:
        company.readiness_label = labels.get(company.readiness, "")
    ctx = {"form": form, "page": listing.page, "totals": totals}
    ctx["links"] = request.user.role in access.JOB_BANK_ROLES
    return render(request, "companies/barometer.html", ctx)
