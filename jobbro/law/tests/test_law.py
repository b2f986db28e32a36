"""The law in force as dated reference data (issue 9.3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens.models import Citizen, EventKind
from jobbro.conftest import make_citizen
from jobbro.law import selectors, services
from jobbro.law.history import carried
from jobbro.law.models import Benefit, BenefitPeriod, BenefitRate, BenefitSupplement
from jobbro.placements.tests.factories import make_company, make_placement

D = dt.date


def benefit(code):
    return Benefit.objects.get(code=code)


def rate(code):
    return BenefitRate.objects.get(code=code)


@pytest.fixture
def two(people):
    return (
        make_citizen("0101901236", people["alice"], first_name="Rahel"),
        make_citizen("0202851237", people["alice"], first_name="Bashar"),
    )


class TestTheReferenceData:
    def test_it_holds_the_law_of_2025_with_its_dates(self, db):
        assert benefit("kontanthjaelp").is_valid_on(D(2026, 3, 1))
        shy = benefit("selvforsoergelsesydelse")
        assert (shy.valid_from, shy.valid_to) == (D(2020, 1, 1), D(2025, 6, 30))
        assert benefit("integrationsydelse").successor == shy
        assert shy.successor == benefit("kontanthjaelp")
        assert set(BenefitRate.objects.valid_on(D(2026, 3, 1)).values_list("code", flat=True)) == {
            "grundsats", "forhoejet", "mindstesats", "hjemmeboende"
        }  # fmt: skip
        assert not BenefitRate.objects.valid_on(D(2025, 6, 30)).exists()
        assert BenefitSupplement.objects.valid_on(D(2026, 3, 1)).count() == 4
        for code in ("su", "ressourceforloebsydelse", "ledighedsydelse", "sygedagpenge",
                     "barselsdagpenge", "ingen", "overgangsydelse", "uddannelseshjaelp"):  # fmt: skip
            assert Benefit.objects.filter(code=code).exists(), code

    def test_the_programme_is_the_introduction_programme_from_july_2025(self, db):
        now = selectors.programme_on(D(2026, 3, 1))
        assert now is not None and now.name == "Introduktionsprogram"
        assert "1654" in now.legal_basis
        assert (now.max_years, now.first_offer_target_days, now.first_offer_deadline_months) == (
            5, 14, 1
        )  # fmt: skip
        before = selectors.programme_on(D(2024, 3, 1))
        assert before is not None and before.name == "Selvforsørgelses- og hjemrejseprogram"

    def test_the_reference_page_shows_the_dates(self, client, people):
        client.force_login(people["lene"])
        body = client.get(reverse("law:reference")).content.decode()
        assert "Selvforsørgelses- og hjemrejseydelse" in body and "01.01.2020–30.06.2025" in body
        assert "Introduktionsprogram" in body and "Mindstesats" in body


class TestTheBenefitHistory:
    def test_a_2024_case_on_self_support_benefit_and_a_2026_case_on_cash_benefit(self, people, two):
        rahel, bashar = two
        alice = people["alice"]

        old = services.benefit_period_add(
            citizen=rahel, by=alice, benefit=benefit("selvforsoergelsesydelse"),
            starts_on=D(2024, 3, 1), ends_on=D(2025, 6, 30),
        )  # fmt: skip
        new = services.benefit_period_add(
            citizen=bashar, by=alice, benefit=benefit("kontanthjaelp"),
            rate=rate("grundsats"), starts_on=D(2026, 2, 1),
        )  # fmt: skip

        assert BenefitPeriod.objects.on(D(2024, 6, 1)).get().citizen == rahel
        assert selectors.current_benefit(bashar.pk) == new
        assert str(new) == "Kontanthjælp (Grundsats)"
        assert str(old) == "Selvforsørgelses- og hjemrejseydelse"

    def test_a_benefit_not_in_force_on_its_date_is_refused_in_danish(self, people, two):
        with pytest.raises(ValidationError) as refused:
            services.benefit_period_add(
                citizen=two[0], by=people["alice"], benefit=benefit("selvforsoergelsesydelse"),
                starts_on=D(2026, 2, 1),
            )  # fmt: skip
        assert refused.value.message_dict["benefit"] == [
            "Selvforsørgelses- og hjemrejseydelse fandtes ikke den 01.02.2026 "
            "(gælder 01.01.2020–30.06.2025)."
        ]
        assert not BenefitPeriod.objects.exists()

    def test_a_period_running_past_the_benefits_end_is_refused(self, people, two):
        with pytest.raises(ValidationError, match="fandtes ikke den 01.07.2025"):
            services.benefit_period_add(
                citizen=two[0], by=people["alice"], benefit=benefit("selvforsoergelsesydelse"),
                starts_on=D(2025, 1, 1), ends_on=D(2025, 7, 1),
            )  # fmt: skip

    def test_cash_benefit_from_july_2025_needs_its_rate_and_before_has_none(self, people, two):
        alice, kh = people["alice"], benefit("kontanthjaelp")
        with pytest.raises(ValidationError) as refused:
            services.benefit_period_add(
                citizen=two[0], by=alice, benefit=kh, starts_on=D(2026, 2, 1)
            )
        assert refused.value.message_dict["rate"] == ["Vælg satsen for Kontanthjælp."]
        with pytest.raises(ValidationError, match="Satsen hører ikke til Kontanthjælp den"):
            services.benefit_period_add(
                citizen=two[0], by=alice, benefit=kh, rate=rate("grundsats"),
                starts_on=D(2024, 2, 1),
            )  # fmt: skip
        services.benefit_period_add(citizen=two[0], by=alice, benefit=kh, starts_on=D(2024, 2, 1))

    def test_the_reform_of_2027_is_a_data_change(self, people, two):
        """New rows and an end date, no code: the old rate is refused after it ended and
        the new one accepted."""
        kh = benefit("kontanthjaelp")
        BenefitRate.objects.filter(benefit=kh, code="grundsats").update(valid_to=D(2026, 12, 31))
        new_rate = BenefitRate.objects.create(
            benefit=kh, code="grundsats-2027", name="Grundsats (2027)", name_en="Basic rate (2027)",
            valid_from=D(2027, 1, 1),
        )  # fmt: skip
        with pytest.raises(ValidationError, match="Satsen hører ikke til"):
            services.benefit_period_add(
                citizen=two[0], by=people["alice"], benefit=kh, rate=rate("grundsats"),
                starts_on=D(2027, 1, 4),
            )  # fmt: skip
        period = services.benefit_period_add(
            citizen=two[0], by=people["alice"], benefit=kh, rate=new_rate, starts_on=D(2027, 1, 4)
        )
        assert period.rate == new_rate

    def test_a_new_period_ends_the_open_one_and_overlaps_are_refused(self, people, two):
        rahel, alice = two[0], people["alice"]
        services.benefit_period_add(
            citizen=rahel, by=alice, benefit=benefit("kontanthjaelp"), rate=rate("grundsats"),
            starts_on=D(2025, 8, 1),
        )  # fmt: skip
        services.benefit_period_add(
            citizen=rahel, by=alice, benefit=benefit("sygedagpenge"), starts_on=D(2026, 1, 5)
        )
        first, second = BenefitPeriod.objects.filter(citizen=rahel).order_by("starts_on")
        assert first.ends_on == D(2026, 1, 4) and second.ends_on is None
        with pytest.raises(ValidationError, match="overlapper"):
            services.benefit_period_add(
                citizen=rahel, by=alice, benefit=benefit("su"), starts_on=D(2025, 9, 1),
                ends_on=D(2025, 10, 1),
            )  # fmt: skip
        assert (
            rahel.events.filter(kind=EventKind.CHANGED, text__startswith="Forsørgelse").count() == 2
        )

    def test_supplements_belong_to_the_benefit_and_its_dates(self, people, two):
        child = BenefitSupplement.objects.get(code="boernetillaeg")
        with pytest.raises(ValidationError, match="Børnetillæg gælder ikke for Sygedagpenge"):
            services.benefit_period_add(
                citizen=two[0], by=people["alice"], benefit=benefit("sygedagpenge"),
                starts_on=D(2026, 1, 5), supplements=[child],
            )  # fmt: skip
        period = services.benefit_period_add(
            citizen=two[0], by=people["alice"], benefit=benefit("kontanthjaelp"),
            rate=rate("forhoejet"), starts_on=D(2026, 1, 5), supplements=[child],
        )  # fmt: skip
        assert list(period.supplements.all()) == [child]


class TestTheBenefitPage:
    def test_a_case_worker_records_a_benefit_and_a_wrong_one_gets_the_danish_message(
        self, client, people, two
    ):
        client.force_login(people["alice"])
        url = reverse("law:citizen_benefits", args=[two[0].pk])
        shy = benefit("selvforsoergelsesydelse")

        refused = client.post(url, {"benefit": shy.pk, "starts_on": "01.02.2026"})

        assert refused.status_code == 200
        body = refused.content.decode()
        assert "fandtes ikke den 01.02.2026" in body
        assert 'value="01.02.2026"' in body  # the input is kept
        client.post(url, {"benefit": shy.pk, "starts_on": "01.03.2024", "ends_on": "30.06.2025"})
        assert BenefitPeriod.objects.get(citizen=two[0]).benefit == shy
        assert AccessLogEntry.objects.filter(citizen_id=two[0].pk, action=Action.CHANGE).exists()
        detail = client.get(reverse("citizens:detail", args=[two[0].pk])).content.decode()
        assert "Se forsørgelseshistorik" in detail

    def test_the_ambassador_reads_but_does_not_write(self, client, people, two):
        from jobbro.programmes.tests.factories import enrol_in_ambassador_project

        rahel = two[0]
        enrol_in_ambassador_project(rahel)  # the ambassador's context (in_project is gone)
        client.force_login(people["amir"])
        url = reverse("law:citizen_benefits", args=[rahel.pk])
        assert client.get(url).status_code == 200
        response = client.post(url, {"benefit": benefit("su").pk, "starts_on": "01.02.2026"})
        assert response.status_code == 403
        assert not BenefitPeriod.objects.exists()


class TestTheFirstOffer:
    def settled(self, people, cpr, days_ago, **extra):
        at = timezone.now() - dt.timedelta(days=days_ago)
        return make_citizen(cpr, people["alice"], settled_at=at, effort_started_at=at, **extra)

    def test_it_flags_a_citizen_past_one_month_without_a_company_based_offer(self, people):
        late = self.settled(people, "0101901236", 40, first_name="Sen")
        early = self.settled(people, "0202851237", 10, first_name="Tidlig")
        placed = self.settled(people, "0303921239", 40, first_name="Praktik")
        make_placement(placed, make_company())
        schooled = self.settled(people, "0404921236", 40, first_name="Skole")
        make_placement(schooled, None, kind="education")

        listed = selectors.awaiting_first_offer(Citizen.objects.all())

        assert sorted(c.first_name for c in listed) == ["Sen", "Skole"]
        flag = selectors.first_offer(late)
        assert flag is not None and flag.overdue
        assert flag.programme.code == "introduktionsprogram"
        soon = selectors.first_offer(early)
        assert soon is not None and not soon.overdue
        assert soon.target == timezone.localtime(early.settled_at).date() + dt.timedelta(days=14)
        assert selectors.first_offer(placed) is None

    def test_the_list_and_the_case_file_show_it(self, client, people):
        late = self.settled(people, "0101901236", 40, first_name="Sen")
        client.force_login(people["alice"])

        page = client.get(reverse("law:first_offers"))
        detail = client.get(reverse("citizens:detail", args=[late.pk])).content.decode()

        assert [c.pk for c in page.context["page"].object_list] == [late.pk]
        assert "Første virksomhedsrettede tilbud er overskredet" in detail

    def test_a_programme_ended_long_ago_is_not_flagged(self, people):
        old = self.settled(people, "0101901236", 6 * 366)
        assert selectors.first_offer(old) is None
        assert not selectors.awaiting_first_offer(Citizen.objects.all()).exists()


class TestTheOldBenefitTypes:
    def test_they_are_carried_through_the_reforms(self, db):
        periods = carried(benefit("integrationsydelse"), D(2019, 6, 1), D(2026, 12, 1))
        assert [(b.code, s, e) for b, s, e in periods] == [
            ("integrationsydelse", D(2019, 6, 1), D(2019, 12, 31)),
            ("selvforsoergelsesydelse", D(2020, 1, 1), D(2025, 6, 30)),
            ("kontanthjaelp", D(2025, 7, 1), None),
        ]
        later = carried(benefit("integrationsydelse"), D(2023, 4, 1), D(2026, 12, 1))
        assert [b.code for b, _s, _e in later] == ["selvforsoergelsesydelse", "kontanthjaelp"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_benefit_type_into_the_history():
    executor = MigrationExecutor(connection)
    before = [("citizens", "0006_iso_reference_lists"), ("law", "0001_initial")]
    after = [("citizens", "0007_remove_benefit_type")]
    executor.migrate(before)
    from jobbro.law import reference

    reference.sync(executor.loader.project_state(before).apps)  # a flush may have emptied it
    Old = executor.loader.project_state(before).apps.get_model("citizens", "Citizen")
    tz = timezone.get_current_timezone()
    for hash_, value, settled in [
        ("1", "integration_benefit", dt.datetime(2019, 6, 1, 10, tzinfo=tz)),
        ("2", "cash_benefit", dt.datetime(2026, 2, 1, 10, tzinfo=tz)),
        ("3", "spouse_supported", dt.datetime(2024, 5, 1, 10, tzinfo=tz)),
        ("4", "", None),
    ]:
        Old.objects.create(
            cpr="x", cpr_hash=hash_, first_name="A", last_name=hash_, gender="female",
            birth_date="1990-01-01", nationality="SY", arrival="refugee", benefit_type=value,
            settled_at=settled,
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    Period = executor.loader.project_state(after).apps.get_model("law", "BenefitPeriod")
    found = sorted(
        (p.citizen.cpr_hash, p.benefit.code, p.starts_on, p.ends_on) for p in Period.objects.all()
    )
    # Back to the newest schema before asserting: a failure must not leave the test database
    # at an old one for every test after it.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert found == [
        ("1", "integrationsydelse", D(2019, 6, 1), D(2019, 12, 31)),
        ("1", "kontanthjaelp", D(2025, 7, 1), None),
        ("1", "selvforsoergelsesydelse", D(2020, 1, 1), D(2025, 6, 30)),
        ("2", "kontanthjaelp", D(2026, 2, 1), None),
        ("3", "aegtefaelleforsoerget", D(2024, 5, 1), None),
    ]


def test_the_data_subject_export_holds_the_benefit_history_and_languages(people, two):
    from jobbro.citizens.models import CitizenLanguage
    from jobbro.citizens.subject_export import as_json, build

    rahel = two[0]
    CitizenLanguage.objects.create(citizen=rahel, code="ti", level="native")
    services.benefit_period_add(
        citizen=rahel, by=people["alice"], benefit=benefit("kontanthjaelp"),
        rate=rate("forhoejet"), starts_on=D(2026, 1, 5),
        supplements=[BenefitSupplement.objects.get(code="boernetillaeg")],
    )  # fmt: skip

    data = as_json(build(rahel, by=people["alice"]))

    parts = {p["key"]: p for s in data["sections"] for p in s["parts"]}
    (period,) = parts["benefit_periods"]["rows"]
    assert period["benefit"] == "Kontanthjælp" and period["rate"] == "Forhøjet sats"
    assert period["supplements"] == "Børnetillæg" and period["starts_on"] == "2026-01-05"
    assert parts["languages"]["rows"] == [{"code": "Tigrinya", "level": "Modersmål"}]
