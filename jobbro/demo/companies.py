"""The demo municipality's companies: the job bank around Hedensted.

Fictional companies in the industries that hire refugees around Hedensted (seed 000: care
and cleaning, food industry, retail, construction, agriculture, transport, hotel and
kitchen), in the municipality's towns, with valid (modulus 11) but invented CVR numbers,
contacts, openings of every kind, demand, job barometer answers (seed 002, Hjørring),
contact logs and partnership histories. The demo login "konsulent" is key account for ten.

`build_companies` returns the companies, so later parts of the demo (placements) can place
citizens in them and their openings.
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from jobbro.accounts.models import User
from jobbro.companies.models import (
    BarometerReadiness,
    BarometerSurvey,
    Channel,
    Company,
    Contact,
    ContactLogEntry,
    DanishLevel,
    Demand,
    Opening,
    OpeningKind,
    PartnershipChange,
    PartnershipStatus,
    Sector,
)
from jobbro.lib.cvr import WEIGHTS

from . import bulk, names

COMPANIES_PER_HEDENSTED = 45  # companies at Hedensted's size (458 citizens)
DEMO_CONSULTANT_COMPANIES = 10
BATCH = 2500

# Industry (the demo's word, as in build.INDUSTRIES): name patterns, each with the DB07 code
# that fits it (a "Købmanden" is a supermarket, not 475220 Byggemarkeder), sector, job types,
# contact roles.
_INDUSTRIES = {
    "rengøring": (
        (
            ("{town} Rengøring ApS", "812100"),
            ("Rent & Pænt {town}", "812290"),
            ("Skinnende Service {town} ApS", "812290"),
        ),
        Sector.PRIVATE,
        ("Rengøringsassistent", "Vinduespudser", "Servicemedarbejder"),
        ("Daglig leder", "Rengøringsleder"),
    ),
    "pleje og omsorg": (
        (
            ("Plejecenter {stem}", "871010"),
            ("Hjemmeplejen {town}", "881010"),
            ("Omsorgshuset {town}", "871010"),
        ),
        Sector.PUBLIC,
        (
            "Serviceassistent i plejen",
            "Køkkenmedhjælper på plejecenter",
            "Social- og sundhedshjælper",
        ),
        ("Plejecenterleder", "Afdelingsleder"),
    ),
    "fødevareindustri": (
        (
            ("{town} Slagteri A/S", "101110"),
            ("Bageriet {stem}", "107120"),
            ("{town} Grønt & Pakkeri ApS", "103900"),
        ),
        Sector.PRIVATE,
        ("Produktionsmedarbejder", "Pakkerimedarbejder", "Bagermedhjælper"),
        ("Produktionschef", "HR-konsulent"),
    ),
    "detailhandel": (
        (
            ("Købmanden i {town}", "471120"),
            ("{town} Superkøb", "471130"),
            ("Byggemarkedet {town} ApS", "475220"),
        ),
        Sector.PRIVATE,
        ("Butiksassistent", "Lagermedarbejder", "Opfylder"),
        ("Butikschef", "Souschef"),
    ),
    "byggeri": (
        (
            ("{town} Byg & Anlæg ApS", "412000"),
            ("Tømrerfirmaet {stem}", "433200"),
            ("{town} Murerforretning", "439910"),
        ),
        Sector.PRIVATE,
        ("Håndlanger", "Tømrermedhjælper", "Murerarbejdsmand"),
        ("Indehaver", "Byggeleder"),
    ),
    "landbrug": (
        (
            ("Kvægbruget {stem}", "014100"),
            ("{town} Svineproduktion I/S", "014620"),
            ("Grøntgartneriet {town}", "011300"),
            ("{town} Anlægsgartner", "813000"),
        ),
        Sector.PRIVATE,
        ("Staldmedhjælper", "Markmedhjælper", "Gartnermedhjælper"),
        ("Ejer", "Driftsleder"),
    ),
    "transport": (
        (
            ("{town} Fragt ApS", "494100"),
            ("Lagerhotellet {town}", "521000"),
            ("Vognmand {last}", "494100"),
        ),
        Sector.PRIVATE,
        ("Lagermedarbejder", "Chaufførmedhjælper", "Truckfører"),
        ("Vognmand", "Lagerchef"),
    ),
    "hotel og køkken": (
        (
            ("Hotel {town}", "551010"),
            ("Restaurant {stem}", "561010"),
            ("Kantinen {town}", "562900"),
        ),
        Sector.PRIVATE,
        ("Køkkenmedhjælper", "Opvasker", "Stuepige"),
        ("Køkkenchef", "Hotelchef"),
    ),
}
# Public workplaces also in other industries: the municipality's own kitchens and depots.
_PUBLIC_SHARE = 0.15
_PUBLIC_UNITS = (
    ("Materielgården", "813000"),
    ("Centralkøkkenet", "562900"),
    ("Rengøringsservice", "812100"),
)

_LOG_TEXTS = {
    Channel.CALL: (
        "Opfølgning på praktikken; virksomheden er tilfreds med fremmødet.",
        "Drøftet mulighed for lønnede timer efter praktikken.",
        "Virksomheden spørger efter to nye praktikanter til foråret.",
        "Aftalt tidspunkt for virksomhedsbesøg.",
    ),
    Channel.VISIT: (
        "Besøg på arbejdspladsen med ambassadøren; gennemgang af opgaver og sikkerhed.",
        "Virksomhedsbesøg: rundvisning og drøftelse af behov for arbejdskraft.",
        "Trepartssamtale med praktikant og mester; plan for sprog på arbejdspladsen.",
    ),
    Channel.MAIL: (
        "Sendt materiale om virksomhedspraktik og løntilskud.",
        "Bekræftet startdato og mødetid for ny praktikant.",
        "Sendt jobbarometerets spørgeskema.",
    ),
    Channel.MEETING: (
        "Møde i jobcentret om et fast samarbejde og branchepakke.",
        "Netværksmøde for virksomheder i kommunen; virksomheden deltog.",
    ),
}
_PAUSE_REASONS = (
    "Travl sæson; virksomheden har ikke tid til at tage imod praktikanter.",
    "Omstrukturering; virksomheden vender tilbage efter sommerferien.",
    "Ny leder skal først falde til.",
)
_END_REASONS = (
    "Virksomheden er lukket.",
    "Virksomheden ønsker ikke længere at samarbejde.",
)
_DEMAND_NOTES = (
    "Kan starte med få timer og bygge op.",
    "Gerne personer med erfaring fra hjemlandet.",
    "Mester taler engelsk; sprogmakker på arbejdspladsen.",
    "",
)


def build_companies(
    rng: random.Random, *, today: dt.date, citizens: int, consultants: list[User], staff: list[User]
) -> list[Company]:
    """Build the job bank's companies, with everything that belongs to them.

    `consultants` are the company consultants, the demo login first (it gets ten key
    accounts); `staff` are the users who write contact log entries besides the key account
    (ambassadors). Returns the companies, their openings reachable as `company.openings`.
    """
    count = max(40, round(citizens * COMPANIES_PER_HEDENSTED / 458))
    tz = timezone.get_default_timezone()
    used_cvrs: set[str] = set()
    used_names: set[str] = set()
    industries = list(_INDUSTRIES)
    town_weights = [t[2] for t in names.TOWNS]

    companies: list[Company] = []
    plans: list[tuple[str, dt.date]] = []  # (industry, cooperating since)
    for i in range(count):
        industry = industries[i % len(industries)]
        patterns, sector, _jobs, _roles = _INDUSTRIES[industry]
        town, postcode, _ = rng.choices(names.TOWNS, town_weights)[0]
        street = rng.choice(names.STREETS)
        name, code = _unique_name(rng, patterns, town, used_names)
        if sector == Sector.PRIVATE and rng.random() < _PUBLIC_SHARE:
            sector = Sector.PUBLIC
            unit, unit_code = rng.choice(_PUBLIC_UNITS)
            name, code = _unique_name(
                rng, ((f"Hedensted Kommune, {unit} {{town}}", unit_code),), town, used_names
            )
        size = rng.choices(
            (rng.randint(2, 9), rng.randint(10, 49), rng.randint(50, 250)), (5, 4, 1)
        )[0]
        companies.append(
            Company(
                cvr=_cvr(rng, used_cvrs),
                name=name,
                sector=sector,
                industry_code=code,
                address=f"{street} {rng.randint(1, 90)}",
                postcode=postcode,
                town=town,
                ordinary_employees=size,
                employees_avg_12_months=max(1, size - rng.randint(-2, 3)),
            )
        )
        plans.append((industry, today - dt.timedelta(days=rng.randint(120, 1095))))

    # Key accounts: the demo consultant gets ten, the others share the rest in turn.
    order = list(range(count))
    rng.shuffle(order)
    others = consultants[1:] or consultants
    for k, i in enumerate(order):
        if k < DEMO_CONSULTANT_COMPANIES:
            companies[i].key_account = consultants[0]
        else:
            companies[i].key_account = others[k % len(others)]

    statuses: list[str] = []
    changes: list[PartnershipChange] = []
    for company, (_industry, since) in zip(companies, plans, strict=True):
        history = _partnership_history(rng, company, since, today, tz)
        statuses.append(history[-1].status)
        changes.extend(history)
    for company, status in zip(companies, statuses, strict=True):
        company.partnership_status = status
    bulk.create(companies)
    for change in changes:
        change.company_id = change.company.pk
    bulk.create(changes)

    contacts: list[Contact] = []
    # A company's contact is never someone of the job centre's own staff: a retention plan
    # naming the consultant as the company's contact person would say the company has none.
    staff_names = set(User.objects.values_list("first_name", "last_name"))
    for company, (industry, _since) in zip(companies, plans, strict=True):
        for role in rng.sample(_INDUSTRIES[industry][3], rng.randint(1, 2)):
            first, last = _contact_name(rng, staff_names)
            contacts.append(
                Contact(
                    company=company,
                    name=f"{first} {last}",
                    role=role,
                    phone=_phone(rng),
                    email=f"{_ascii(first)}.{_ascii(last)}@example.com",
                )
            )
    bulk.create(contacts)
    contacts_by_company: dict[int, list[Contact]] = {}
    for contact in contacts:
        contacts_by_company.setdefault(contact.company_id, []).append(contact)

    openings: list[Opening] = []
    demands: list[Demand] = []
    surveys: list[BarometerSurvey] = []
    entries: list[ContactLogEntry] = []
    kinds = list(OpeningKind.values)
    for n, (company, (industry, since)) in enumerate(zip(companies, plans, strict=True)):
        jobs = _INDUSTRIES[industry][2]
        active = company.partnership_status == PartnershipStatus.ACTIVE
        # Every kind of opening in the bank: the first companies get one each in turn.
        company_kinds = [kinds[n % len(kinds)]]
        company_kinds += rng.sample(kinds, rng.randint(0, 2))
        for kind in dict.fromkeys(company_kinds):
            openings.append(_opening(rng, company, kind, jobs, today, open_=active))
        for _ in range(rng.randint(1, 3)):
            start = today + dt.timedelta(days=rng.randint(-30, 150))
            demands.append(
                Demand(
                    company=company,
                    job_type=rng.choice(jobs),
                    industry_code=company.industry_code,
                    people=rng.randint(1, 4),
                    danish_level=rng.choice(DanishLevel.values),
                    hours_per_week=Decimal(rng.choice((8, 15, 20, 25, 30, 37))),
                    starts_on=start,
                    ends_on=start + dt.timedelta(days=rng.choice((90, 180, 365)))
                    if rng.random() < 0.5
                    else None,
                    note=rng.choice(_DEMAND_NOTES),
                )
            )
        for year_back in (2, 1, 0):
            day = dt.date(today.year - year_back, 9, 15)
            if day > today or day < since - dt.timedelta(days=365) or rng.random() < 0.25:
                continue
            readiness = rng.choices(BarometerReadiness.values, (6, 3, 1))[0]
            surveys.append(
                BarometerSurvey(
                    company=company,
                    surveyed_on=day,
                    expected_openings=rng.choices((0, 1, 2, 3, 5, 8, 12), (2, 4, 4, 3, 2, 1, 1))[0],
                    readiness=readiness,
                    recorded_by=company.key_account,
                )
            )
        company_contacts = contacts_by_company.get(company.pk, [])
        for _ in range(rng.randint(2, 8)):
            channel = rng.choices(list(Channel), (5, 3, 3, 1))[0]
            day = since + dt.timedelta(days=rng.randint(0, max(0, (today - since).days - 1)))
            by = company.key_account if rng.random() < 0.7 or not staff else rng.choice(staff)
            at = dt.datetime.combine(
                day, dt.time(rng.randint(8, 15), rng.choice((0, 15, 30, 45))), tzinfo=tz
            )
            entries.append(
                ContactLogEntry(
                    company=company,
                    at=at,
                    by=by,
                    channel=channel,
                    contact=rng.choice(company_contacts) if company_contacts else None,
                    text=rng.choice(_LOG_TEXTS[channel]),
                )
            )
    bulk.create(openings)
    bulk.create(demands)
    bulk.create(surveys)
    bulk.create(entries)
    return companies


def _partnership_history(rng, company, since, today, tz) -> list[PartnershipChange]:
    """Started active; some paused by the company (some of them resumed), a few ended."""

    def change(status, day, reason=""):
        at = dt.datetime.combine(day, dt.time(rng.randint(8, 15), 0), tzinfo=tz)
        return PartnershipChange(
            company=company,
            status=status,
            changed_at=at,
            changed_by=company.key_account,
            reason=reason,
        )

    history = [
        change(PartnershipStatus.ACTIVE, since, "Samarbejdet er aftalt ved virksomhedsbesøg.")
    ]
    span = (today - since).days
    r = rng.random()
    if r < 0.2 and span > 60:
        paused = since + dt.timedelta(days=rng.randint(30, span - 10))
        history.append(change(PartnershipStatus.PAUSED, paused, rng.choice(_PAUSE_REASONS)))
        if rng.random() < 0.4 and (today - paused).days > 30:
            resumed = paused + dt.timedelta(days=rng.randint(20, (today - paused).days - 1))
            history.append(change(PartnershipStatus.ACTIVE, resumed, "Virksomheden er klar igen."))
    elif r < 0.26 and span > 60:
        ended = since + dt.timedelta(days=rng.randint(30, span - 10))
        history.append(change(PartnershipStatus.ENDED, ended, rng.choice(_END_REASONS)))
    return history


def _opening(rng, company, kind, jobs, today, *, open_: bool) -> Opening:
    starts = today + dt.timedelta(days=rng.randint(-200, 60))
    hours = {
        OpeningKind.SMALL_JOB: (4, 6, 8, 10),
        OpeningKind.LEISURE_JOB: (6, 8, 10, 12),
        OpeningKind.INTERNSHIP: (15, 20, 25, 30),
    }.get(kind, (25, 30, 37))
    title = rng.choice(jobs)
    if kind == OpeningKind.LEISURE_JOB:
        title = f"Fritidsjob: {title.lower()}"
    capacity = rng.randint(1, 3) if kind in (OpeningKind.INTERNSHIP, OpeningKind.SMALL_JOB) else 1
    if company.ordinary_employees and company.ordinary_employees > 50:
        capacity += rng.randint(0, 3)
    return Opening(
        company=company,
        kind=kind,
        title=title,
        capacity=capacity,
        hours_per_week=Decimal(rng.choice(hours)),
        danish_level=rng.choice(DanishLevel.values),
        driving_licence=rng.random() < 0.15,
        shifts=rng.random() < 0.3,
        requirements=rng.choice(
            ("", "Sikkerhedssko", "Kan løfte 15 kg", "Hygiejnekursus efter start")
        ),
        starts_on=starts,
        ends_on=starts + dt.timedelta(days=rng.choice((91, 182, 365, 730)))
        if rng.random() < 0.6
        else None,
        is_open=open_,
        staff_consulted_on=starts - dt.timedelta(days=14)
        if kind == OpeningKind.WAGE_SUBSIDY
        else None,
    )


_STEMS = (
    "Birkely", "Solgården", "Egebakken", "Lindegården", "Engly", "Bakkehuset", "Åbo",
    "Møllegården", "Kastanjehøj", "Skovly", "Fjordglimt", "Nørremark",
)  # fmt: skip


def _unique_name(rng, patterns, town, used: set[str]) -> tuple[str, str]:
    """A name not used yet, with the DB07 code of its pattern: other patterns and stems
    first, a number only as a last resort."""
    for _ in range(20):
        pattern, code = rng.choice(patterns)
        name = pattern.format(town=town, stem=rng.choice(_STEMS), last=rng.choice(names.STAFF_LAST))
        if name not in used:
            break
    base, k = name, 1
    while name in used:
        k += 1
        name = f"{base} {k}"
    used.add(name)
    return name, code


def _contact_name(rng: random.Random, staff: set[tuple[str, str]]) -> tuple[str, str]:
    while True:
        first = rng.choice(names.STAFF_FEMALE if rng.random() < 0.5 else names.STAFF_MALE)
        last = rng.choice(names.STAFF_LAST)
        if (first, last) not in staff:
            return first, last


def _cvr(rng: random.Random, used: set[str]) -> str:
    """Eight digits, not starting with 0, passing the modulus 11 check; invented."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        check = -sum(d * w for d, w in zip(digits, WEIGHTS, strict=False)) % 11
        if check == 10:
            continue
        cvr = "".join(map(str, digits)) + str(check)
        if cvr not in used:
            used.add(cvr)
            return cvr


def _phone(rng) -> str:
    digits = [rng.randint(70, 99)] + [rng.randint(0, 99) for _ in range(3)]
    return " ".join(f"{d:02d}" for d in digits)


def _ascii(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(c for c in text if c.isalnum())
