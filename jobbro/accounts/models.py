from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import Versioned


class Role(models.TextChoices):
    """The roles of PRODUCT.md; what each may see is decided in each app's access module."""

    ADMINISTRATOR = "administrator", _("Administrator")
    AMBASSADOR = "ambassador", _("Ambassadør")
    CASE_WORKER = "case_worker", _("Sagsbehandler")
    COMPANY_CONSULTANT = "company_consultant", _("Virksomhedskonsulent")
    TEACHER = "teacher", _("Underviser")
    MANAGER = "manager", _("Leder")
    MENTOR = "mentor", _("Mentor")


class Team(Versioned):
    name = models.CharField(_("navn"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class User(Versioned, AbstractUser):
    role = models.CharField(_("rolle"), max_length=32, choices=Role.choices)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.is_active and self.role in roles


class AdminAction(models.TextChoices):
    USER_CREATE = "user_create", _("Bruger oprettet")
    USER_CHANGE = "user_change", _("Bruger ændret")
    PASSWORD_LINK = "password_link", _("Link til ny adgangskode udstedt")
    PASSWORD_SET = "password_set", _("Adgangskode sat via link")
    PASSWORD_CHANGE = "password_change", _("Adgangskode skiftet af brugeren")
    MFA_ENROL = "mfa_enrol", _("Totrinsbekræftelse oprettet")
    MFA_RESET = "mfa_reset", _("Totrinsbekræftelse nulstillet")
    TEAM_CREATE = "team_create", _("Team oprettet")
    TEAM_CHANGE = "team_change", _("Team ændret")
    GRANT = "grant", _("Begrundet adgang til borger")
    LOCKOUT = "lockout", _("Spærret efter fejlede login")
    AMOUNT_CREATE = "amount_create", _("Ydelsesbeløb oprettet")
    AMOUNT_CHANGE = "amount_change", _("Ydelsesbeløb ændret")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The administration log is append-only")

    def delete(self):
        raise PermissionError("The administration log is append-only")


class AdminLogEntry(models.Model):
    """One change of users, teams, access or benefit amounts, or one lockout: rows are only
    ever added.

    The model and its queryset refuse updates and deletes; on PostgreSQL a trigger
    (migration 0003) refuses them in the database too. Passwords are never in it.
    """

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    # Who did it; empty for a lockout (nobody is logged in).
    actor = models.ForeignKey(
        "User", verbose_name=_("udført af"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(_("rolle"), max_length=32, blank=True)
    action = models.CharField(_("handling"), max_length=32, choices=AdminAction.choices)
    # The user it concerns (created, changed, locked out, granted access).
    subject = models.ForeignKey(
        "User", verbose_name=_("bruger"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    # For a lockout of a name that is no user, the name typed (cut short).
    username = models.CharField(_("brugernavn"), max_length=150, blank=True)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    # A plain id, as in the access log: managers and administrators see no names.
    citizen_id = models.BigIntegerField(_("borger-id"), null=True, db_index=True)
    reason = models.TextField(_("begrundelse"), blank=True)
    until = models.DateTimeField(_("gælder til"), null=True)
    # What changed: {"field": [old, new]}; never a password.
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("administrationslogpost")
        verbose_name_plural = _("administrationslog")

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.actor_id} {self.action} {self.subject_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The administration log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The administration log is append-only")
