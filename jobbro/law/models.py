"""The law in force as dated reference data (PRODUCT.md "The law in force"; issue 9.3).

Benefits, their rates and supplements, and the programme the law prescribes are rows with
`valid_from`/`valid_to`, not code: the reform of 1 January 2027 is new rows and an end date
on the old ones (`reference.py`, loaded by a migration), not a change of code. A citizen's
benefit is a history of `BenefitPeriod`s, each checked against the rows in force on its
dates.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import Versioned
from jobbro.lib.dates import add_months


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Dated(models.Model):
    """A reference row: its code, its Danish and English name, and when it is in force."""

    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("navn"), max_length=120)
    name_en = models.CharField(_("navn på engelsk"), max_length=120)
    valid_from = models.DateField(_("gælder fra"), null=True, blank=True)
    valid_to = models.DateField(_("gælder til og med"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name_en if (get_language() or "da").startswith("en") else self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def period_text(self) -> str:
        start = self.valid_from.strftime("%d.%m.%Y") if self.valid_from else ""
        end = self.valid_to.strftime("%d.%m.%Y") if self.valid_to else ""
        if start and end:
            return f"{start}–{end}"
        if start:
            return gettext("fra %(d)s") % {"d": start}
        if end:
            return gettext("til og med %(d)s") % {"d": end}
        return gettext("uden tidsgrænse")


class Benefit(Dated):
    legal_basis = models.CharField(_("lovgrundlag"), max_length=200, blank=True)
    # What the benefit became when it ended (integrationsydelse -> selvforsørgelses- og
    # hjemrejseydelse -> kontanthjælp): the old BenefitType values were migrated along it.
    successor = models.ForeignKey(
        "self", verbose_name=_("afløst af"), on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta(Dated.Meta):
        verbose_name = _("ydelse")
        constraints = [models.UniqueConstraint(fields=["code"], name="benefit_code_once")]


class BenefitRate(Dated):
    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="rates")

    class Meta(Dated.Meta):
        verbose_name = _("sats")
        constraints = [
            models.UniqueConstraint(fields=["benefit", "code"], name="benefit_rate_code_once")
        ]


class BenefitSupplement(Dated):
    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="supplements")

    class Meta(Dated.Meta):
        verbose_name = _("tillæg")
        constraints = [
            models.UniqueConstraint(fields=["benefit", "code"], name="benefit_supplement_once")
        ]


class ProgrammeLaw(Dated):
    """The programme the law prescribes for a refugee the municipality takes over: its name
    then, how long it lasts, and when the first company-based offer must come."""

    legal_basis = models.CharField(_("lovgrundlag"), max_length=200, blank=True)
    max_years = models.PositiveSmallIntegerField(_("varighed højst (år)"))
    first_offer_target_days = models.PositiveSmallIntegerField(
        _("første virksomhedsrettede tilbud, mål (dage)"), null=True, blank=True
    )
    first_offer_deadline_months = models.PositiveSmallIntegerField(
        _("første virksomhedsrettede tilbud senest (måneder)")
    )

    class Meta(Dated.Meta):
        verbose_name = _("program efter loven")
        constraints = [models.UniqueConstraint(fields=["code"], name="programme_law_code_once")]

    def first_offer_deadline(self, start: dt.date) -> dt.date:
        return add_months(start, self.first_offer_deadline_months)


class BenefitAmount(Versioned):
    """What a benefit (at a rate, when it has rates) pays a month, from a date: the rates are
    regulated each year, so the amounts are dated rows of their own. The programmes'
    economy (issue 12, item 9) counts the benefit a self-supporting participant no longer
    receives with the amount in force in each month. Jobbro ships none: they are the
    municipality's to enter from the ministry's yearly table of rates (satser), on the
    administrators' page `/lov/beloeb/`, each with its source; two amounts of one benefit and
    rate never overlap in time (`clean`)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="amounts")
    rate = models.ForeignKey(
        BenefitRate, on_delete=models.CASCADE, null=True, blank=True, related_name="amounts"
    )
    monthly = models.DecimalField(_("kr. pr. måned"), max_digits=9, decimal_places=2)
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til og med"), null=True, blank=True)
    source = models.CharField(_("kilde"), max_length=200)

    class Meta:
        ordering = ["benefit", "rate", "valid_from"]
        verbose_name = _("ydelsens beløb")
        verbose_name_plural = _("ydelsernes beløb")
        constraints = [
            models.CheckConstraint(condition=Q(monthly__gte=0), name="benefit_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="benefit_amount_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.benefit_id}/{self.rate_id}: {self.monthly} fra {self.valid_from}"

    def clean(self) -> None:
        """The rate is one of the benefit's; no other amount of the same benefit and rate
        is in force on any of the same days."""
        if self.benefit_id is None or self.valid_from is None:
            return
        if self.rate is not None and self.rate.benefit_id != self.benefit_id:
            raise ValidationError({"rate": gettext("Satsen hører ikke til ydelsen.")})
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": gettext("Slutdatoen skal ligge på eller efter startdatoen.")}
            )
        same = BenefitAmount.objects.filter(benefit_id=self.benefit_id, rate_id=self.rate_id)
        same = same.exclude(pk=self.pk).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
        )
        if self.valid_to is not None:
            same = same.filter(valid_from__lte=self.valid_to)
        other = same.order_by("valid_from").first()
        if other is not None:
            raise ValidationError(
                gettext(
                    "Der er allerede et beløb for samme ydelse og sats, der gælder %(period)s. "
                    "Sæt en slutdato på det, før det nye begynder, eller ret datoerne."
                )
                % {"period": other.period_text}
            )

    @property
    def monthly_text(self) -> str:
        """The amount as a Dane writes it: 12.550,00."""
        from django.utils import formats

        return formats.number_format(self.monthly, 2, use_l10n=True, force_grouping=True)

    @property
    def period_text(self) -> str:
        start = self.valid_from.strftime("%d.%m.%Y")
        if self.valid_to is None:
            return gettext("fra %(d)s, uden slutdato") % {"d": start}
        return f"{start}–{self.valid_to:%d.%m.%Y}"


class BenefitPeriodQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class BenefitPeriod(models.Model):
    """The benefit a citizen received from one date to another (or until now)."""

    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="benefit_periods"
    )
    benefit = models.ForeignKey(
        Benefit, verbose_name=_("forsørgelse"), on_delete=models.PROTECT, related_name="+"
    )
    rate = models.ForeignKey(
        BenefitRate,
        verbose_name=_("sats"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    supplements = models.ManyToManyField(
        BenefitSupplement, verbose_name=_("tillæg"), blank=True, related_name="+"
    )
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til og med"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registreret"), default=timezone.now)

    objects = BenefitPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["citizen", "-starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="benefit_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        rate = f" ({self.rate})" if self.rate_id else ""
        return f"{self.benefit}{rate}"

    def clean(self) -> None:
        """The benefit, rate and supplements must be in force on the period's dates."""
        if not self.starts_on or not self.benefit_id:
            return
        day = self.starts_on.strftime("%d.%m.%Y")
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Slutdatoen må ikke ligge før startdatoen.")})
        for edge in (self.starts_on, self.ends_on):
            if edge and not self.benefit.is_valid_on(edge):
                raise ValidationError(
                    {
                        "benefit": _("%(benefit)s fandtes ikke den %(day)s (gælder %(period)s).")
                        % {
                            "benefit": self.benefit.name,
                            "day": edge.strftime("%d.%m.%Y"),
                            "period": self.benefit.period_text,
                        }
                    }
                )
        rates = self.benefit.rates.valid_on(self.starts_on)
        if self.rate_id:
            assert self.rate is not None
            if self.rate.benefit_id != self.benefit_id or not self.rate.is_valid_on(self.starts_on):
                raise ValidationError(
                    {"rate": _("Satsen hører ikke til %(benefit)s den %(day)s.")
                     % {"benefit": self.benefit.name, "day": day}}
                )  # fmt: skip
        elif rates.exists():
            raise ValidationError(
                {"rate": _("Vælg satsen for %(benefit)s.") % {"benefit": self.benefit.name}}
            )
