"""The programme pages: enrolment with the criteria checklist, capacity, ending with a reason,
the teacher's cohort page with few fields, logged with purpose "programme"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens.models import TimelineEvent
from jobbro.programmes.models import EndReason, Enrolment, Programme
from jobbro.programmes.tests.factories import enrol, make_cohort

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_enrolment_shows_the_criteria_and_warns_but_never_blocks(client, people, citizens):
    fatima = citizens["fatima"]
    najah = Programme.objects.get(code="najah")
    cohort = make_cohort("najah", "Najah 4", capacity=10)
    _login(client, people["alice"])
    url = reverse("programmes:enrol", args=[fatima.pk]) + f"?indsats={najah.pk}"
    page = client.get(url)
    assert page.status_code == 200
    for criterion in najah.criteria.all():
        assert criterion.text in page.content.decode()
    first = najah.criteria.first()
    data = {"cohort": cohort.pk, "starts_on": "05.01.2026", "criteria": [first.pk]}
    # Not every criterion ticked: a warning, the input kept, nothing saved.
    warned = client.post(url, data)
    assert warned.status_code == 200
    assert "Ikke alle kriterier er opfyldt" in warned.content.decode()
    assert 'value="05.01.2026"' in warned.content.decode()
    assert not Enrolment.objects.filter(citizen=fatima, programme=najah).exists()
    # Confirmed: enrolled, the unmet criteria on the timeline, the change logged.
    done = client.post(url, {**data, "confirm": "on"})
    assert done.status_code == 302
    enrolment = Enrolment.objects.get(citizen=fatima, programme=najah)
    assert (enrolment.cohort, enrolment.starts_on) == (cohort, dt.date(2026, 1, 5))
    note = TimelineEvent.objects.filter(citizen=fatima).latest("at").text
    assert "Kriterier ikke opfyldt" in note and first.text not in note
    assert AccessLogEntry.objects.filter(
        citizen_id=fatima.pk, action=Action.CREATE, purpose=Purpose.CASELOAD
    ).exists()


def test_a_full_cohort_refuses_with_a_danish_message(client, people, citizens):
    cohort = make_cohort("de-internationale", "Hold 1", capacity=1)
    enrol(citizens["yonas"], cohort)
    _login(client, people["alice"])
    programme = cohort.programme
    url = reverse("programmes:enrol", args=[citizens["fatima"].pk]) + f"?indsats={programme.pk}"
    ticked = [c.pk for c in programme.criteria.all()]
    response = client.post(
        url, {"cohort": cohort.pk, "starts_on": "03.02.2026", "criteria": ticked}
    )
    assert response.status_code == 200
    assert "Holdet Hold 1 er fuldt" in response.content.decode()
    assert cohort.enrolments.count() == 1


def test_ending_an_enrolment_needs_a_reason_and_ends_the_context(client, people, citizens):
    fatima = citizens["fatima"]  # in the ambassador project (conftest)
    enrolment = Enrolment.objects.get(citizen=fatima, programme__code="det-integrerede-liv")
    Enrolment.objects.filter(pk=enrolment.pk).update(starts_on=dt.date(2025, 1, 6))
    _login(client, people["alice"])
    url = reverse("programmes:enrolment_end", args=[enrolment.pk])
    refused = client.post(url, {"ends_on": "01.01.1800", "reason": ""})
    assert refused.status_code == 200
    assert "Vælg en afslutningsårsag." in refused.content.decode()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ok = client.post(
        url, {"ends_on": yesterday.strftime("%d.%m.%Y"), "reason": EndReason.ORDINARY_JOB}
    )
    assert ok.status_code == 302
    enrolment.refresh_from_db()
    assert (enrolment.ends_on, enrolment.end_reason) == (yesterday, EndReason.ORDINARY_JOB)
    # The ambassador no longer has her in the project.
    _login(client, people["amir"])
    response = client.get(reverse("citizens:detail", args=[fatima.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("citizens:reason", args=[fatima.pk])


def test_the_teacher_sees_few_fields_and_the_view_is_logged_for_the_programme(
    client, people, citizens
):
    fatima = citizens["fatima"]
    fatima.danish_course, fatima.danish_module = "DU2", 3
    fatima.save()
    cohort = make_cohort("najah", "Najah 3", teachers=[people["tove"]])
    enrol(fatima, cohort)
    _login(client, people["tove"])
    response = client.get(reverse("programmes:cohort", args=[cohort.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fatima Haddad" in html and "20304050" in html and "modul 3" in html
    assert "Tirsdag og torsdag" in html  # the cohort's schedule
    assert fatima.cpr_masked not in html and "Syrien" not in html
    assert reverse("citizens:detail", args=[fatima.pk]) not in html
    entry = AccessLogEntry.objects.get(citizen_id=fatima.pk, user=people["tove"])
    assert entry.purpose == Purpose.PROGRAMME
    assert entry.fields == "first_name,last_name,phone,danish_course,danish_module"
    # The teacher's front page lists the cohort.
    home = client.get(reverse("front:home")).content.decode()
    assert reverse("programmes:cohort", args=[cohort.pk]) in home


def test_a_teacher_of_another_cohort_is_refused(client, people, citizens):
    from jobbro.accounts.models import Role
    from jobbro.conftest import make_user

    theirs = make_cohort("najah", "Najah 2", teachers=[make_user("trine", Role.TEACHER)])
    enrol(citizens["fatima"], theirs)
    _login(client, people["tove"])
    assert client.get(reverse("programmes:cohort", args=[theirs.pk])).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_the_siri_list_shows_the_deadline_three_months_after_the_start(client, people):
    _login(client, people["lene"])
    html = client.get(reverse("programmes:siri")).content.decode()
    assert "01.05.2020" in html  # De internationale, started 01.02.2020
    assert "Fristen er overskredet" in html


def test_programme_list_searches_and_sorts(client, people):
    _login(client, people["amir"])
    page = client.get(reverse("programmes:list"), {"q": "najah"})
    assert [p.name for p in page.context["page"].object_list] == ["Najah"]
    page = client.get(reverse("programmes:list"), {"sort": "-start"})
    assert page.context["page"].object_list[0].name == "De internationale"


def test_the_programme_form_saves_criteria_and_keeps_input_on_bad_dates(client, people):
    najah = Programme.objects.get(code="najah")
    _login(client, people["amir"])
    url = reverse("programmes:edit", args=[najah.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "kind": "programme",
            "intake": "common_start",
            "starts_on": "01.10.2017",
            "ends_on": "01.01.2017",
            "new_kind": "false",
            "hours_per_week": "4",
            "criteria": "Kvinde\nLangt fra arbejdsmarkedet",
            "activities": "Undervisningsforløb\nModuler af ca. 3 uger.\n\nEvents\nEn udflugt",
        }
    )
    data = {k: v for k, v in data.items() if k in form.fields}
    bad = client.post(url, data)
    assert bad.status_code == 200 and "Slutdatoen må ikke ligge før" in bad.content.decode()
    data["ends_on"] = ""
    assert client.post(url, data).status_code == 302
    assert list(najah.criteria.values_list("text", flat=True)) == [
        "Kvinde",
        "Langt fra arbejdsmarkedet",
    ]
    assert list(najah.activities.values_list("number", "title", "description")) == [
        (1, "Undervisningsforløb", "Moduler af ca. 3 uger."),
        (2, "Events", "En udflugt"),
    ]
    assert najah.actors.count() == 4  # kept as they were read
    # The form read at the old version is stale now.
    assert "ændret af en anden" in client.post(url, data).content.decode()


def test_the_data_subject_export_has_every_enrolment(client, people, citizens):
    import json

    fatima = citizens["fatima"]
    cohort = make_cohort("najah", "Najah 3")
    ended = enrol(fatima, cohort, starts_on=dt.date(2025, 9, 1))
    Enrolment.objects.filter(pk=ended.pk).update(
        ends_on=dt.date(2025, 12, 1), end_reason=EndReason.ILLNESS
    )
    _login(client, people["alice"])
    data = json.loads(client.get(reverse("citizens:export", args=[fatima.pk])).content)
    parts = {p["key"]: p for s in data["sections"] for p in s["parts"]}
    rows = parts["enrolments"]["rows"]
    assert [r["programme"] for r in rows] == ["Najah", "Det integrerede Liv"]
    assert rows[0]["cohort"] == "Najah: Najah 3"
    assert rows[0]["end_reason"] == "Sygdom" and rows[0]["ends_on"] == "2025-12-01"
