import datetime as dt
import io

import pytest
from django.urls import reverse

from jobbro.assessments import selectors
from jobbro.assessments.models import (
    Assessment,
    EntryChannel,
    Instrument,
    Item,
    RaterKind,
    Rating,
    Score,
)
from jobbro.audit.models import AccessLogEntry, Action
from jobbro.placements.models import Placement, PlacementKind

from .conftest import make_assessment

SEED_004_ITEMS = [
    "Kan forstå og tale dansk",
    "Er motiveret omkring arbejdsopgaver",
    "Har en positiv indstilling",
    "Kan arbejde selvstændigt",
    "Har stabilt fremmøde inden for den aftalte arbejdstid",
    "Kan tage ansvar og initiativ",
    "Kan indgå i sociale sammenhænge",
    "Har relevante faglige kompetencer",
    "Kan færdiggøre det som påbegyndes",
    "Kan modtage og forstå instruktion, og udføre den",
    "Kan indgå i arbejde i en gruppe/team",
    "Har god hygiejne",
]
C, T, R = RaterKind.CITIZEN, RaterKind.OFFER_SITE, RaterKind.ADVISOR


def test_it_ships_the_12_item_tool_with_the_seed_texts(shipped):
    version = shipped.current
    assert list(version.items.values_list("text", flat=True)) == SEED_004_ITEMS
    assert list(version.raters.values_list("kind", "label")) == [
        (C, "Score borger"),
        (T, "Score tilbudssted"),
        (R, "Score rådgiver/konsulent"),
    ]
    assert list(version.areas.values_list("name", flat=True)) == [
        "Faglige, personlige og sociale kompetencer",
        "Arbejdsmarkedsperspektiv",
    ]
    assert not version.items.filter(area__isnull=True).exists()
    assert list(version.steps.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
    assert version.items.get(position=1).text_in("en") == "Can understand and speak Danish"


def test_it_ships_hedensteds_intro_tool(shipped):
    intro = Instrument.objects.get(name="Hedensteds introforløb").current
    texts = list(intro.items.values_list("text", flat=True))
    assert "Ser dansk fjernsyn" in texts and len(texts) == 6
    assert intro.raters.count() == 3


def _grid(assessment, kind, values, comments=None):
    items = list(assessment.version.items.all())
    assessment.refresh_from_db(fields=["edit_version"])
    data = {f"s-{kind}-{i.pk}": str(v) for i, v in zip(items, values, strict=False)}
    data["version"] = str(assessment.edit_version)
    for i, c in zip(items, comments or [], strict=False):
        data[f"c-{kind}-{i.pk}"] = c
    return data


def test_it_saves_the_grid_and_records_who_entered_each_rater(
    client, people, citizens, shipped, day
):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    client.force_login(people["amir"])
    data = {**_grid(a, R, [3] * 12, ["Taler mere dansk"]), **_grid(a, T, [4] * 12)}
    response = client.post(reverse("assessments:enter", args=[a.pk]), data)
    assert response.status_code == 302
    ratings = {r.rater.kind: r for r in a.ratings.select_related("rater")}
    assert set(ratings) == {R, T}
    assert ratings[R].entered_by == people["amir"] and ratings[R].channel == EntryChannel.STAFF
    assert ratings[R].scores.count() == 12
    assert ratings[R].scores.get(item__position=1).comment == "Taler mere dansk"
    assert AccessLogEntry.objects.filter(
        citizen_id=citizens["fatima"].pk, action=Action.CHANGE, user=people["amir"]
    ).exists()
    # The workplace scores later, entered by the company consultant's colleague: only that
    # rater's "entered by" changes.
    client.force_login(people["alice"])
    data = {**_grid(a, R, [3] * 12, ["Taler mere dansk"]), **_grid(a, T, [5] * 12)}
    client.post(reverse("assessments:enter", args=[a.pk]), data)
    ratings = {r.rater.kind: r for r in a.ratings.select_related("rater")}
    assert ratings[T].entered_by == people["alice"]
    assert ratings[R].entered_by == people["amir"]
    assert set(ratings[T].scores.values_list("value", flat=True)) == {5}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("score", "6", "scoren skal være et helt tal fra 1 til 5"),
        ("score", "0", "scoren skal være et helt tal fra 1 til 5"),
        ("score", "x", "Skriv scoren som et helt tal"),
        ("item", "3", "Punktet findes ikke i værktøjet."),
        ("citizen", "3", "Borgerens egen score indtastes af borgeren selv"),
    ],
)
def test_it_refuses_bad_scores_and_saves_nothing(
    client, people, citizens, shipped, day, field, value, message
):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    client.force_login(people["alice"])
    data = _grid(a, R, [3] * 12)
    first = a.version.items.get(position=1)
    if field == "score":
        data[f"s-{R}-{first.pk}"] = value
    elif field == "item":
        other = Item.objects.exclude(version=a.version).first()
        data[f"s-{R}-{other.pk}"] = value
    else:
        data[f"s-{C}-{first.pk}"] = value
    response = client.post(reverse("assessments:enter", args=[a.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Rating.objects.exists() and not Score.objects.exists()


def test_it_refuses_a_rater_the_role_may_not_fill_in_the_service(people, citizens, shipped, day):
    from django.core.exceptions import ValidationError

    from jobbro.assessments.services import rating_save

    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    item = a.version.items.first()
    with pytest.raises(ValidationError, match="Din rolle må ikke"):
        rating_save(assessment=a, kind=R, scores={item.pk: (3, "")}, by=people["tove"])
    with pytest.raises(ValidationError, match="selvvurderingssiden"):
        rating_save(assessment=a, kind=C, scores={item.pk: (3, "")}, by=people["alice"])
    assert not Rating.objects.exists()


def test_it_records_only_the_citizen_rater_on_the_self_scoring_page(
    client, people, citizens, shipped, day
):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    client.force_login(people["alice"])
    url = reverse("assessments:self_score", args=[a.pk])
    page = client.get(url, {"sprog": "en", "punkt": 1})
    html = page.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "I understand and speak Danish" in html  # the citizen speaks of themselves
    response = client.post(f"{url}?sprog=en&punkt=1", {"value": "4"})
    assert response.status_code == 302 and response["Location"].endswith("punkt=2")
    client.post(f"{url}?sprog=en&punkt=2", {"skip": "1"})
    bad = client.post(f"{url}?sprog=en&punkt=3", {"value": "9"})
    assert bad.status_code == 400
    rating = Rating.objects.get()
    assert rating.rater.kind == C and rating.channel == EntryChannel.SELF
    assert rating.entered_by == people["alice"]
    assert list(rating.scores.values_list("item__position", "value")) == [(1, 4)]


def test_it_sets_the_direction_of_a_language_added_as_data(client, people, citizens, shipped, day):
    from jobbro.assessments.models import Language

    Language.objects.create(code="ar", name="العربية", rtl=True, texts={"next": "التالي"})
    item = shipped.current.items.get(position=1)
    item.translations["ar"] = "يستطيع فهم اللغة الدنماركية والتحدث بها"
    item.save()
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    client.force_login(people["alice"])
    html = client.get(reverse("assessments:self_score", args=[a.pk]), {"sprog": "ar"}).content
    html = html.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "يستطيع فهم" in html and "التالي" in html
    assert "Spring over" in html  # a text the language lacks falls back to Danish


def test_it_marks_disagreement_in_the_diagram_and_in_text(client, people, citizens, shipped, day):
    fatima = citizens["fatima"]
    make_assessment(fatima, shipped, day, people["alice"], {R: [2] * 12, T: [2] * 12})
    a = make_assessment(
        fatima,
        shipped,
        day + dt.timedelta(days=30),
        people["alice"],
        {C: [5] + [3] * 11, T: [3] * 12, R: [3] * 12},
    )
    client.force_login(people["amir"])
    html = client.get(reverse("assessments:detail", args=[a.pk])).content.decode()
    assert "Bedømmerne er uenige om 1 punkt" in html
    assert "1. Kan forstå og tale dansk — UENIGHED (2)" in html  # in the SVG
    assert "Ja, 2 point" in html  # in the table
    assert "<table" in html and "<svg" in html
    view = selectors.assessment_view(a)
    assert [r.index for r in view.disagreements] == [1]
    assert view.previous is not None and view.previous_totals[R] == 2
    assert AccessLogEntry.objects.filter(citizen_id=fatima.pk, action=Action.VIEW).exists()


def test_it_prints_the_scores_in_the_pdf(client, people, citizens, shipped, day):
    from pypdf import PdfReader

    a = make_assessment(
        citizens["fatima"], shipped, day, people["alice"], {R: [4] * 12, T: [1] * 11 + [2]}
    )
    a.next_steps = "Praktik i køkkenet tre dage om ugen"
    a.save()
    client.force_login(people["alice"])
    response = client.get(reverse("assessments:pdf", args=[a.pk]))
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    # The scores and the next steps on one page, the diagram full width on the next.
    assert len(pages) == 2
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Har god hygiejne" in text
    assert "Praktik i køkkenet tre dage om ugen" in text
    assert "Aftalte næste skridt" in text
    assert "Ja, 3 point" in text  # item 1: 4 against 1
    assert "12. Har god hygiejne – 2 4 Ja, 2 point" in text  # the scores, read back
    assert AccessLogEntry.objects.filter(action=Action.EXPORT).count() == 1


def test_every_text_in_the_pdf_prints_at_9_pt_or_more(client, people, citizens, shipped, day):
    """Legible when printed (issue 13): the diagram's labels were 3.75 pt, scaled down with it."""
    import math

    from pypdf import PdfReader

    a = make_assessment(
        citizens["fatima"], shipped, day, people["alice"], {R: [4] * 12, T: [1] * 11 + [2]}
    )
    client.force_login(people["alice"])
    response = client.get(reverse("assessments:pdf", args=[a.pk]))
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():  # the size as printed: the font's size times both matrices' scale
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            sizes.append((round(size * scale, 2), text.strip()))

    for page in PdfReader(io.BytesIO(response.content)).pages:
        page.extract_text(visitor_text=visit)
    assert any(text.startswith("Tilbudssted") for _size, text in sizes)  # the diagram's labels
    assert min(sizes)[0] >= 9, sorted(sizes)[:5]


def test_the_pdf_is_tagged_and_the_diagram_has_its_table_as_alternative(
    client, people, citizens, shipped, day, caplog
):
    from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf, structure_elements

    a = make_assessment(
        citizens["fatima"], shipped, day, people["alice"], {R: [4] * 12, T: [1] * 11 + [2]}
    )
    client.force_login(people["alice"])
    with caplog.at_level("ERROR", logger="weasyprint"):
        response = client.get(reverse("assessments:pdf", args=[a.pk]))
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert response["Content-Disposition"] == f'attachment; filename="progression-{a.pk}.pdf"'
    assert response["Cache-Control"] == "no-store"
    title = f"Progressionsmåling: {citizens['fatima'].full_name}, {day:%d.%m.%Y}"
    reader = read_accessible_pdf(response.content, title=title, lang="da")
    elements = structure_elements(reader)
    tags = [str(e["/S"]) for e in elements]
    (figure,) = [e for e in elements if e["/S"] == "/Figure"]
    assert figure["/Alt"] == (
        "Diagram over scorer pr. punkt og bedømmer. Tabellen »Diagrammets tal« viser de samme tal."
    )
    # Read as the pages are laid out: the heading, the table, the next steps, then the diagram.
    assert tags.index("/H1") < tags.index("/Table") < tags.index("/H2") < tags.index("/Figure")
    text = pdf_text(reader)
    assert "Diagrammets tal: scorer pr. punkt" in text
    assert "Punkt Score borger Score tilbudssted Score rådgiver/" in text
    for index, item in enumerate(SEED_004_ITEMS[:11], start=1):
        assert f"{index}. {item} – 1 4 Ja, 3 point" in " ".join(text.split()), item


def test_it_leaves_old_assessments_on_their_version(client, people, citizens, shipped, day):
    old = make_assessment(citizens["fatima"], shipped, day, people["alice"], {R: [3] * 12})
    client.force_login(people["ada"])
    url = reverse("assessments:instrument_edit", args=[shipped.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["active"] = "on"
    data["items"] = data["items"].replace("Har god hygiejne", "Har en god hygiejne") + (
        "\nKan tage bus eller cykle til arbejde | Can get to work by bus or bike"
    )
    response = client.post(url, data)
    assert response.status_code == 302
    shipped.refresh_from_db()
    assert shipped.versions.count() == 2 and shipped.current.number == 2
    assert shipped.current.items.count() == 13
    old.refresh_from_db()
    assert old.version.number == 1
    assert list(old.version.items.values_list("text", flat=True)) == SEED_004_ITEMS
    assert old.ratings.get().scores.count() == 12
    # Saving again without changes makes no version.
    shipped.refresh_from_db()
    again = {**data, "items": shipped.current.items.count() and data["items"]}
    assert client.post(url, {**again, "version": shipped.version}).status_code == 302
    assert shipped.versions.count() == 2
    # New assessments use the new version.
    new = make_assessment(citizens["fatima"], shipped, day, people["alice"])
    assert new.version.number == 2


def test_it_refuses_a_bad_scale_in_danish(client, people, shipped):
    client.force_login(people["ada"])
    response = client.post(
        reverse("assessments:instrument_create"),
        {"name": "Nyt", "items": "Punkt", "scale": "en | dårlig", "advisor_label": "Rådgiver"},
    )
    assert response.status_code == 200
    assert "er ikke et helt tal" in response.content.decode()
    assert not Instrument.objects.filter(name="Nyt").exists()


def test_it_shows_change_since_first_and_previous(client, people, citizens, shipped, day):
    fatima = citizens["fatima"]
    for k, v in enumerate([2, 3, 4]):
        make_assessment(
            fatima, shipped, day + dt.timedelta(days=30 * k), people["alice"], {R: [v] * 12}
        )
    (series,) = selectors.citizen_series(fatima)
    total = series.measures[-1]
    assert (total["first"], total["latest"], total["since_first"], total["since_previous"]) == (
        2,
        4,
        2,
        1,
    )
    client.force_login(people["alice"])
    html = client.get(reverse("assessments:citizen", args=[fatima.pk])).content.decode()
    assert "+2" in html and "Hvert punkt over tid" in html


def test_it_lists_people_without_a_rise(client, people, citizens, shipped, day):
    fatima, yonas = citizens["fatima"], citizens["yonas"]
    for k, v in enumerate([3, 3, 2]):
        make_assessment(fatima, shipped, day + dt.timedelta(days=k), people["alice"], {R: [v] * 12})
    for k, v in enumerate([2, 3, 4]):
        make_assessment(yonas, shipped, day + dt.timedelta(days=k), people["alice"], {R: [v] * 12})
    client.force_login(people["alice"])
    response = client.get(reverse("assessments:stalled"), {"n": 3})
    shown = [r.citizen for r in response.context["page"].object_list]
    assert shown == [fatima]
    assert set(
        AccessLogEntry.objects.filter(action=Action.LIST).values_list("citizen_id", flat=True)
    ) == {fatima.pk}


def test_it_shows_managers_shares_without_names(client, people, shipped, day):
    from jobbro.conftest import make_citizen

    for n in range(6):
        c = make_citizen(f"01019{n}1234", people["alice"], first_name=f"Navn{n}", in_project=True)
        rise = n < 4
        make_assessment(c, shipped, day, people["alice"], {R: [2] * 12})
        make_assessment(
            c, shipped, day + dt.timedelta(days=60), people["alice"], {R: [3 if rise else 2] * 12}
        )
    client.force_login(people["lene"])
    response = client.get(reverse("assessments:measures"), {"min": "1"})
    html = response.content.decode()
    assert "Navn" not in html
    programme = dict(response.context["tables"])["Indsats"]
    (row,) = programme
    assert (row.people, row.rose, row.rose_enough) == (6, 4, 4)
    assert not AccessLogEntry.objects.exists()


def test_it_gives_the_workplace_progression_since_the_start(people, citizens, shipped, day):
    fatima = citizens["fatima"]
    placement = Placement.objects.create(
        citizen=fatima, kind=PlacementKind.INTERNSHIP, starts_on=day
    )
    make_assessment(fatima, shipped, day - dt.timedelta(days=10), people["alice"], {T: [1] * 12})
    make_assessment(fatima, shipped, day, people["alice"], {T: [2] * 12}, placement=placement)
    make_assessment(fatima, shipped, day + dt.timedelta(days=40), people["alice"], {T: [4] * 12})
    progression = selectors.workplace_progression(placement)
    assert [m for _a, m in progression.points] == [2, 4]
    assert progression.change == 2


def test_it_links_the_case_file_to_the_progression(client, people, citizens, shipped, day):
    make_assessment(citizens["fatima"], shipped, day, people["alice"], {R: [3] * 12})
    client.force_login(people["alice"])
    html = client.get(reverse("citizens:detail", args=[citizens["fatima"].pk])).content.decode()
    assert reverse("assessments:citizen", args=[citizens["fatima"].pk]) in html
    assert "Seneste måling 02.03.2026 (1 i alt)" in html


def test_it_refuses_an_assessment_in_the_future(client, people, citizens, shipped):
    client.force_login(people["alice"])
    future = dt.date.today() + dt.timedelta(days=5)
    response = client.post(
        reverse("assessments:create", args=[citizens["fatima"].pk]),
        {"instrument": shipped.pk, "assessed_on": future.strftime("%d.%m.%Y")},
    )
    assert "kan ikke ligge i fremtiden" in response.content.decode()
    assert not Assessment.objects.exists()
    response = client.post(
        reverse("assessments:create", args=[citizens["fatima"].pk]),
        {"instrument": shipped.pk, "assessed_on": "02.03.2026"},
    )
    a = Assessment.objects.get()
    assert response["Location"] == reverse("assessments:enter", args=[a.pk])
    assert a.version == shipped.current and a.created_by == people["alice"]


def test_it_folds_groups_too_small_to_show():
    rows = [("Stor", 1.0, 2.0)] * 5 + [("Lille A", 1.0, 3.0)] * 2 + [("Lille B", 2.0, 1.0)]
    shown = selectors.group_measures(rows, threshold=0.5, smallest=5)
    assert [(m.label, m.people, m.rose) for m in shown] == [("Stor", 5, 5), (None, 3, 0)]
    # The folded row carries no shares: three people could be pointed to.
    assert shown[1].mean_change == 0.0
