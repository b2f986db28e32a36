"""Every form and every list's query string, fed random and hostile values (Hypothesis).

The forms are discovered, not listed: every page of the project (jobbro/tests/
test_permission_matrix.py's URLS) is opened as a role its MATRIX row allows, and every
`<form method="post">` on it is posted to its action with values drawn per field: the page's
own values and options (so the rest of the form is valid and the hostile value reaches the
code behind it), or something hostile: huge strings, control characters and null bytes,
non-ASCII digits, extreme dates, negative and huge numbers, repeated keys. Views that take
only POST have no page of their own; they are posted to directly as well. Query strings are
fuzzed on every HTML page with the names its GET forms use and those views read.

Asserted: never a 5xx (the test client re-raises an exception in a view, so that fails too),
and when the answer is a refusal (the form again with a Danish error), no row saved anywhere
(the access log aside: showing the form again is a view, and logged).

Bounded: a few examples per page (settings below), no example database.
"""

import copy
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobbro.tests.test_permission_matrix import (
    ALLOW,
    ANONYMOUS,
    IGNORED_URL_NAMES,
    MATRIX,
    URLS,
    _fresh,
    _kwargs,
    _user,
)
from jobbro.tests.worlds import world_built

FORM_EXAMPLES = 12
QUERY_EXAMPLES = 6
SKIPPED = {"accounts:logout"} | IGNORED_URL_NAMES  # ends the session the test works in
# Query parameters the views read themselves (besides the names in a page's GET forms).
QUERY_NAMES = ["q", "side", "s", "n", "min", "vis", "alle", "dato", "sprog", "punkt", "rolle"]
QUERY_NAMES += ["status", "type", "sort", "next"]
NOT_COUNTED = {"audit.accesslogentry", "sessions.session"}

HOSTILE_WORDS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x1b[2J",
    "\u202e\u200b",
    "²",
    "٣",
    "١٢",
    "３",
    "Ⅻ",
    "-1",
    "0",
    "-99999999999",
    "99999999999999999999999",
    "1e308",
    "NaN",
    "inf",
    "7,5",
    "31.12.9999",
    "01.01.0001",
    "31.12.9999 23:59",
    "01.01.0001 00:00",
    "00.00.0000",
    "29.02.2023",
    "9999-12-31",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
]
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_WORDS),
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from([101, 1_001, 10_001, 300_000]).map(lambda n: "x" * n),
)


class Forms(HTMLParser):
    """The forms of a page: method, action, and each field's name, kind and candidate values."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "option" and self._select is not None:
            self._select["values"].append(a.get("value", ""))
        elif tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "fields": {},
            }
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "image", "file"):
            kind = a.get("type") or "text"
            field = self._form["fields"].setdefault(a["name"], {"kind": kind, "values": []})
            if kind in ("checkbox", "radio"):
                field["values"].append(a.get("value") or "on")
            elif a.get("value") is not None:
                field["values"].append(a["value"])
        elif tag == "input" or (tag == "button" and a.get("value") is not None):
            self._form["fields"].setdefault(a["name"], {"kind": "button", "values": []})
            self._form["fields"][a["name"]]["values"].append(a.get("value", ""))
        elif tag == "select":
            self._select = self._form["fields"].setdefault(
                a["name"], {"kind": "select", "values": []}
            )
        elif tag == "textarea":
            self._textarea = self._form["fields"].setdefault(
                a["name"], {"kind": "textarea", "values": [""]}
            )

    def handle_data(self, data):
        if self._textarea is not None and data.strip():
            self._textarea["values"] = [data.strip()]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def page_forms(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def subject_for(name: str) -> str | None:
    row = MATRIX.get(name, {})
    allowed = [s for s, outcome in row.items() if outcome == ALLOW]
    staff = [s for s in allowed if s != ANONYMOUS]
    return next(iter(staff or allowed), None)


def row_counts() -> dict[str, int]:
    """The rows of every table (NOT_COUNTED aside), in one query instead of one a model."""
    counted = [
        m for m in apps.get_models() if m._meta.label_lower not in NOT_COUNTED and m._meta.managed
    ]
    quote = connection.ops.quote_name
    tables = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})"  # noqa: S608 - the models' tables
        for m in counted
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {tables}")
        counts = cursor.fetchone()
    return {m._meta.label_lower: n for m, n in zip(counted, counts, strict=True)}


def field_values(field: dict):
    own = [v for v in field["values"] if v is not None]
    one = st.one_of(st.sampled_from(own), HOSTILE) if own else HOSTILE
    if field["kind"] == "checkbox":
        one = st.one_of(st.sampled_from(own), st.just(None), HOSTILE)
    # Now and then the same key twice: a list where the view expects one value.
    return st.one_of(one, one, one, st.lists(HOSTILE, min_size=2, max_size=3))


def form_data(form: dict):
    fields = {n: f for n, f in form["fields"].items() if n != "csrfmiddlewaretoken"}
    return st.fixed_dictionaries({n: field_values(f) for n, f in fields.items()}).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def query_data(names):
    return st.dictionaries(st.sampled_from(sorted(names)), HOSTILE, max_size=4)


def refused(response) -> bool:
    """The form again with a Danish error (a 400, or the design system's error classes).

    Not every 200 is a refusal: the calendar page shows a renewed address once, in the
    response to its POST."""
    if response.status_code == 400:
        return True
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return False
    html = response.content.decode()
    return "form-error" in html or "alert-error" in html


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: HTTP {response.status_code}"


# Pages as their allowed roles see them ------------------------------------------------------

PAGE_NAMES = sorted(
    n for n, u in URLS.items() if n not in SKIPPED and u.method == "GET" and subject_for(n)
)
POST_ONLY_NAMES = sorted(
    n for n, u in URLS.items() if n not in SKIPPED and u.method == "POST" and subject_for(n)
)


# Each user's session in the module's world, by user pk (a login writes a session and the
# user's last login: once per user, not once per test).
_SESSIONS: dict[int, str] = {}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The people and citizens of jobbro/conftest.py, each user logged in once, and fatima in
    an internship with everything (the placements' factories), built once for the module.
    Each test runs in a savepoint inside this module's transaction (pytest-django's `db`):
    what its examples post is rolled back after it, and the whole world at the end."""
    from jobbro.conftest import make_citizens, make_people, make_teams
    from jobbro.placements.tests.factories import place_with_everything

    with django_db_blocker.unblock(), transaction.atomic():
        people = make_people(make_teams())
        citizens = make_citizens(people)
        placed = place_with_everything(citizens["fatima"], people, key_account=people["konrad"])
        for user in people.values():
            login = Client()
            login.force_login(user)
            _SESSIONS[user.pk] = login.cookies[django_settings.SESSION_COOKIE_NAME].value
        world_built()
        yield people, citizens, placed
        _SESSIONS.clear()
        transaction.set_rollback(True)


@pytest.fixture
def people(db, world):
    return _fresh(world[0])


@pytest.fixture
def citizens(db, world):
    return _fresh(world[1])


@pytest.fixture
def placed(db, world):
    return copy.copy(world[2])


def _open(client, people, citizens, name):
    subject = subject_for(name)
    user = _user(people, subject)
    if user is not None:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = _SESSIONS[user.pk]
    return reverse(name, kwargs=_kwargs(URLS[name], citizens["fatima"], user, people))


FUZZ = settings(
    max_examples=FORM_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_hostile_values_in_every_form_and_query_string(client, people, citizens, placed, name):
    path = _open(client, people, citizens, name)
    response = client.get(path)
    assert_no_server_error(response, f"GET {name}")
    html = response.content.decode() if "text/html" in response.get("Content-Type", "") else ""
    forms = [f for f in page_forms(html) if f["method"] == "post" and f["fields"]]
    forms = [
        f
        for f in forms
        if urlsplit(f["action"]).path not in (reverse("accounts:logout"), reverse("set_language"))
    ]
    names = set(QUERY_NAMES)
    for form in page_forms(html):
        if form["method"] == "get":
            names |= set(form["fields"])

    if forms:

        @FUZZ
        @given(st.data())
        def post_forms(data):
            form = data.draw(st.sampled_from(forms), label="form")
            values = data.draw(form_data(form), label="values")
            target = urlsplit(form["action"]).path or path
            before = row_counts()
            response = client.post(target, values)
            assert_no_server_error(response, f"POST {target} from {name}")
            if refused(response):
                assert row_counts() == before, f"POST {target} refused the input but saved rows"

        post_forms()

    if html:

        @settings(FUZZ, max_examples=QUERY_EXAMPLES)
        @given(query_data(names))
        def get_queries(query):
            assert_no_server_error(client.get(path, query), f"GET {name}?{query!r}")

        get_queries()


@pytest.mark.django_db
@pytest.mark.parametrize("name", POST_ONLY_NAMES)
def test_hostile_values_to_every_post_only_view(client, people, citizens, placed, name):
    path = _open(client, people, citizens, name)

    @settings(FUZZ, max_examples=QUERY_EXAMPLES)
    @given(query_data(set(QUERY_NAMES) | {"action", "value", "reason", "ends_on"}))
    def post(values):
        assert_no_server_error(client.post(path, values), f"POST {name}")

    post()


def test_the_fuzzer_sees_the_forms():
    """The discovery itself: a page's post forms with their fields and candidate values."""
    html = """<form method="post" action="/x/"><input name="a" value="1">
    <select name="b"><option value="">-</option><option value="k">K</option></select>
    <textarea name="c">tekst</textarea><input type="checkbox" name="d">
    <button type="submit" name="go" value="save">Gem</button></form>
    <form method="get"><input type="search" name="q"></form>"""
    post, get = page_forms(html)
    assert post["method"] == "post" and post["action"] == "/x/"
    assert post["fields"]["a"]["values"] == ["1"]
    assert post["fields"]["b"]["values"] == ["", "k"]
    assert post["fields"]["c"]["values"] == ["tekst"]
    assert post["fields"]["d"]["values"] == ["on"]
    assert post["fields"]["go"]["values"] == ["save"]
    assert get["fields"] == {"q": {"kind": "search", "values": []}}
    assert len(PAGE_NAMES) > 40 and POST_ONLY_NAMES


@pytest.mark.django_db
def test_the_row_count_is_every_models_count(people, placed):
    """row_counts asks the database once; it says what each model's own count says."""
    counts = row_counts()
    assert counts == {
        m._meta.label_lower: m._base_manager.count()
        for m in apps.get_models()
        if m._meta.label_lower not in NOT_COUNTED and m._meta.managed
    }
    assert counts["accounts.user"] == len(people) and counts["placements.placement"] == 1
