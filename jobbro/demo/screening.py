"""The demo's trauma screenings (seed 002): a few per caseload, some referred on by the
cross-disciplinary team, one screening shared with a named ambassador."""

import datetime as dt
import random

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen
from jobbro.screening.models import (
    Indication,
    NamedAccess,
    Offer,
    Referral,
    ReferralStatus,
    Screening,
    Tool,
)

SHARE = 0.04  # of the citizens with a case worker
NOTES = {
    Indication.NONE: "",
    Indication.LOW: "Enkelte søvnproblemer; borgeren ønsker ikke yderligere nu.",
    Indication.MODERATE: "Koncentrationsbesvær i danskundervisningen, uro om natten.",
    Indication.HIGH: "Mareridt, vrede og koncentrationsbesvær; påvirker familiens hverdag.",
}
OFFERS = [Offer.PSYCHOEDUCATION, Offer.NET, Offer.PSYCHOMOTOR, Offer.FAMILY, Offer.HEALTH]
REFERRED_TO = {
    Offer.PSYCHOEDUCATION: "Kommunens psykoedukative gruppeforløb",
    Offer.NET: "Kommunens behandlingstilbud",
    Offer.PSYCHOMOTOR: "Kommunens behandlingstilbud",
    Offer.FAMILY: "Familieafdelingen",
    Offer.HEALTH: "Egen læge",
}


def build_screening(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-screening")
    citizens = list(
        Citizen.objects.filter(case_worker__isnull=False, settled_at__isnull=False)
        .order_by("pk")
        .only("pk", "case_worker_id", "settled_at")
    )
    chosen = rng.sample(citizens, max(1, round(len(citizens) * SHARE))) if citizens else []
    demo = User.objects.filter(username="sagsbehandler").first()
    if demo is not None:  # the demo's case worker has a handful to open
        own = [c for c in citizens if c.case_worker_id == demo.pk and c not in chosen]
        chosen += own[:5]
    screenings, referrals = [], []
    for citizen in sorted(chosen, key=lambda c: c.pk):
        if citizen.settled_at is None or citizen.case_worker_id is None:
            continue  # not in the query's rows; for the type checker
        settled = citizen.settled_at.date()
        if settled >= today:
            continue
        day = settled + dt.timedelta(
            days=rng.randint(14, max(15, min(400, (today - settled).days)))
        )
        day = min(day, today)
        indication = rng.choices(list(Indication), weights=[3, 3, 3, 2])[0]
        screening = Screening(
            citizen_id=citizen.pk,
            screened_on=day,
            screened_by_id=citizen.case_worker_id,
            tool=Tool.IDENTIFICATION,
            indication=indication,
            family_with_children=rng.random() < 0.6,
            note=NOTES[indication],
        )
        screenings.append(screening)
    Screening.objects.bulk_create(screenings)
    for screening in screenings:
        if screening.indication not in (Indication.MODERATE, Indication.HIGH):
            continue
        decided = min(today, screening.screened_on + dt.timedelta(days=rng.randint(5, 21)))
        offer = rng.choice(OFFERS)
        status = ReferralStatus.ONGOING if (today - decided).days > 30 else ReferralStatus.REFERRED
        referrals.append(
            Referral(
                screening=screening,
                decided_on=decided,
                offer=offer,
                referred_to=REFERRED_TO[offer],
                status=status,
                created_by_id=screening.screened_by_id,
            )
        )
    Referral.objects.bulk_create(referrals)
    ambassador = User.objects.filter(role=Role.AMBASSADOR, is_active=True).order_by("pk").first()
    if ambassador is not None and screenings:
        first = screenings[0]
        NamedAccess.objects.create(
            citizen_id=first.citizen_id,
            user=ambassador,
            reason="Screener borgeren sammen med sagsbehandleren",
            named_by_id=first.screened_by_id,
        )
    if stdout is not None:
        stdout.write(f"Traumescreeninger: {len(screenings)}, henvisninger: {len(referrals)}.\n")
