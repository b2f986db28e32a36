"""Writes of a citizen's benefit history, checked against the law in force on its dates."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from jobbro.accounts.adminlog import log_admin
from jobbro.accounts.models import AdminAction, User
from jobbro.citizens.models import Citizen, EventKind
from jobbro.citizens.services import timeline_event_add
from jobbro.core.locking import save_versioned

from .models import Benefit, BenefitAmount, BenefitPeriod, BenefitRate, BenefitSupplement


@transaction.atomic
def benefit_period_add(
    *,
    citizen: Citizen,
    by: User,
    benefit: Benefit,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    rate: BenefitRate | None = None,
    supplements: list[BenefitSupplement] | None = None,
) -> BenefitPeriod:
    """Record that the citizen receives `benefit` from `starts_on` (to `ends_on`).

    The benefit, its rate and supplements must be in force on the dates (a Danish
    ValidationError names what was not). A period still open that began before ends the day
    before this one starts; any other overlap is refused.
    """
    # Lock the citizen's row so two people adding at once cannot both end the same period.
    Citizen.objects.select_for_update().filter(pk=citizen.pk).first()
    period = BenefitPeriod(
        citizen=citizen, benefit=benefit, rate=rate, starts_on=starts_on, ends_on=ends_on,
        recorded_by=by,
    )  # fmt: skip
    period.full_clean()
    for supplement in supplements or []:
        if supplement.benefit_id != benefit.pk or not supplement.is_valid_on(starts_on):
            raise ValidationError(
                {"supplements": _("%(s)s gælder ikke for %(b)s den %(d)s.")
                 % {"s": supplement.name, "b": benefit.name, "d": f"{starts_on:%d.%m.%Y}"}}
            )  # fmt: skip
    before = BenefitPeriod.objects.filter(
        citizen=citizen, ends_on__isnull=True, starts_on__lt=starts_on
    )
    ended = before.update(ends_on=starts_on - dt.timedelta(days=1))
    overlapping = BenefitPeriod.objects.filter(
        citizen=citizen, starts_on__lte=ends_on or dt.date.max
    )
    overlapping = overlapping.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
    if overlapping.exists():
        raise ValidationError(
            {"starts_on": _("Perioden overlapper en anden periode med forsørgelse. Ret datoerne.")}
        )
    period.save()
    period.supplements.set(supplements or [])
    text = _("Forsørgelse: %(p)s fra %(d)s") % {"p": period, "d": f"{starts_on:%d.%m.%Y}"}
    if ended:
        text += " " + _("(den forrige periode er afsluttet dagen før)")
    timeline_event_add(citizen_id=citizen.pk, kind=EventKind.CHANGED, text=text, by=by)
    return period


# The fields of an amount whose changes the administration log records (old and new value).
AMOUNT_FIELDS = ("benefit", "rate", "monthly", "valid_from", "valid_to", "source")


def _amount_snapshot(amount: BenefitAmount | None) -> dict[str, str | None]:
    if amount is None:
        return {}
    values = {f: getattr(amount, f) for f in AMOUNT_FIELDS}
    return {f: None if v is None else str(v) for f, v in values.items()}


@transaction.atomic
def benefit_amount_save(
    *,
    amount: BenefitAmount,
    version: int | None = None,
    by: User | None,
    request: HttpRequest | None = None,
) -> BenefitAmount:
    """Create or change a benefit's monthly amount (reference data, no personal data): the
    model's rules (`BenefitAmount.clean`: the rate is the benefit's, no overlap with another
    amount of the same benefit and rate), and an edit only from the version it was read at
    (`core.locking`). `by` is the administrator (the page is theirs alone), or None when no
    person enters it (the demo's build), logged as done by nobody, as a lockout is: a log
    entry protects its actor, so a demo user named there could never be deleted by `demo_data
    --reset`. The creation or change is written to the administration log in the same
    transaction (with `request`'s address, when there is one)."""
    amount.full_clean()
    created = amount.pk is None
    stored = None if created else BenefitAmount.objects.filter(pk=amount.pk).first()
    before = _amount_snapshot(stored)
    if created:
        amount.save()
    else:
        save_versioned(amount, version=version, what=_("Beløbet"))
    after = _amount_snapshot(amount)
    changes = {f: [before.get(f), after[f]] for f in AMOUNT_FIELDS if before.get(f) != after[f]}
    action = AdminAction.AMOUNT_CREATE if created else AdminAction.AMOUNT_CHANGE
    log_admin(request, action, actor=by, changes=changes)
    return amount
