"""The good-practice library (PRODUCT.md capability 11): SIRI's Integrationskit as data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.IntegerChoices):
    # The kit's five themes, in its words (seed 002).
    EARLY = 1, _("Tidlig kommunal virksomhedsrettet indsats")
    COMPANIES = 2, _("Beskæftigelsesrettet samarbejde med virksomhederne")
    ORGANISATION = 3, _("Organisering af den beskæftigelsesrettede integrationsindsats")
    GROUPS = 4, _("Integrationsindsats for særlige grupper")
    LANGUAGE = (
        5,
        _(
            "Sproglæring og samarbejde med sprogcentrene i den beskæftigelsesrettede "
            "integrationsindsats"
        ),
    )


class Practice(models.Model):
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    theme = models.PositiveSmallIntegerField(_("tema"), choices=Theme.choices)
    title = models.CharField(_("titel"), max_length=200)
    municipalities = models.JSONField(_("kommuner"), default=list)
    partner = models.CharField(_("samarbejdspartner"), max_length=100, blank=True)
    persons_in_programme = models.PositiveIntegerField(
        _("personer i integrationsprogrammet"), null=True, blank=True
    )
    persons_note = models.CharField(max_length=100, blank=True)
    lead = models.TextField(_("kort fortalt"))
    method = models.TextField(_("indsatsen"))
    results = models.TextField(_("resultater"))
    advice = models.JSONField(_("gode råd"), default=list)
    source = models.CharField(_("kilde"), max_length=200)
    # Every searchable word in one column, lower-cased, for the SQLite fallback's search
    # (PostgreSQL searches the fields themselves with its Danish configuration).
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["number"]
        verbose_name = _("god praksis")
        verbose_name_plural = _("god praksis")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def municipalities_text(self) -> str:
        return ", ".join(self.municipalities)

    def paragraphs(self, field: str) -> list[str]:
        return [p for p in getattr(self, field).split("\n\n") if p.strip()]

    def method_paragraphs(self) -> list[str]:
        return self.paragraphs("method")

    def results_paragraphs(self) -> list[str]:
        return self.paragraphs("results")
