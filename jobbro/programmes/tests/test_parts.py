"""Editing a programme's change tracks, cost lines, observations, modules and events: the
ambassador's pages, the Danish validation, the programme's version and the change log."""

from decimal import Decimal

import pytest
from django.urls import reverse

from jobbro.programmes.models import (
    ChangeAction,
    CostLine,
    Event,
    Module,
    Programme,
    ProgrammeChange,
)
from jobbro.programmes.parts import PARTS, AmountField
from jobbro.programmes.tests.factories import shipped_programme

pytestmark = pytest.mark.django_db


def _create_url(programme, slug):
    return reverse("programmes:part_create", args=[programme.pk, slug])


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1.234,50", "1234.50"), ("1234,5", "1234.5"), ("12.345.678", "12345678"), ("250 kr.", "250")],
)
def test_it_reads_danish_amounts(text, amount):
    assert AmountField().clean(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["1234.50", "1,234.50", "12.34", "1.234,567", "-5", "abc"])
def test_it_refuses_amounts_that_are_not_danish(text):
    with pytest.raises(Exception, match="komma før ørerne"):
        AmountField().clean(text)


def test_the_ambassador_adds_a_cost_line_in_danish_kroner_and_it_is_logged(client, people):
    najah = shipped_programme("najah")
    version = najah.version
    client.force_login(people["amir"])
    response = client.post(
        _create_url(najah, "oekonomi"),
        {"version": version, "item": "Underviser", "amount": "12.345,50", "hours": "140"},
    )
    assert response.status_code == 302
    line = CostLine.objects.get(programme=najah, item="Underviser")
    assert (line.amount, line.hours) == (Decimal("12345.50"), Decimal("140"))
    assert Programme.objects.get(pk=najah.pk).version == version + 1
    change = ProgrammeChange.objects.get(programme=najah, part="costline")
    assert (change.by, change.action, change.row_id) == (people["amir"], "create", line.pk)
    assert change.changes["amount"] == ["", "12345.50"]
    page = client.get(reverse("programmes:detail", args=[najah.pk])).content.decode()
    assert "12.345,50 kr." in page


def test_a_wrong_amount_gets_a_danish_message_and_keeps_the_input(client, people):
    najah = shipped_programme("najah")
    client.force_login(people["amir"])
    data = {"version": najah.version, "item": "Transport", "amount": "1234.50"}
    response = client.post(_create_url(najah, "oekonomi"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "komma før ørerne" in body and 'value="1234.50"' in body
    assert not CostLine.objects.filter(programme=najah, item="Transport").exists()


def test_a_module_must_lie_inside_the_programmes_weeks(client, people):
    najah = shipped_programme("najah")  # 35 weeks per participant
    client.force_login(people["amir"])
    data = {"version": najah.version, "title": "Ekstra", "first_week": "34", "last_week": "36"}
    response = client.post(_create_url(najah, "moduler"), data)
    assert response.status_code == 200
    assert "Indsatsen varer 35 uger" in response.content.decode()
    reversed_weeks = {**data, "first_week": "30", "last_week": "29"}
    response = client.post(_create_url(najah, "moduler"), reversed_weeks)
    assert "Den sidste uge kan ikke ligge før den første" in response.content.decode()
    assert not Module.objects.filter(programme=najah, title="Ekstra").exists()
    ok = client.post(_create_url(najah, "moduler"), {**data, "last_week": "35"})
    assert ok.status_code == 302
    assert Module.objects.filter(programme=najah, title="Ekstra", last_week=35).exists()


def test_a_row_saved_from_an_old_page_is_refused_and_nothing_is_written(client, people):
    najah = shipped_programme("najah")
    event = Event.objects.filter(programme=najah).first()
    client.force_login(people["amir"])
    url = reverse("programmes:part_edit", args=[najah.pk, "events", event.pk])
    data = {"week": event.week, "title": "Bibliotek og byvandring", "version": najah.version}
    Programme.objects.filter(pk=najah.pk).update(version=najah.version + 1)  # someone saved
    response = client.post(url, data)
    assert response.status_code == 200
    assert "ændret af en anden" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == event.title
    assert not ProgrammeChange.objects.filter(programme=najah).exists()


def test_deleting_a_row_is_logged_with_its_old_values(client, people):
    najah = shipped_programme("najah")
    track = najah.change_tracks.first()
    client.force_login(people["amir"])
    url = reverse("programmes:part_delete", args=[najah.pk, "forandringsspor", track.pk])
    assert client.post(url, {"version": najah.version}).status_code == 302
    assert not najah.change_tracks.filter(pk=track.pk).exists()
    change = ProgrammeChange.objects.get(programme=najah, action=ChangeAction.DELETE)
    assert change.changes["expected_change"] == [track.expected_change, ""]
    with pytest.raises(PermissionError):
        ProgrammeChange.objects.filter(pk=change.pk).delete()


def test_a_change_track_is_described_once_and_a_date_lies_in_the_programme(client, people):
    najah = shipped_programme("najah")
    taken = najah.change_tracks.first().track
    client.force_login(people["amir"])
    data = {"version": najah.version, "track": taken, "expected_change": "Mere mod"}
    response = client.post(_create_url(najah, "forandringsspor"), data)
    assert "allerede med dette spor" in response.content.decode()
    early = najah.starts_on.replace(year=najah.starts_on.year - 1).strftime("%d.%m.%Y")
    data = {"version": najah.version, "phase": "start", "noted_on": early, "text": "Godt i gang"}
    response = client.post(_create_url(najah, "observationer"), data)
    assert "før indsatsen startede" in response.content.decode()
    response = client.post(_create_url(najah, "observationer"), {**data, "noted_on": "31.02.2024"})
    assert "findes ikke" in response.content.decode()


def test_every_shipped_row_is_valid_in_its_form():
    """The shipped programmes' rows can be opened and saved unchanged: the validation holds
    the seeds' own plans (Najah's events after their modules, inside 35 weeks)."""
    for code in ("najah", "de-internationale", "introforloeb", "geninvestering"):
        programme = shipped_programme(code)
        for part in PARTS.values():
            for row in part.model._default_manager.filter(programme=programme):
                form = part.form(instance=row, programme=programme)
                data = {
                    name: form[name].value() if form[name].value() is not None else ""
                    for name in form.fields
                }
                bound = part.form(data, instance=row, programme=programme)
                assert bound.is_valid(), (code, part.slug, row.pk, bound.errors)


def test_a_case_worker_may_read_but_not_edit(client, people):
    najah = shipped_programme("najah")
    client.force_login(people["alice"])
    page = client.get(reverse("programmes:detail", args=[najah.pk])).content.decode()
    assert "Tilføj omkostning" not in page
    assert client.get(_create_url(najah, "oekonomi")).status_code == 403
    assert client.get(reverse("programmes:part_create", args=[najah.pk, "ukendt"])).status_code in (
        403,
        404,
    )
