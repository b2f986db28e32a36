"""The law in force, as data: benefits with their rates and supplements, and the programme.

`sync(apps)` writes these rows (by code, so running it again changes only what changed);
migrations call it. The reform of 1 January 2027 is a change here: end dates on the rows it
ends, new rows from 2027-01-01, and a migration that calls `sync` again. Sources:
PRODUCT.md "The law in force"; L 13 2024-25 (lov nr. 1655 af 30.12.2024: one kontanthjælp
from 1 July 2025); lov nr. 1654 af 30.12.2024 (introduktionsprogram); L 189 2015-16
(integrationsprogram, first offer within a month); lov nr. 174 af 27.02.2019
(paradigmeskiftet: selvforsørgelses- og hjemrejseprogram and -ydelse).
"""

import datetime as dt
from typing import Any

D = dt.date
REFORM_2025 = D(2025, 7, 1)
BEFORE_REFORM_2025 = D(2025, 6, 30)

# code, Danish name, English name, valid from, valid to, legal basis, successor
BENEFITS: list[tuple[str, str, str, dt.date | None, dt.date | None, str, str]] = [
    ("kontanthjaelp", "Kontanthjælp", "Cash benefit", None, None,
     "Lov om aktiv socialpolitik; fra 1.7.2025 én kontanthjælp (lov nr. 1655 af 30.12.2024)", ""),
    ("selvforsoergelsesydelse", "Selvforsørgelses- og hjemrejseydelse",
     "Self-support and repatriation benefit", D(2020, 1, 1), BEFORE_REFORM_2025,
     "Lov om aktiv socialpolitik § 22 (lov nr. 174 af 27.02.2019)", "kontanthjaelp"),
    ("overgangsydelse", "Overgangsydelse", "Transitional benefit", D(2020, 1, 1),
     BEFORE_REFORM_2025, "Lov om aktiv socialpolitik § 22 (lov nr. 174 af 27.02.2019)",
     "kontanthjaelp"),
    ("integrationsydelse", "Integrationsydelse", "Integration benefit", D(2015, 9, 1),
     D(2019, 12, 31), "Lov om aktiv socialpolitik § 22 (lov nr. 1000 af 30.08.2015)",
     "selvforsoergelsesydelse"),
    ("uddannelseshjaelp", "Uddannelseshjælp", "Education benefit", D(2014, 1, 1),
     BEFORE_REFORM_2025, "Lov om aktiv socialpolitik § 23", "kontanthjaelp"),
    ("su", "SU (Statens Uddannelsesstøtte)", "State education grant (SU)", None, None,
     "SU-loven", ""),
    ("ressourceforloebsydelse", "Ressourceforløbsydelse", "Resource course benefit",
     D(2013, 1, 1), None, "Lov om aktiv socialpolitik § 68", ""),
    ("ledighedsydelse", "Ledighedsydelse", "Unemployment benefit for flexjob seekers", None,
     None, "Lov om aktiv socialpolitik § 74", ""),
    ("sygedagpenge", "Sygedagpenge", "Sickness benefit", None, None, "Sygedagpengeloven", ""),
    ("barselsdagpenge", "Barselsdagpenge", "Maternity and parental benefit", None, None,
     "Barselsloven", ""),
    ("aegtefaelleforsoerget", "Ægtefælleforsørget", "Supported by spouse", None, None, "", ""),
    ("selvforsoergende", "Selvforsørgende", "Self-supporting", None, None, "", ""),
    ("ingen", "Ingen ydelse", "No benefit", None, None, "", ""),
]  # fmt: skip

# benefit, code, Danish name, English name, valid from, valid to
RATES = [
    ("kontanthjaelp", "grundsats", "Grundsats", "Basic rate", REFORM_2025, None),
    ("kontanthjaelp", "forhoejet", "Forhøjet sats", "Higher rate", REFORM_2025, None),
    ("kontanthjaelp", "mindstesats", "Mindstesats", "Minimum rate", REFORM_2025, None),
    ("kontanthjaelp", "hjemmeboende", "Hjemmeboende sats", "Rate for those living with parents",
     REFORM_2025, None),
]  # fmt: skip
SUPPLEMENTS = [
    ("kontanthjaelp", "boernetillaeg", "Børnetillæg", "Child supplement", REFORM_2025, None),
    ("kontanthjaelp", "enlige", "Tillæg til enlige", "Supplement for single people",
     REFORM_2025, None),
    ("kontanthjaelp", "ungetillaeg", "Særligt ungetillæg", "Special youth supplement",
     REFORM_2025, None),
    ("kontanthjaelp", "fritidstillaeg", "Fritidstillæg", "Leisure supplement", REFORM_2025, None),
]  # fmt: skip

# code, Danish, English, from, to, legal basis, years, target days, deadline months
PROGRAMMES = [
    ("integrationsprogram", "Integrationsprogram", "Integration programme", None,
     D(2019, 2, 28), "Integrationsloven (L 189 af 2016)", 5, None, 1),
    ("selvforsoergelsesprogram", "Selvforsørgelses- og hjemrejseprogram",
     "Self-support and repatriation programme", D(2019, 3, 1), BEFORE_REFORM_2025,
     "Integrationsloven (lov nr. 174 af 27.02.2019)", 5, None, 1),
    ("introduktionsprogram", "Introduktionsprogram", "Introduction programme", REFORM_2025,
     None, "Integrationsloven (lov nr. 1654 af 30.12.2024)", 5, 14, 1),
]  # fmt: skip


def _upsert(model: Any, keys: dict[str, Any], values: dict[str, Any]) -> Any:
    row, _created = model.objects.update_or_create(**keys, defaults=values)
    return row


def sync(apps: Any) -> None:
    """Write the reference rows above (a migration passes its historical `apps`)."""
    Benefit = apps.get_model("law", "Benefit")
    BenefitRate = apps.get_model("law", "BenefitRate")
    BenefitSupplement = apps.get_model("law", "BenefitSupplement")
    ProgrammeLaw = apps.get_model("law", "ProgrammeLaw")
    benefits = {}
    for i, (code, name, name_en, start, end, basis, _successor) in enumerate(BENEFITS):
        benefits[code] = _upsert(
            Benefit,
            {"code": code},
            {"name": name, "name_en": name_en, "valid_from": start, "valid_to": end,
             "legal_basis": basis, "position": i},
        )  # fmt: skip
    for code, *_rest, successor in BENEFITS:
        Benefit.objects.filter(code=code).update(successor=benefits.get(successor))
    for model, rows in ((BenefitRate, RATES), (BenefitSupplement, SUPPLEMENTS)):
        for i, (benefit, code, name, name_en, start, end) in enumerate(rows):
            _upsert(
                model,
                {"benefit": benefits[benefit], "code": code},
                {"name": name, "name_en": name_en, "valid_from": start, "valid_to": end,
                 "position": i},
            )  # fmt: skip
    for i, (code, name, name_en, start, end, basis, years, target, months) in enumerate(PROGRAMMES):
        _upsert(
            ProgrammeLaw,
            {"code": code},
            {"name": name, "name_en": name_en, "valid_from": start, "valid_to": end,
             "legal_basis": basis, "max_years": years, "first_offer_target_days": target,
             "first_offer_deadline_months": months, "position": i},
        )  # fmt: skip
