"""The access log: who saw or changed which citizen's personal data, when, from where and why.

Rows are only ever added. The model refuses updates and deletes, and on PostgreSQL a trigger
(migration 0002) refuses them in the database too, whoever asks. Each row carries an HMAC
chained to the row before (chain.py), so a change made around all of that (by the table's
owner, say) is found by `jobbro verify_access_log`.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role

from . import chain


class Action(models.TextChoices):
    VIEW = "view", _("Åbnet sagen")
    LIST = "list", _("Vist i liste")
    SEARCH = "search", _("Fundet ved søgning")
    EXPORT = "export", _("Eksporteret")
    CREATE = "create", _("Oprettet")
    CHANGE = "change", _("Ændret")
    DELETE = "delete", _("Slettet")


class Purpose(models.TextChoices):
    CASELOAD = "caseload", _("Egen sagsstamme")
    TEAM = "team", _("Teamets sagsstamme")
    PROJECT = "project", _("Projektets borger")
    MENTEE = "mentee", _("Egen mentee")
    PROGRAMME = "programme", _("Deltager i egen indsats")
    COMPANY = "company", _("Placeret eller foreslået hos egen virksomhed")
    MATCHING = "matching", _("Matchning: samtykke til deling med virksomheder")
    STATED = "stated", _("Begrundet adgang")
    CREATION = "creation", _("Oprettelse af ny sag")
    LOOKUP = "lookup", _("CPR-opslag uden for egen sagsstamme")
    NAMED = "named", _("Navngivet adgang til traumescreening")
    HANDOVER = "handover", _("Overdragelse af sagen, afgivet eller modtaget")
    RETENTION = "retention", _("Sletning efter opbevaringsregel")


class AppendOnlyQuerySet(models.QuerySet):
    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        """Insert the entries chained after the newest row, under the chain's lock."""
        objs = list(objs)
        if not objs:
            return objs
        with transaction.atomic(using=self.db, savepoint=False):
            chain.lock(self.db)
            head_id, head_hash = chain.head(self.model, self.db)
            chain.chain(objs, head_hash)
            created = super().bulk_create(objs, *args, **kwargs)
            chain.check_order(head_id, [obj.pk for obj in created])
        return created

    def update(self, **kwargs):
        raise PermissionError("The access log is append-only")

    def delete(self):
        raise PermissionError("The access log is append-only")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("rolle"), max_length=32)
    action = models.CharField(_("handling"), max_length=16, choices=Action.choices)
    # A plain id, not a foreign key: deleting a citizen must not touch their log.
    citizen_id = models.BigIntegerField(_("borger-id"), db_index=True)
    purpose = models.CharField(_("formål"), max_length=16, choices=Purpose.choices)
    reason = models.TextField(_("begrundelse"), blank=True)
    fields = models.CharField(_("felter"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)
    path = models.CharField(_("side"), max_length=300, blank=True)
    # HMAC-SHA256 over this row and the previous row's chain_hash (chain.py).
    chain_hash = models.CharField(_("kædehash"), max_length=64, blank=True, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("adgangslogpost")
        verbose_name_plural = _("adgangslog")
        indexes = [models.Index(fields=["citizen_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.user_id} {self.action} {self.citizen_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The access log is append-only")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using, savepoint=False):
            chain.lock(using)
            head_id, head_hash = chain.head(type(self), using)
            chain.chain([self], head_hash)
            super().save(*args, **kwargs)
            chain.check_order(head_id, [self.pk])

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log is append-only")

    @property
    def fields_label(self) -> str:
        """The logged fields in Danish: "fornavn, efternavn", not "first_name,last_name"."""
        from .fields import labels

        return labels(self.fields)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role in Role.values else self.role
