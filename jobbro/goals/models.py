"""Targets as data: what a programme or project aims at, in its own document's words.

A `Target` says "<share> % of the participants (or of the youth among them) reach
<measure> in the programme, at least <women_share> % of them women", and keeps the sentence
of the document it comes from (`wording`), which the pages quote. Seed 000's targets for the
ambassador project ship as data (`shipped.py`); another programme's targets are rows, not
code. What each measure counts is defined once, beside its number, in `selectors.py`
(`MEASURES`).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What a target counts: a participant who has been in this (see selectors.MEASURES)."""

    INTERNSHIP = "internship", _("Virksomhedspraktik")
    WAGE_SUBSIDY = "wage_subsidy", _("Job med løntilskud")
    ORDINARY_JOB = "ordinary_job", _("Ordinær beskæftigelse")
    SMALL_JOB = "small_job", _("Småjobs")
    LEISURE_JOB = "leisure_job", _("Fritidsjob")
    IGU = "igu", _("IGU-forløb")
    WORK_OR_EDUCATION = "work_or_education", _("I arbejde eller uddannelse")


class Population(models.TextChoices):
    """Whom a target's share is of."""

    PARTICIPANTS = "participants", _("Deltagerne")
    YOUTH = "youth", _("De unge deltagere (15–17 år)")


PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Target(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("indsats"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    measure = models.CharField(_("mål for"), max_length=20, choices=Measure.choices)
    population = models.CharField(
        _("andel af"), max_length=12, choices=Population.choices, default=Population.PARTICIPANTS
    )
    share = models.PositiveSmallIntegerField(_("mål (%)"), validators=PERCENT)
    women_share = models.PositiveSmallIntegerField(
        _("heraf kvinder mindst (%)"), null=True, blank=True, validators=PERCENT
    )
    wording = models.CharField(_("målet med dokumentets ord"), max_length=300)
    source = models.CharField(_("kilde"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["programme", "position", "id"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "measure", "population"], name="target_once_per_measure"
            ),
            models.CheckConstraint(condition=Q(share__lte=100), name="target_share_percent"),
            models.CheckConstraint(
                condition=Q(women_share__isnull=True) | Q(women_share__lte=100),
                name="target_women_share_percent",
            ),
        ]

    def __str__(self) -> str:
        return self.wording
