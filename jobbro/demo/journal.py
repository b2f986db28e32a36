"""The demo's journals: notes of conversations, calls, letters and meetings on a share of the
case files (every one of the demo case worker's first citizens), some about a placement (so
the demo consultant reads a few), planned conversations in the coming two weeks for the demo
case worker and ambassador, a few cancelled, and a few attachments: small real PDFs made at
build time through jobbro.documents, stored as the journal stores them (encrypted, outside
the web root)."""

import datetime as dt
import hashlib
import random

from django.utils import timezone

from jobbro import documents
from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen
from jobbro.journal import attachments
from jobbro.journal.models import Attachment, JournalNote, NoteKind, NoteStatus
from jobbro.lib.workdays import is_workday
from jobbro.placements.models import Placement, PlacementStatus
from jobbro.programmes.selectors import in_ambassador_project

SHARE = 0.3  # of the citizens with a case worker
MAX_NOTES = 6000  # the bulk demo keeps its journal small: this is not what it measures
DEMO_CITIZENS = 12  # the demo case worker's citizens that all have a journal

TEXTS: dict[str, list[str]] = {
    NoteKind.CONVERSATION: [
        "Opfølgende samtale. Borgeren trives i praktikken og møder stabilt. Vi aftalte, at "
        "praktikken fortsætter, og at vi taler om løntilskud ved næste samtale.",
        "Samtale om jobmål. Borgeren ønsker arbejde inden for rengøring eller køkken og vil "
        "gerne have flere timer. Vi aftalte at finde en praktik med mulighed for småjob.",
        "Samtale om danskundervisningen. Borgeren har svært ved at nå både sprogskole og "
        "praktik; vi aftalte at flytte praktiktimerne til eftermiddagen.",
        "Første samtale efter boligplacering. Borgeren fortalte om sin uddannelse og "
        "erhvervserfaring. Næste skridt: afklaring i virksomhedspraktik.",
    ],
    NoteKind.PHONE: [
        "Borgeren ringede: barnet er sygt, og hun kommer ikke i praktik i dag. Lovligt fravær.",
        "Virksomheden ringede: god start, borgeren er stabil og spørger selv ind til opgaverne.",
        "Ringede til borgeren om manglende fremmøde i sprogskolen. Aftalt møde i næste uge.",
    ],
    NoteKind.LETTER: [
        "Indkaldelse til samtale sendt i Digital Post.",
        "Brev om aftalt praktik sendt til borgeren med adresse, mødetid og kontaktperson.",
    ],
    NoteKind.MEETING: [
        "Møde med virksomheden og ambassadøren på arbejdspladsen. Aftalt forlængelse af "
        "praktikken med fire uger og fokus på fagord i køkkenet.",
        "Netværksmøde med sprogskolen. Borgeren går op til modulprøve næste måned.",
    ],
    NoteKind.NOTE: [
        "Borgeren har afleveret kopi af kørekort.",
        "Oplysning fra sprogskolen: fremmødet er steget de seneste fire uger.",
        "Borgeren har selv fundet et fritidsjob i weekenden; det påvirker ikke praktikken.",
    ],
}
PLACES = [
    "Jobcentret, mødelokale 2",
    "Jobcentret, mødelokale 4",
    "På arbejdspladsen",
    "Telefon",
    "Sprogcentret",
    "Hjemmebesøg",
]
# Where a conversation or meeting in person is held (not on the phone, not at home).
MEETING_PLACES = [p for p in PLACES if p not in ("Telefon", "Hjemmebesøg")]
AGENDAS = [
    "Opfølgning på praktikken",
    "Plan for de næste tre måneder",
    "Samtale om løntilskud",
    "Trekantsmøde med virksomheden",
]
# The attachments, each a small PDF of its own (fictional; no person named).
PDFS = [
    ("Referat af trekantsmøde", "referat-trekantsmoede.pdf"),
    ("Aftale om virksomhedspraktik", "praktikaftale.pdf"),
    ("Mødeplan fra sprogcentret", "moedeplan-sprogcenter.pdf"),
]


def _pdf(title: str) -> bytes:
    return documents.render_pdf(
        None, "journal/demo_attachment.html", {"title": title}, title=title, lang="da"
    )


def _kind(rng: random.Random) -> str:
    return rng.choices(list(TEXTS), weights=[5, 4, 2, 2, 3])[0]


def _planned_moment(rng: random.Random, today: dt.date) -> dt.datetime:
    day = today + dt.timedelta(days=rng.randint(1, 14))
    while not is_workday(day):
        day += dt.timedelta(days=1)
    at = dt.datetime.combine(day, dt.time(rng.choice([9, 10, 11, 13, 14]), rng.choice([0, 30])))
    return timezone.make_aware(at)


def build_journal(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-journal")
    citizens = list(
        Citizen.objects.filter(case_worker__isnull=False, settled_at__isnull=False)
        .order_by("pk")
        .annotate(in_project=in_ambassador_project())
        .only("pk", "case_worker_id", "settled_at")
    )
    chosen = rng.sample(citizens, min(MAX_NOTES // 3, round(len(citizens) * SHARE)))
    demo = {
        u.username: u for u in User.objects.filter(username__in=["sagsbehandler", "ambassador"])
    }
    case_worker, ambassador = demo.get("sagsbehandler"), demo.get("ambassador")
    if case_worker is not None:
        own = [c for c in citizens if c.case_worker_id == case_worker.pk]
        chosen += [c for c in own[:DEMO_CITIZENS] if c not in chosen]
    placements: dict[int, list[Placement]] = {}
    for p in Placement.objects.filter(citizen__in=[c.pk for c in chosen]).exclude(
        status=PlacementStatus.CANCELLED
    ):
        placements.setdefault(p.citizen_id, []).append(p)
    ambassadors = list(User.objects.filter(role=Role.AMBASSADOR).order_by("pk"))
    notes: list[JournalNote] = []
    for citizen in sorted(chosen, key=lambda c: c.pk):
        if citizen.settled_at is None or citizen.case_worker_id is None:
            continue
        settled = timezone.localtime(citizen.settled_at).date()
        if settled >= today:
            continue
        for _ in range(rng.randint(1, 4)):
            kind = _kind(rng)
            on = settled + dt.timedelta(days=rng.randint(0, (today - settled).days))
            own_placements = [p for p in placements.get(citizen.pk, []) if p.starts_on <= on]
            author_id = citizen.case_worker_id
            if citizen.in_project and ambassadors and rng.random() < 0.4:
                author_id = rng.choice(ambassadors).pk
            notes.append(
                JournalNote(
                    citizen_id=citizen.pk,
                    kind=kind,
                    status=NoteStatus.RECORDED,
                    occurred_on=on,
                    text=rng.choice(TEXTS[kind]),
                    placement=rng.choice(own_placements)
                    if own_placements and rng.random() < 0.5
                    else None,
                    author_id=author_id,
                )
            )
    for user in (case_worker, ambassador):
        if user is None:
            continue
        theirs = [
            c
            for c in citizens
            if (c.case_worker_id == user.pk if user.role == Role.CASE_WORKER else c.in_project)
        ]
        for i, citizen in enumerate(rng.sample(theirs, min(5, len(theirs)))):
            starts = _planned_moment(rng, today)
            kind = rng.choice([NoteKind.CONVERSATION, NoteKind.MEETING, NoteKind.PHONE])
            notes.append(
                JournalNote(
                    citizen_id=citizen.pk,
                    kind=kind,
                    status=NoteStatus.CANCELLED if i == 4 else NoteStatus.PLANNED,
                    occurred_on=timezone.localtime(starts).date(),
                    starts_at=starts,
                    minutes=rng.choice([30, 45, 60]),
                    place="Telefon" if kind == NoteKind.PHONE else rng.choice(MEETING_PLACES),
                    text=rng.choice(AGENDAS),
                    author_id=user.pk,
                )
            )
    JournalNote.objects.bulk_create(notes)
    _attach(rng, notes, today)
    if stdout is not None:
        stdout.write(f"Journal: {len(notes)} notater og samtaler.\n")


def _attach(rng: random.Random, notes: list[JournalNote], today: dt.date) -> None:
    """The demo's PDFs on some of the demo case worker's citizens' written notes."""
    case_worker = User.objects.filter(username="sagsbehandler").first()
    written = [
        n
        for n in notes
        if n.status == NoteStatus.RECORDED
        and case_worker is not None
        and n.author_id == case_worker.pk
    ]
    for (title, name), note in zip(
        PDFS, rng.sample(written, min(len(PDFS), len(written))), strict=False
    ):
        data = _pdf(title)
        Attachment.objects.create(
            note=note,
            name=name,
            content_type=attachments.PDF,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            stored_as=attachments.store(data),
            uploaded_by_id=note.author_id,
            uploaded_at=timezone.make_aware(dt.datetime.combine(note.occurred_on, dt.time(15))),
        )
