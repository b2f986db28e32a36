"""The benefits' monthly amounts: the administrators' page (issue 12, item 9), its Danish
input and its rules (a source, no overlap for one benefit and rate, optimistic locking)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jobbro.law import services
from jobbro.law.models import Benefit, BenefitAmount, BenefitRate

D = dt.date


def cash():
    return Benefit.objects.get(code="kontanthjaelp")


def post(client, data, pk=None):
    url = reverse("law:amount_edit", args=[pk]) if pk else reverse("law:amount_create")
    base = {"benefit": cash().pk, "rate": "", "valid_to": "", "source": "Satser 2026"}
    return client.post(url, base | data)


@pytest.mark.django_db
def test_an_administrator_enters_an_amount_the_danish_way(client, people):
    client.force_login(people["ada"])
    response = post(client, {"monthly": "12.550,50", "valid_from": "01.01.2026"})
    assert response.status_code == 302
    amount = BenefitAmount.objects.get()
    assert (amount.monthly, amount.valid_from, amount.source) == (
        Decimal("12550.50"),
        D(2026, 1, 1),
        "Satser 2026",
    )
    page = client.get(reverse("law:amounts"))
    assert "12.550,50" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"monthly": "12550.50"}, "komma før ørerne"),
        ({"monthly": ""}, "Skriv beløbet pr. måned"),
        ({"source": ""}, "Skriv kilden til beløbet"),
        ({"valid_from": ""}, "Skriv, hvornår beløbet gælder fra"),
        ({"valid_from": "31.02.2026"}, "findes ikke"),
    ],
)
def test_it_refuses_what_is_not_an_amount_with_a_source_and_a_date(client, people, data, message):
    client.force_login(people["ada"])
    response = post(client, {"monthly": "12.550,00", "valid_from": "01.01.2026"} | data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BenefitAmount.objects.exists()


@pytest.mark.django_db
def test_two_amounts_of_one_benefit_and_rate_never_overlap(client, people):
    BenefitAmount.objects.create(
        benefit=cash(), monthly=12000, valid_from=D(2025, 7, 1), source="Satser 2025"
    )
    client.force_login(people["ada"])
    response = post(client, {"monthly": "12.550,00", "valid_from": "01.01.2026"})
    assert "Der er allerede et beløb" in response.content.decode()
    assert BenefitAmount.objects.count() == 1
    # Ended the day before, the new one may begin; another rate is another row.
    old = BenefitAmount.objects.get()
    old.valid_to = D(2025, 12, 31)
    services.benefit_amount_save(amount=old, version=old.version, by=people["ada"])
    assert post(client, {"monthly": "12.550,00", "valid_from": "01.01.2026"}).status_code == 302
    basic = BenefitRate.objects.filter(benefit=cash()).first()
    assert basic is not None
    assert (
        post(
            client, {"rate": basic.pk, "monthly": "12.100,00", "valid_from": "01.01.2026"}
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_a_rate_must_be_the_benefit_s(people):
    sickness = Benefit.objects.get(code="sygedagpenge")
    other = BenefitRate.objects.create(benefit=sickness, code="x", name="En sats", name_en="A rate")
    amount = BenefitAmount(
        benefit=cash(), rate=other, monthly=1, valid_from=D(2026, 1, 1), source="x"
    )
    with pytest.raises(ValidationError, match="Satsen hører ikke til ydelsen"):
        services.benefit_amount_save(amount=amount, by=people["ada"])


@pytest.mark.django_db
def test_an_edit_from_an_old_version_is_refused(client, people):
    amount = BenefitAmount.objects.create(
        benefit=cash(), monthly=12000, valid_from=D(2026, 1, 1), source="Satser 2026"
    )
    client.force_login(people["ada"])
    data = {"monthly": "12.100,00", "valid_from": "01.01.2026", "version": "1"}
    assert post(client, data, pk=amount.pk).status_code == 302
    response = post(client, data | {"monthly": "99,00"}, pk=amount.pk)  # read at version 1
    assert response.status_code == 200
    amount.refresh_from_db()
    assert (amount.monthly, amount.version) == (Decimal("12100.00"), 2)


@pytest.mark.django_db
def test_every_creation_and_change_of_an_amount_is_in_the_administration_log(client, people):
    from jobbro.accounts.models import AdminAction, AdminLogEntry

    client.force_login(people["ada"])
    assert post(client, {"monthly": "12.000,00", "valid_from": "01.01.2026"}).status_code == 302
    amount = BenefitAmount.objects.get()
    created = AdminLogEntry.objects.get()
    assert (created.action, created.actor, created.actor_role) == (
        AdminAction.AMOUNT_CREATE,
        people["ada"],
        people["ada"].role,
    )
    assert created.changes["monthly"] == [None, "12000.00"]
    assert created.changes["valid_from"] == [None, "2026-01-01"]
    assert created.changes["source"] == [None, "Satser 2026"]
    assert created.ip_address == "127.0.0.1"

    data = {"monthly": "12.100,00", "valid_from": "01.01.2026", "version": "1"}
    assert post(client, data, pk=amount.pk).status_code == 302
    changed = AdminLogEntry.objects.exclude(pk=created.pk).get()
    assert changed.action == AdminAction.AMOUNT_CHANGE
    assert changed.changes == {"monthly": ["12000.00", "12100.00"]}
    # A refused edit (read at an old version) changes nothing and logs nothing.
    assert post(client, data | {"monthly": "99,00"}, pk=amount.pk).status_code == 200
    assert AdminLogEntry.objects.count() == 2
    page = client.get(reverse("accounts:admin_log")).content.decode()
    assert "Ydelsesbeløb ændret" in page and "12000.00 → 12100.00" in page


@pytest.mark.django_db
def test_an_amount_is_not_saved_when_its_log_entry_is_not(people, monkeypatch):
    """The amount and its log entry are one transaction: no amount without its entry."""

    def broken(*args, **kwargs):
        raise RuntimeError("the log is down")

    monkeypatch.setattr(services, "log_admin", broken)
    amount = BenefitAmount(benefit=cash(), monthly=1, valid_from=D(2026, 1, 1), source="x")
    with pytest.raises(RuntimeError):
        services.benefit_amount_save(amount=amount, by=people["ada"])
    assert not BenefitAmount.objects.exists()
