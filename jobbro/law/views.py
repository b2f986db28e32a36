from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.citizens import access
from jobbro.citizens.lists import FirstOfferListForm
from jobbro.core.views import page, write
from jobbro.front.lists import paginate

from . import selectors, services
from .forms import BenefitAmountForm, BenefitAmountListForm, BenefitPeriodForm
from .models import Benefit, BenefitAmount, BenefitPeriod, ProgrammeLaw

# Everyone who works with citizens may read the law Jobbro applies.
STAFF = (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.TEACHER, Role.MANAGER,
         Role.ADMINISTRATOR)  # fmt: skip


@role_required(*STAFF)
def reference(request):
    """The law's reference data with their dates: what the benefit and programme checks use."""
    ctx = {
        "benefits": Benefit.objects.prefetch_related("rates", "supplements"),
        "programmes": ProgrammeLaw.objects.all(),
        "today": timezone.localdate(),
    }
    return render(request, "law/reference.html", ctx)


@role_required(*access.SENSITIVE_ROLES)
def citizen_benefits(request, pk):
    """A citizen's benefit history; the case worker adds a period."""
    opened = access.open_citizen(request.user, pk, for_change=request.method == "POST")
    citizen = opened.obj
    form = BenefitPeriodForm(request.POST or None)
    done = write(
        request,
        opened,
        form,
        lambda: services.benefit_period_add(citizen=citizen, by=request.user, **form.cleaned_data),
        fields=["benefit"],
        message=_("Forsørgelsen er registreret."),
        to=reverse("law:citizen_benefits", kwargs={"pk": pk}),
    )
    periods = BenefitPeriod.objects.filter(citizen=citizen).select_related("benefit", "rate")
    ctx = {
        "citizen": citizen,
        "form": form,
        "periods": periods.prefetch_related("supplements"),
        "may_edit": opened.may_change,
    }
    return done or page(request, opened, "law/benefits.html", ctx, fields=["benefit"])


@role_required(*access.CASE_FILE_ROLES)
def first_offers(request):
    """Citizens past the deadline for their first company-based offer (introduktionsprogram:
    within 2 weeks, at the latest 1 month), flagged as the 96-hour rule is."""
    citizens = selectors.awaiting_first_offer(access.citizens_for(request.user))
    form = FirstOfferListForm(request.GET)
    listing = paginate(request, form.apply(citizens.select_related("case_worker")), form)
    access.log_list(request, [c.pk for c in listing.object_list])
    return render(request, "law/first_offers.html", {"form": form, "page": listing.page})


@role_required(Role.ADMINISTRATOR)
def amounts(request):
    """The benefits' monthly amounts (reference data for the programmes' economy): the
    administrators keep them from the ministry's yearly table of rates."""
    rows = BenefitAmount.objects.select_related("benefit", "rate")
    form = BenefitAmountListForm(request.GET)
    listing = paginate(request, form.apply(rows), form)
    return render(request, "law/amounts.html", {"form": form, "page": listing.page})


@role_required(Role.ADMINISTRATOR)
def amount_edit(request, pk=None):
    amount = get_object_or_404(BenefitAmount, pk=pk) if pk else None
    form = BenefitAmountForm(request.POST or None, instance=amount)
    done = write(
        request,
        None,
        form,
        lambda: services.benefit_amount_save(
            amount=form.instance, version=form.read_version, by=request.user, request=request
        ),
        message=_("Beløbet er gemt."),
        to=reverse("law:amounts"),
    )
    return done or render(request, "law/amount_form.html", {"form": form, "edited": amount})
