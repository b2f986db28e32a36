"""The law's section of the data-subject export: the citizen's benefit history."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import fields_of, records, section

from .models import BenefitPeriod


@section("benefits", _("Forsørgelse"), order=15)
def benefits(citizen):
    periods = (
        BenefitPeriod.objects.filter(citizen=citizen)
        .select_related("benefit", "rate", "recorded_by")
        .prefetch_related("supplements")
        .order_by("starts_on", "id")
    )
    yield records(
        "benefit_periods",
        _("Forsørgelseshistorik"),
        periods,
        fields_of(BenefitPeriod, leave_out=("citizen",)),
        model=BenefitPeriod,
        extra={
            "supplements": (
                _("tillæg"),
                lambda p: ", ".join(str(s) for s in p.supplements.all()),
            )
        },
    )
