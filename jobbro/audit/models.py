"""The access log: who saw or changed which citizen's personal data, when, from where and why.

Rows are only ever added. The model refuses updates and deletes, and on PostgreSQL a trigger
(migration 0002) refuses them in the database too, whoever asks.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role


class Action(models.TextChoices):
    VIEW = "view", _("Åbnet")
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
    STATED = "stated", _("Begrundet adgang")
    CREATION = "creation", _("Oprettelse af ny sag")
    LOOKUP = "lookup", _("CPR-opslag uden for egen sagsstamme")


class AppendOnlyQuerySet(models.QuerySet):
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
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log is append-only")

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else self.role
