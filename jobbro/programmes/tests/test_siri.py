"""The SIRI description as DOCX: the template's headings in order, read back from the file,
and LibreOffice converts it without error."""

import io
import shutil
import subprocess

import docx
import pytest
from django.urls import reverse

from jobbro.programmes.models import Programme

pytestmark = pytest.mark.django_db

# SIRI's template (seeds 001 and 003), in its order.
TEMPLATE_HEADINGS = [
    "Korte fakta om indsatsen",
    "Målgruppe",
    "Formålet med indsatsen",
    "Beskrivelse af indsatsen",
    "Aktører / undervisere",
    "Samarbejde med virksomheder",
    "Integrations- og beskæftigelsesambassadørens rolle",
    "Metode",
    "Forandringsspor",
    "Forventet effekt",
    "Økonomi",
    "Observationer undervejs",
]


def _download(client, people, code):
    programme = Programme.objects.get(code=code)
    client.force_login(people["amir"])
    response = client.get(reverse("programmes:siri_docx", args=[programme.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Cache-Control"] == "no-store"
    return response.content


def _headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_the_docx_follows_the_template_and_reads_back_the_programme(client, people):
    document = docx.Document(io.BytesIO(_download(client, people, "de-internationale")))
    h1 = _headings(document, 1)
    assert [h for h in h1 if h in TEMPLATE_HEADINGS] == TEMPLATE_HEADINGS
    assert h1.index("Korte fakta om indsatsen") == 0
    assert document.core_properties.title == "INDSATSBESKRIVELSE: De internationale"
    h2 = _headings(document, 2)
    for n, title in enumerate(
        [
            "Undervisning i matematik",
            "Undervisning i engelsk",
            "Undervisning i samfundsforståelse",
            "Sprogskole",
            "Støtte / løbende evaluering",
        ],
        1,
    ):
        assert f"Aktivitet {n}: {title}" in h2
    assert "Aktørtype 4: Sprogcenter Midt" in h2
    assert "På kort sigt" in h2 and "Efter indsatsen" in h2
    text = "\n".join(p.text for p in document.paragraphs)
    # The facts, with the seed's numbers, follow their questions.
    paragraphs = [p.text for p in document.paragraphs]
    after = paragraphs.index("Antal uger pr. deltager") + 1
    assert paragraphs[after] == "22"
    assert paragraphs[paragraphs.index("Hvor mange deltager i indsatsen ad gangen?") + 1] == "5"
    assert paragraphs[paragraphs.index("Er der løbende optag eller fælles start?") + 1] == (
        "Fælles start"
    )
    assert "3 af 5 deltagere er optaget på VUC" in text
    assert "senest 01.05.2020" in text


def test_najahs_plan_is_a_table_with_its_weeks(client, people):
    document = docx.Document(io.BytesIO(_download(client, people, "najah")))
    assert "Bilag 1 – forløbets plan" in _headings(document, 1)
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Modul", "Uge", "Titel", "Indhold"]
    weeks = [r[1] for r in rows[1:]]
    assert weeks == [
        "1",
        "2–5",
        "6",
        "7–10",
        "11",
        "12–15",
        "16",
        "17–20",
        "21",
        "22–26",
        "27",
        "28–32",
        "33",
        "34–35",
    ]
    assert rows[3][2:] == ["Event", "Bibliotek"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_docx(client, people, tmp_path):
    path = tmp_path / "najah.docx"
    path.write_bytes(_download(client, people, "najah"))
    result = subprocess.run(  # noqa: S603 - a fixed command on our own file
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],  # noqa: S607
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "najah.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
