"""The English translation: key strings, the language switch, and a .mo in step with the .po."""

import ast
import gettext as stdlib_gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from jobbro.accounts.models import Role

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"


def parse_po(path):
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr or msgstr[N], fuzzy.

    A minimal reader for what makemessages writes: keywords followed by C strings,
    continuation lines of strings, and comments (of which only the flags matter here).
    """
    entries, entry, key = [], {}, None

    def finish():
        if "msgid" in entry:
            entries.append(dict(entry))
        entry.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            key = None
        elif line.startswith("#,"):
            if "msgid" in entry:
                finish()
            entry["fuzzy"] = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _space, value = line.partition(" ")
            if key == "msgid" and any(k.startswith("msgstr") for k in entry):
                finish()
            entry[key] = ast.literal_eval(value)
    finish()
    return [e for e in entries if e["msgid"]]  # drop the header


@pytest.fixture(scope="module")
def po_entries():
    return parse_po(CATALOGUE / "django.po")


@pytest.fixture(scope="module")
def mo():
    with open(CATALOGUE / "django.mo", "rb") as f:
        return stdlib_gettext.GNUTranslations(f)


def test_key_strings_translate_to_english():
    with translation.override("en"):
        assert translation.gettext("Borgere") == "Citizens"
        assert translation.gettext("96-timers-listen") == "96-hour list"
        assert translation.gettext("Visitation") == "Readiness"
        assert translation.gettext("Egen sagsstamme") == "Own caseload"
        assert str(Role.CASE_WORKER.label) == "Case worker"
        assert str(Role.COMPANY_CONSULTANT.label) == "Company consultant"
        assert translation.ngettext("%(n)s borger", "%(n)s borgere", 1) == "%(n)s citizen"
        assert translation.ngettext("%(n)s borger", "%(n)s borgere", 3) == "%(n)s citizens"
    with translation.override("da"):
        assert translation.gettext("Borgere") == "Borgere"
        assert str(Role.CASE_WORKER.label) == "Sagsbehandler"


@pytest.mark.django_db
def test_the_login_page_is_english_with_the_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/login/").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Log in to Jobbro</h1>" in html
    assert "Log ind" not in html


@pytest.mark.django_db
def test_the_login_page_is_english_after_choosing_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    html = client.get("/login/").content.decode()
    assert '<html lang="en">' in html
    assert "Log in to Jobbro" in html


@pytest.mark.django_db
def test_the_login_page_is_danish_by_default(client):
    html = client.get("/login/").content.decode()
    assert '<html lang="da">' in html
    assert "<h1>Log ind i Jobbro</h1>" in html


def test_the_po_parser_reads_plurals_and_continued_lines(po_entries):
    plural = next(e for e in po_entries if e["msgid"] == "%(n)s borger")
    assert plural["msgid_plural"] == "%(n)s borgere"
    assert plural["msgstr[0]"] == "%(n)s citizen"
    long = next(e for e in po_entries if e["msgid"].startswith("Personoplysninger behandles"))
    assert long["msgid"].endswith("Al adgang til borgeres oplysninger logges.")


def test_the_compiled_mo_matches_the_po(po_entries, mo):
    """Every translation in the .po is in the .mo: someone forgot compilemessages otherwise."""
    translated = 0
    with translation.override("en"):
        for e in po_entries:
            if e.get("fuzzy"):
                continue
            if "msgid_plural" in e:
                forms = [e["msgstr[0]"], e["msgstr[1]"]]
                if not all(forms):
                    continue
                for n, form in ((1, forms[0]), (2, forms[1])):
                    assert mo.ngettext(e["msgid"], e["msgid_plural"], n) == form, e["msgid"]
                    assert translation.ngettext(e["msgid"], e["msgid_plural"], n) == form
            elif e["msgstr"]:
                assert mo.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
                assert translation.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
            else:
                continue
            translated += 1
    assert translated > 250


@pytest.mark.django_db
def test_it_speaks_danish_whatever_the_browser_prefers(client):
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind i Jobbro" in response.content.decode()


def test_the_english_catalogue_has_no_empty_or_fuzzy_entry(po_entries):
    """Every Danish string has a checked English one: run makemessages and translate otherwise."""
    undone = [
        e["msgid"]
        for e in po_entries
        if e.get("fuzzy") or not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    assert undone == []


def test_the_check_for_untranslated_entries_sees_empty_and_fuzzy_ones(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: en\\n"\n\n'
        'msgid "Borgere"\nmsgstr "Citizens"\n\n'
        'msgid "Ny"\nmsgstr ""\n\n'
        '#, fuzzy, python-format\nmsgid "Ret %(n)s"\nmsgstr "Edit %(n)s"\n\n'
        'msgid "%(n)s adgang"\nmsgid_plural "%(n)s adgange"\n'
        'msgstr[0] "%(n)s access"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    entries = parse_po(po)
    assert [e["msgid"] for e in entries if e.get("fuzzy")] == ["Ret %(n)s"]
    assert [
        e["msgid"] for e in entries if not all(v for k, v in e.items() if k.startswith("msgstr"))
    ] == ["Ny", "%(n)s adgang"]


def _english(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.mark.django_db
def test_the_mfa_set_up_page_is_english(client, people):
    _english(client, people["alice"])
    html = client.get("/totrin/").content.decode()
    assert '<html lang="en">' in html
    assert "Two-step verification" in html
    assert "Turn on two-step verification" in html
    assert "Open an authenticator app on your phone" in html
    assert "Totrinsbekræftelse" not in html and "godkendelsesapp" not in html


@pytest.mark.django_db
def test_the_404_page_is_english(client, people):
    _english(client, people["alice"])
    response = client.get("/findes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in html
    assert "Page not found" in html
    assert "Siden findes ikke" not in html


@pytest.mark.django_db
def test_the_administration_log_is_english(client, people):
    _english(client, people["ada"])
    client.post(
        "/brugere/teams/nyt/", {"name": "Team Øst"}
    )  # leaves an entry "Team added" in the log
    response = client.get("/brugere/log/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Administration log</h1>" in html
    assert "Done by" in html and "Details" in html
    assert "Team added" in html
    assert "Administrationslog" not in html and "Team oprettet" not in html


GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "pgettext_lazy"}
PLURAL_NAMES = {"ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy"}
TEMPLATE_STRING = re.compile(r"""\{%\s*(?:translate|trans)\s+(?:"([^"]*)"|'([^']*)')""")


def source_msgids():
    """The literal msgids in Jobbro's Python code and its {% translate "…" %} tags.

    Not all of what makemessages finds ({% blocktranslate %} is left to it), but
    enough that a string added without running makemessages fails the test below.
    """
    root = Path(settings.BASE_DIR)  # the jobbro package
    found = {}
    for path in root.rglob("*.py"):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if name in GETTEXT_NAMES and args and isinstance(args[-1], str):
                found[args[-1]] = path  # pgettext: the msgid follows the context
            elif name in PLURAL_NAMES and len(args) >= 2 and isinstance(args[-2], str):
                found[args[-2]] = path
    for path in root.rglob("*.html"):
        for match in TEMPLATE_STRING.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1) if match.group(1) is not None else match.group(2)] = path
    return found


def test_every_string_in_the_source_is_in_the_english_catalogue(po_entries):
    known = {e["msgid"] for e in po_entries}
    missing = {m: str(p) for m, p in source_msgids().items() if m and m not in known}
    assert missing == {}, "run `uv run jobbro makemessages -l en` and translate"


def test_the_source_scan_finds_python_and_template_strings():
    found = source_msgids()
    assert "Tallet er for stort." in found  # front/fields.py
    assert "Slå totrinsbekræftelse til" in found  # accounts/mfa_setup.html
    assert "Visitation" in found  # a model label (gettext_lazy)
