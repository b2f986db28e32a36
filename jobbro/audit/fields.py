"""What an access-log entry's `fields` say, in Danish: "fornavn, efternavn, journal".

The entries store the names the code logs (a citizen's field names, or a part of the case
such as "journal" or "access_log"), so the log reads the same whatever the page's language
was. The access-log pages show them by these labels: a citizen's field by its verbose name,
a part of the case by PARTS, "attachment:12" as "bilag (nr. 12)".
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

# The parts of a case the views log besides the citizen's own fields.
PARTS = {
    "access_log": _("adgangslog"),
    "assessments": _("progressionsmålinger"),
    "attachment": _("bilag"),
    "attendance": _("fremmøde"),
    "benefit": _("ydelse"),
    "data_subject_export": _("indsigtsudtræk"),
    "decision": _("beslutning om match"),
    "enrolment": _("indskrivning i indsats"),
    "hearing_letter": _("partshøringsbrev"),
    "journal": _("journal"),
    "json": _("som JSON"),
    "language_buddies": _("sprogmakkere"),
    "language_buddy_diploma": _("sprogmakkerbevis"),
    "language_school": _("sprogskole"),
    "languages": _("sprog"),
    "languages_unmatched": _("sprog uden match"),
    "match_profile": _("matchprofil"),
    "meeting_decision": _("beslutning på koordineringsmøde"),
    "mentor": _("mentor"),
    "mentor_end": _("mentor"),
    "mentor_match": _("mentormatch"),
    "mentor_matches": _("mentormatch"),
    "mentor_meetings": _("mentormøder"),
    "pdf": _("som PDF"),
    "plan": _("plan for forløbet"),
    "retention_plan": _("fastholdelsesplan"),
    "sanction_attachment": _("bilag til sanktionssag"),
    "sanction_case": _("sanktionssag"),
    "status": _("sagens status"),
    "suggestions": _("matchforslag"),
    "transfer": _("overdragelse af sagen"),
    "trauma_screening": _("traumescreening"),
    "week": _("ugeplan"),
    "work_obligation": _("arbejdspligt"),
    "zip": _("som ZIP"),
}


def _citizen_field(name: str):
    from jobbro.citizens.models import Citizen

    try:
        return Citizen._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def known(name: str) -> bool:
    """Whether the name has a Danish label (a part of the case or a citizen's field)."""
    base = name.partition(":")[0]
    return base in PARTS or _citizen_field(base) is not None


def label(name: str) -> str:
    """One logged name in Danish; a name nobody described is shown as it is."""
    base, _sep, ref = name.partition(":")
    text = (
        str(PARTS[base])
        if base in PARTS
        else str(getattr(_citizen_field(base), "verbose_name", base))
    )
    return _("%(part)s (nr. %(ref)s)") % {"part": text, "ref": ref} if ref else text


def labels(fields: str) -> str:
    """The entry's comma-separated names as a Danish list."""
    return ", ".join(label(n.strip()) for n in fields.split(",") if n.strip())
