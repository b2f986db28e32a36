"""The names of the kinds of work or course a citizen can be in: one word per kind.

An opening in the job bank (companies) and a placement (placements) of the same kind are
called the same everywhere, so both choices take their labels from here (issue 13, item 8).
The priority staircase's steps are named in `placements.models.Step`; IGU and flexjob stand
on the wage-subsidy steps but are named as what they are.
"""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "ordinary": _("Ordinært arbejde"),
    "wage_subsidy": _("Løntilskud"),
    "internship": _("Virksomhedspraktik"),
    "other_effort": _("Øvrige udviklingsindsatser, herunder nytteindsats"),
    "igu": _("IGU-forløb"),
    "small_job": _("Småjob / lønnede timer"),
    "leisure_job": _("Fritidsjob"),
    "education": _("Uddannelse (VUC, FVU)"),
    "flexjob": _("Fleksjob"),
}


def kind(value: str) -> tuple[str, object]:
    """A TextChoices member's (value, label), the label from KIND_LABELS."""
    return value, KIND_LABELS[value]
