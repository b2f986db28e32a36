"""The import's columns, reading an uploaded file, and checking each row (issue 9.6).

A row is checked as the forms check what a person types: the citizen through `CitizenForm`
(CPR, names, dates, the same Danish messages), nationality and languages against the ISO
lists, the benefit against the law in force on its date (`BenefitPeriod.clean`), the
placement as `Placement.clean` does. Every error names its row and column. A row whose CPR
number is already in Jobbro, or earlier in the file, is a duplicate: shown, never created.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro import documents
from jobbro.accounts.models import Role, User
from jobbro.citizens.forms import CitizenForm
from jobbro.citizens.models import Arrival, Citizen, DanishCourse, Gender, LanguageLevel, Readiness
from jobbro.lib import cpr as cprlib
from jobbro.lib import isocodes

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    header: Any  # the Danish heading (lazy)
    required: bool
    help: Any
    example: str


COLUMNS = [
    Column("cpr", gettext_lazy("CPR-nummer"), True, gettext_lazy("DDMMÅÅ-XXXX"), "150690-1234"),
    Column("first_name", gettext_lazy("Fornavn"), True, "", "Amina"),
    Column("last_name", gettext_lazy("Efternavn"), True, "", "Yusuf"),
    Column("gender", gettext_lazy("Køn"), True, gettext_lazy("Kvinde eller Mand"), "Kvinde"),
    Column("nationality", gettext_lazy("Nationalitet"), True,
           gettext_lazy("Landets navn på dansk eller engelsk, ISO-koden, eller Statsløs"), "Somalia"),
    Column("birth_country", gettext_lazy("Fødeland"), False, gettext_lazy("Som nationalitet"), ""),
    Column("languages", gettext_lazy("Sprog"), False,
           gettext_lazy("Adskilt med komma, niveau i parentes: modersmål, flydende, godt, lidt"),
           "somali (modersmål), engelsk (lidt)"),
    Column("phone", gettext_lazy("Telefon"), False, "", "20304050"),
    Column("email", gettext_lazy("E-mail"), False, "", ""),
    Column("address", gettext_lazy("Adresse"), False, "", "Stationsvej 3, 8722 Hedensted"),
    Column("arrival", gettext_lazy("Ankommet som"), True,
           gettext_lazy("Flygtning eller Familiesammenført"), "Flygtning"),
    Column("residence_permit_date", gettext_lazy("Opholdstilladelse"), False,
           gettext_lazy("dd.mm.åååå"), "01.12.2025"),
    Column("settled_at", gettext_lazy("Boligplaceret"), False,
           gettext_lazy("dd.mm.åååå eller dd.mm.åååå tt:mm"), "05.01.2026 10:00"),
    Column("readiness", gettext_lazy("Visitation"), False,
           gettext_lazy("Jobparat, Aktivitetsparat eller Uddannelsesparat"), "Jobparat"),
    Column("danish_course", gettext_lazy("Danskuddannelse"), False,
           gettext_lazy("DU1, DU2, DU3 eller Afsluttet"), "DU2"),
    Column("danish_module", gettext_lazy("Modul"), False, gettext_lazy("1–6"), "2"),
    Column("benefit", gettext_lazy("Forsørgelse"), False,
           gettext_lazy("Ydelsens navn, fx Kontanthjælp"), "Kontanthjælp"),
    Column("rate", gettext_lazy("Sats"), False,
           gettext_lazy("Kontanthjælp fra 1.7.2025: Grundsats, Forhøjet sats, Mindstesats, Hjemmeboende sats"),
           "Grundsats"),
    Column("benefit_from", gettext_lazy("Forsørgelse fra"), False, gettext_lazy("dd.mm.åååå"),
           "05.01.2026"),
    Column("case_worker", gettext_lazy("Sagsbehandler"), False,
           gettext_lazy("Brugernavn; tom: den, der importerer"), ""),
    Column("placement_kind", gettext_lazy("Forløb"), False,
           gettext_lazy("Nuværende forløb, fx Virksomhedspraktik"), "Virksomhedspraktik"),
    Column("placement_cvr", gettext_lazy("Virksomhedens CVR-nummer"), False,
           gettext_lazy("Virksomheden skal findes i jobbanken"), "10000009"),
    Column("placement_start", gettext_lazy("Forløb start"), False, gettext_lazy("dd.mm.åååå"),
           "02.02.2026"),
    Column("placement_end", gettext_lazy("Forløb planlagt slut"), False,
           gettext_lazy("dd.mm.åååå"), "27.02.2026"),
    Column("placement_hours", gettext_lazy("Timer pr. uge"), False, "", "20"),
]  # fmt: skip
BY_KEY = {c.key: c for c in COLUMNS}
# The citizen form's fields the columns fill; the form's other fields keep their defaults.
FORM_FIELDS = {
    "cpr": "cpr_number", "first_name": "first_name", "last_name": "last_name",
    "gender": "gender", "nationality": "nationality", "birth_country": "birth_country",
    "phone": "phone", "email": "email", "address": "address", "arrival": "arrival",
    "residence_permit_date": "residence_permit_date", "settled_at": "settled_at",
    "readiness": "readiness", "danish_course": "danish_course", "danish_module": "danish_module",
    "case_worker": "case_worker",
}  # fmt: skip
COLUMN_OF_FIELD = {f: k for k, f in FORM_FIELDS.items()}


class FileError(Exception):
    """The file as a whole cannot be read; the message is Danish."""


def headers() -> list[str]:
    return [str(c.header) for c in COLUMNS]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.hour or value.minute:
            return value.strftime("%d.%m.%Y %H:%M")
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read(name: str, data: bytes) -> list[dict[str, str]]:
    """The rows of an uploaded XLSX or CSV as {column key: text}, by the Danish headings."""
    if len(data) > MAX_BYTES:
        raise FileError(_("Filen er for stor. Del den op i filer på højst 5 MB."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        try:
            table = documents.xlsx_rows(data, max_rows=MAX_ROWS)
        except documents.UnreadableSpreadsheet as e:
            raise FileError(_("Filen kan ikke læses som et Excel-regneark (XLSX).")) from e
    elif lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        dialect = csv.excel
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")  # type: ignore[assignment]
        reader = csv.reader(io.StringIO(text), dialect)
        table = list(itertools.islice(reader, MAX_ROWS + 2))
    else:
        raise FileError(_("Vælg en fil af typen XLSX eller CSV."))
    if not table:
        raise FileError(_("Filen er tom."))
    if len(table) > MAX_ROWS + 1:
        raise FileError(_("Filen har mere end %(n)s rækker. Del den op.") % {"n": MAX_ROWS})
    by_heading = {str(c.header).lower(): c.key for c in COLUMNS}
    keys = [by_heading.get(_text(h).lower()) for h in table[0]]
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in keys]
    if missing:
        raise FileError(
            _("Filen mangler kolonnerne: %(cols)s. Brug skabelonen.") % {"cols": ", ".join(missing)}
        )
    cpr_at = keys.index("cpr")
    rows = []
    for number, raw in enumerate(table[1:], start=2):
        cells = [_text(v) for v in raw]
        if not any(cells):
            continue  # an empty line, often at the end of an export
        row = {key: (cells[i] if i < len(cells) else "") for i, key in enumerate(keys) if key}
        row["_row"] = str(number)
        if cpr_at < len(raw) and isinstance(raw[cpr_at], int | float):
            row["cpr"] = row["cpr"].zfill(10)  # Excel dropped the leading zero
        rows.append(row)
    if not rows:
        raise FileError(_("Filen har ingen rækker under overskrifterne."))
    return rows


@dataclass
class RowResult:
    number: int  # as in the spreadsheet: the heading is row 1
    values: dict[str, str]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column heading, message)
    duplicate: Citizen | None = None
    duplicate_in_file: int | None = None
    citizen_fields: dict[str, Any] = field(default_factory=dict)
    languages: list[tuple[str, str]] = field(default_factory=list)
    benefit: dict[str, Any] | None = None
    placement: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and not self.is_duplicate

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate is not None or self.duplicate_in_file is not None

    @property
    def name(self) -> str:
        return f"{self.values.get('first_name', '')} {self.values.get('last_name', '')}".strip()

    @property
    def cpr_masked(self) -> str:
        try:
            return cprlib.mask(cprlib.normalize(self.values.get("cpr", "")))
        except cprlib.CPRError:
            return "–"

    def error(self, key: str, message: str) -> None:
        self.errors.append((str(BY_KEY[key].header) if key in BY_KEY else "–", message))


def _choice(choices: list[tuple[str, Any]], text: str, *aliases: tuple[str, str]) -> str | None:
    """The code whose label (or code, or alias) is `text`, ignoring case."""
    wanted = text.strip().lower()
    for code, label in [*choices, *aliases]:
        if wanted in (str(code).lower(), str(label).lower()):
            return str(code)
    return None


class Checker:
    """Checks rows; holds what every row looks up once (users, benefits, companies)."""

    def __init__(self, *, by: User):
        from jobbro.companies.models import Company
        from jobbro.law.models import Benefit, BenefitRate

        self.by = by
        self.users = {
            u.username.lower(): u
            for u in User.objects.filter(role=Role.CASE_WORKER, is_active=True)
        }
        self.benefits = list(Benefit.objects.all())
        self.rates = list(BenefitRate.objects.select_related("benefit"))
        self.companies = {c.cvr: c for c in Company.objects.only("id", "cvr", "name")}
        self.seen: dict[str, int] = {}

    def check(self, number: int, values: dict[str, str]) -> RowResult:
        result = RowResult(number, values)
        self._citizen(result)
        self._languages(result)
        self._benefit(result)
        self._placement(result)
        return result

    def _citizen(self, r: RowResult) -> None:
        v = r.values
        data: dict[str, Any] = {f: v.get(k, "") for k, f in FORM_FIELDS.items()}
        choice_columns: dict[str, tuple[list[tuple[str, Any]], list[tuple[str, str]]]] = {
            "gender": (Gender.choices, [("k", Gender.FEMALE), ("m", Gender.MALE)]),
            "arrival": (Arrival.choices, [("familiesammenført", Arrival.FAMILY_REUNIFIED)]),
            "readiness": (Readiness.choices, []),
            "danish_course": (DanishCourse.choices, []),
        }
        for key, (choices, aliases) in choice_columns.items():
            text = v.get(key, "")
            if text:
                code = _choice(choices, text, *aliases)
                if code is None:
                    labels = ", ".join(str(label) for c, label in choices if c)
                    r.error(
                        key, _("«%(v)s» er ikke en af: %(labels)s.") % {"v": text, "labels": labels}
                    )
                data[FORM_FIELDS[key]] = code or ""
        for key in ("nationality", "birth_country"):
            text = v.get(key, "")
            code = isocodes.match_country(text) if text else ""
            if text and (code is None or (key == "birth_country" and code == isocodes.STATELESS)):
                r.error(
                    key,
                    _("Ukendt land «%(v)s». Skriv landets navn, fx Syrien, eller ISO-koden.")
                    % {"v": text},
                )
            data[FORM_FIELDS[key]] = code or ""
        settled = v.get("settled_at", "")
        if settled and len(settled) == 10:
            data["settled_at"] = f"{settled} 12:00"  # a date alone: noon, not midnight
        username = v.get("case_worker", "").strip().lower()
        worker = self.users.get(username) if username else self.by
        if username and worker is None:
            r.error(
                "case_worker",
                _("Ingen aktiv sagsbehandler har brugernavnet «%(v)s».") % {"v": v["case_worker"]},
            )
        data["case_worker"] = worker.pk if worker and worker.role == Role.CASE_WORKER else ""
        data["confirm_duplicate"] = "on"  # the CPR number decides what is a duplicate
        try:
            digits = cprlib.normalize(v.get("cpr", ""))
        except cprlib.CPRError:
            digits = ""
        if digits:
            r.duplicate = Citizen.objects.with_cpr(digits).first()
            if r.duplicate is None and digits in self.seen:
                r.duplicate_in_file = self.seen[digits]
            self.seen.setdefault(digits, r.number)
        if r.is_duplicate:
            return
        form = CitizenForm(data)
        if form.is_valid():
            r.citizen_fields = form.service_fields()
            return
        for name, messages in form.errors.items():
            key = COLUMN_OF_FIELD.get(name, "")
            for message in messages:
                if key in ("nationality", "birth_country", "gender", "arrival", "readiness",
                           "danish_course", "case_worker") and v.get(key) and any(
                               c == str(BY_KEY[key].header) for c, _m in r.errors):  # fmt: skip
                    continue  # already said in the row's own words
                r.error(key, str(message))

    def _languages(self, r: RowResult) -> None:
        levels = {str(label).lower(): code for code, label in LanguageLevel.choices if code}
        for part in isocodes.split_list(r.values.get("languages", "")):
            name, _sep, level_text = part.partition("(")
            code = isocodes.match_language(name)
            level = levels.get(level_text.strip(" )").lower(), "") if level_text else ""
            if code is None:
                r.error("languages", _("Ukendt sprog «%(v)s».") % {"v": name.strip()})
            elif level_text and not level:
                r.error(
                    "languages",
                    _("Ukendt niveau «%(v)s»: brug modersmål, flydende, godt eller lidt.")
                    % {"v": level_text.strip(" )")},
                )
            elif code not in dict(r.languages):
                r.languages.append((code, level))

    def _date(self, r: RowResult, key: str) -> dt.date | None:
        text = r.values.get(key, "")
        if not text:
            return None
        for pattern in ("%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                day = dt.datetime.strptime(text[:10], pattern).date()
            except ValueError:
                continue
            if 1900 <= day.year <= 2100:
                return day
        r.error(key, _("Skriv datoen som dd.mm.åååå."))
        return None

    def _benefit(self, r: RowResult) -> None:
        from jobbro.law.models import BenefitPeriod

        text, rate_text = r.values.get("benefit", ""), r.values.get("rate", "")
        if not text:
            if rate_text:
                r.error("benefit", _("Skriv forsørgelsen, som satsen hører til."))
            return
        wanted = text.strip().lower()
        benefit = next(
            (b for b in self.benefits if wanted in (b.code, b.name.lower(), b.name_en.lower())),
            None,
        )
        if benefit is None:
            r.error(
                "benefit",
                _("Ukendt forsørgelse «%(v)s». Se lovgrundlaget for navnene.") % {"v": text},
            )
            return
        rate = None
        if rate_text:
            wanted = rate_text.strip().lower()
            rate = next(
                (
                    x
                    for x in self.rates
                    if x.benefit_id == benefit.pk and wanted in (x.code, x.name.lower())
                ),
                None,
            )
            if rate is None:
                r.error(
                    "rate",
                    _("Ukendt sats «%(v)s» for %(b)s.") % {"v": rate_text, "b": benefit.name},
                )
                return
        starts_on = self._date(r, "benefit_from")
        if starts_on is None:
            settled = self._date(r, "settled_at")
            starts_on = settled or timezone.localdate()
        period = BenefitPeriod(benefit=benefit, rate=rate, starts_on=starts_on)
        try:
            period.clean()
        except ValidationError as e:
            for name, messages in e.message_dict.items():
                for message in messages:
                    r.error("rate" if name == "rate" else "benefit", message)
            return
        r.benefit = {"benefit": benefit, "rate": rate, "starts_on": starts_on}

    def _placement(self, r: RowResult) -> None:
        from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

        v = r.values
        kind_text = v.get("placement_kind", "")
        given = [
            k
            for k in ("placement_cvr", "placement_start", "placement_end", "placement_hours")
            if v.get(k)
        ]
        if not kind_text:
            if given:
                r.error("placement_kind", _("Skriv forløbets type, fx Virksomhedspraktik."))
            return
        kind = _choice(PlacementKind.choices, kind_text)
        if kind is None:
            r.error("placement_kind", _("Ukendt forløbstype «%(v)s».") % {"v": kind_text})
            return
        company = None
        cvr = v.get("placement_cvr", "").replace(" ", "")
        if cvr:
            company = self.companies.get(cvr)
            if company is None:
                r.error(
                    "placement_cvr",
                    _("Ingen virksomhed i jobbanken har CVR-nummer %(v)s.") % {"v": cvr},
                )
                return
        starts_on = self._date(r, "placement_start")
        ends_on = self._date(r, "placement_end")
        hours = None
        if v.get("placement_hours"):
            try:
                hours = Decimal(v["placement_hours"].replace(",", "."))
            except InvalidOperation:
                r.error("placement_hours", _("Timer pr. uge skal være et tal."))
                return
        if starts_on is None:
            if not v.get("placement_start"):
                r.error("placement_start", _("Skriv forløbets startdato."))
            return
        status = (
            PlacementStatus.ACTIVE if starts_on <= timezone.localdate() else PlacementStatus.PLANNED
        )
        fields = {"company": company, "kind": kind, "starts_on": starts_on, "ends_on": ends_on,
                  "hours_per_week": hours, "status": status}  # fmt: skip
        try:
            Placement(**fields).clean()
        except ValidationError as e:
            column = {
                "company": "placement_cvr",
                "ends_on": "placement_end",
                "hours_per_week": "placement_hours",
            }
            for name, messages in e.message_dict.items():
                for message in messages:
                    r.error(column.get(name, "placement_kind"), message)
            return
        r.placement = fields


def check_all(rows: list[dict[str, str]], *, by: User) -> list[RowResult]:
    checker = Checker(by=by)
    return [checker.check(int(values.get("_row", i)), values) for i, values in enumerate(rows, 2)]
