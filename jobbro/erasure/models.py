"""Retention of personal data: a rule per kind of data, and the decisions that act on them.

`RetentionRule` is reference data (shipped by migration 0002, with the legal basis written
beside each rule; docs/retention.md gives the assumptions). The monthly `jobbro retention`
lists what is due and records each due item as a pending `ErasureDecision`; nothing is
deleted or anonymised until an administrator approves the item on /sletning/, and a refusal
is recorded the same way. The access log has its own rule: it is never deleted by Jobbro
(see docs/retention.md on the hash chain).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DataKind(models.TextChoices):
    CASE_FILE = "case_file", _("Sagen: stamoplysninger, forløb, planer, journal og tidslinje")
    ACCESS_GRANT = "access_grant", _("Begrundede adgange (formål og begrundelse)")
    ACCESS_LOG = "access_log", _("Adgangsloggen")


class RetentionAction(models.TextChoices):
    ANONYMISE = "anonymise", _("Anonymiseres")
    DELETE = "delete", _("Slettes")
    KEEP_PSEUDONYMOUS = "pseudonymous", _("Bevares pseudonymt (kun borger-id)")


class RetentionRule(models.Model):
    kind = models.CharField(_("slags data"), max_length=16, choices=DataKind.choices, unique=True)
    years = models.PositiveSmallIntegerField(_("år"))
    counted_from = models.CharField(_("regnet fra"), max_length=100)
    action = models.CharField(_("derefter"), max_length=16, choices=RetentionAction.choices)
    legal_basis = models.TextField(_("retsgrundlag"))
    note = models.TextField(_("antagelser"), blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("opbevaringsregel")
        verbose_name_plural = _("opbevaringsregler")
        constraints = [
            models.CheckConstraint(condition=Q(years__gte=1), name="retention_rule_a_year_at_least")
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Decision(models.TextChoices):
    PENDING = "pending", _("Afventer godkendelse")
    APPROVED = "approved", _("Godkendt og udført")
    REFUSED = "refused", _("Afvist")


class ErasureDecision(models.Model):
    """One due item (a closed case, or the expired grants before a day) and what was decided.

    The citizen is a plain id, as in the access log: the row outlives the personal data."""

    rule = models.ForeignKey(RetentionRule, on_delete=models.PROTECT, related_name="decisions")
    citizen_id = models.BigIntegerField(_("borger-id"), null=True, blank=True)
    due_since = models.DateField(_("forfaldent siden"))
    listed_at = models.DateTimeField(_("fundet"), default=timezone.now)
    state = models.CharField(
        _("afgørelse"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    note = models.TextField(_("begrundelse"), blank=True)
    # What was anonymised or deleted: {"model label": rows}, for the record.
    done = models.JSONField(_("udført"), default=dict, blank=True)

    class Meta:
        ordering = ["due_since", "id"]
        verbose_name = _("sletningsafgørelse")
        verbose_name_plural = _("sletningsafgørelser")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "citizen_id"],
                condition=Q(state="pending"),
                name="erasure_one_pending_per_item",
            ),
            models.CheckConstraint(
                condition=Q(state="pending")
                | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="erasure_decided_by_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule} #{self.citizen_id} {self.get_state_display()}"
