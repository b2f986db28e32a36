from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of PRODUCT.md; what each may see is decided in each app's access module."""

    ADMINISTRATOR = "administrator", _("Administrator")
    AMBASSADOR = "ambassador", _("Ambassadør")
    CASE_WORKER = "case_worker", _("Sagsbehandler")
    COMPANY_CONSULTANT = "company_consultant", _("Virksomhedskonsulent")
    TEACHER = "teacher", _("Underviser")
    MANAGER = "manager", _("Leder")
    MENTOR = "mentor", _("Mentor")


class Team(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
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
