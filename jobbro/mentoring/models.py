"""Language buddies (sprogmakkere) at the workplace, seed 002 (Esbjerg): a colleague who
"har lyst til at lære fra sig" helps the refugee in a placement with Danish at work, with
frequent follow-ups with a language teacher, and gets a diploma for taking part."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.placements.models import Placement


class LanguageBuddy(models.Model):
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="language_buddies"
    )
    # A colleague at the company: a third party, so only what the diploma needs.
    name = models.CharField(_("sprogmakkerens navn"), max_length=120)
    job_title = models.CharField(_("stilling"), max_length=120, blank=True)
    language_teacher = models.CharField(_("sproglærer, der følger op"), max_length=120, blank=True)
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("slut"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("sprogmakker")
        verbose_name_plural = _("sprogmakkere")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="language_buddy_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name
