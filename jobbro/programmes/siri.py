"""The SIRI description (indsatsbeskrivelse) of a programme, from its data.

The headings, their order and the questions under them are SIRI's template as seeds 001 and
003 fill it in ("Korte fakta om indsatsen" ... "Observationer undervejs"); after them the
good practices the effort builds on and the plan (003's "Bilag 1"). The programme page
shows the same sections; the DOCX is made by `jobbro.documents` (python-docx).
"""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jobbro import documents

from .models import Intake, Phase, Programme

TITLE = "INDSATSBESKRIVELSE"
SUBTITLE = "Integrations- og beskæftigelsesambassadørprojektet"


@dataclass
class Part:
    """One question of a section and the answer: a label and paragraphs."""

    label: str
    texts: list[str]


@dataclass
class Section:
    heading: str
    parts: list[Part] = field(default_factory=list)
    # "practices" for the good practices, which the programme page shows as links.
    key: str = ""


def _date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT") if day else "–"


def _number(value) -> str:
    if value is None:
        return "–"
    return f"{value:g}".replace(".", ",") if not isinstance(value, int) else str(value)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _("Ikke oplyst")
    return _("Ja") if value else _("Nej")


def _texts(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()] if text else []


def _facts(p: Programme) -> Section:
    facts = [
        Part(_("Kommune"), [p.municipality]),
        Part(_("Navn på indsatsen"), [p.name]),
        Part(_("Opstartsdato"), [_date(p.starts_on)]),
        Part(_("Er der tale om en ny type indsats?"), [_yes_no(p.new_kind)]),
        Part(_("Antal timer pr. uge"), [_number(p.hours_per_week)]),
        Part(_("Antal uger pr. deltager"), [_number(p.weeks_per_participant)]),
        Part(_("Hvor mange deltager i indsatsen ad gangen?"), [_number(p.participants_at_a_time)]),
        Part(_("Er der løbende optag eller fælles start?"), [str(Intake(p.intake).label)]),
    ]
    if p.start_within_hours:
        facts.append(
            Part(
                _("Starter senest"),
                [_("%(n)d timer efter boligplacering") % {"n": p.start_within_hours}],
            )
        )
    if p.summary:
        facts.append(Part(_("Hovedformål"), _texts(p.summary)))
    if p.goals:
        facts.append(Part(_("Mål for indsatsen"), p.goal_list))
    return Section(_("Korte fakta om indsatsen"), facts)


def sections(p: Programme) -> list[Section]:
    """The description's sections in the template's order, from the programme's data."""
    criteria = _texts(p.criteria_text) + [f"☐ {c.text}" for c in p.criteria.all()]
    activities = [
        Part(_("Aktivitet %(n)d: %(t)s") % {"n": a.number, "t": a.title}, _texts(a.description))
        for a in p.activities.all()
    ]
    actors = [
        Part(_("Aktørtype %(n)d: %(t)s") % {"n": a.number, "t": a.role}, _texts(a.task))
        for a in p.actors.all()
    ]
    tracks = [
        Part(str(t.get_track_display()), _texts(t.description) + _texts(t.expected_change))
        for t in p.change_tracks.all()
    ]
    costs = [
        Part(
            c.item,
            _texts(c.description) + ([f"{_number(c.amount)} kr."] if c.amount is not None else []),
        )
        for c in p.cost_lines.all()
    ]
    observations = []
    for phase in Phase:
        notes = [
            (f"{_date(o.noted_on)}: " if o.noted_on else "") + o.text
            for o in p.observations.all()
            if o.phase == phase
        ]
        observations.append(Part(str(phase.label), notes))
    return [
        _facts(p),
        Section(
            _("Målgruppe"),
            [
                Part(
                    _("Hvem skal modtage indsatsen, og hvad karakteriserer målgruppen?"),
                    _texts(p.target_group),
                ),
                Part(_("Hvad er kriterierne for at blive udvalgt til deltagelse?"), criteria),
            ],
        ),
        Section(
            _("Formålet med indsatsen"),
            [
                Part(_("På kort sigt"), _texts(p.purpose_short)),
                Part(_("På lang sigt"), _texts(p.purpose_long)),
            ],
        ),
        Section(
            _("Beskrivelse af indsatsen"),
            ([Part("", _texts(p.activities_text))] if p.activities_text else []) + activities,
        ),
        Section(
            _("Aktører / undervisere"),
            ([Part("", _texts(p.actors_text))] if p.actors_text else []) + actors,
        ),
        Section(
            _("Samarbejde med virksomheder"),
            [
                Part(_("Forud for indsatsen"), _texts(p.company_before)),
                Part(_("Under indsatsen"), _texts(p.company_during)),
                Part(_("Efter indsatsen"), _texts(p.company_after)),
            ],
        ),
        Section(
            _("Integrations- og beskæftigelsesambassadørens rolle"),
            [
                Part(_("Hvad er din rolle som ambassadør i indsatsen?"), _texts(p.ambassador_role)),
                Part(
                    _("Hvis indsatsen skal fortsætte, hvem overtager så din rolle næste gang?"),
                    _texts(p.ambassador_successor),
                ),
            ],
        ),
        Section(
            _("Metode"),
            [Part(_("Hvilke erfaringer / metoder bygger indsatsen på?"), _texts(p.method))],
        ),
        Section(
            _("Forandringsspor"),
            ([Part("", _texts(p.change_tracks_text))] if p.change_tracks_text else []) + tracks,
        ),
        Section(_("Forventet effekt"), [Part("", _texts(p.expected_effect))]),
        Section(
            _("Økonomi"),
            ([Part("", _texts(p.economy_text))] if p.economy_text else []) + costs,
        ),
        Section(_("Observationer undervejs"), observations),
        Section(
            _("Gode praksisser indsatsen bygger på"),
            [
                Part(
                    "",
                    [
                        f"{x.number}. {x.title} ({x.municipalities_text})"
                        for x in p.practices.order_by("number")
                    ]
                    + p.good_practice_list,
                )
            ],
            key="practices",
        ),
    ]


def document(p: Programme):
    """The description as a Word document: the template's headings (Heading 1) and
    questions (Heading 2), then the plan's modules and events as tables."""
    doc = documents.docx_document(f"{TITLE}: {p.name}", lang="da")
    doc.heading(TITLE, 0)
    doc.paragraph(SUBTITLE)
    for section in sections(p):
        doc.heading(section.heading, 1)
        for part in section.parts:
            if part.label:
                doc.heading(part.label, 2)
            for text in part.texts or ["–"]:
                doc.paragraph(text)
    modules = list(p.modules.all())
    events = list(p.events.all())
    if modules or events:
        doc.heading(_("Bilag 1 – forløbets plan"), 1)
        rows = [
            (m.number or "", m.weeks_display, m.title, "; ".join(m.content_list)) for m in modules
        ]
        rows += [("", str(e.week), _("Event"), e.title) for e in events]
        rows.sort(key=lambda r: int(r[1].split("–")[0]))
        doc.table(
            [_("Modul"), _("Uge"), _("Titel"), _("Indhold")],
            rows,
            caption=_("Forløbets plan: moduler og events"),
        )
    doc.heading(_("Procedure for indsendelse af beskrivelsen til SIRI"), 1)
    doc.paragraph(
        _(
            "Indsatsbeskrivelsen indsendes til jeres koordinator i SIRI senest 3 måneder efter, "
            "at den konkrete indsats er påbegyndt: senest %(d)s."
        )
        % {"d": _date(p.siri_due_on)}
    )
    return doc


def docx_response(p: Programme):
    return documents.docx_response(document(p), f"indsatsbeskrivelse-{p.pk}.docx")
