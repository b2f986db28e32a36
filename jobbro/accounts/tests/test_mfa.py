"""Staff MFA with TOTP (django-otp), tested with real codes computed from the device key."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jobbro.accounts.models import AdminAction, AdminLogEntry
from jobbro.conftest import PASSWORD


def _code(key: bytes, drift=0) -> str:
    return f"{totp(key, drift=drift):06d}"


def _unthrottle(device):
    """A wrong code makes the device wait before the next try (django-otp's throttling)."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def _login(client, username="alice"):
    return client.post("/login/", {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_a_user_enrols_with_the_secret_shown_as_text_and_qr_code(client, people):
    _login(client)
    response = client.get("/totrin/")
    page = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "<svg" in page and 'role="img"' in page
    secret = re.search(r'<code class="jobbro-secret">([A-Z2-7]+)</code>', page).group(1)
    key = b32decode(secret)
    response = client.post("/totrin/", {"token": "000000" if _code(key) != "000000" else "1"})
    assert "Koden passer ikke" in response.content.decode()
    response = client.post("/totrin/", {"token": _code(key)})
    assert "For mange forkerte koder" in response.content.decode()
    _unthrottle(TOTPDevice.objects.get(user=people["alice"]))
    response = client.post("/totrin/", {"token": _code(key)})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=people["alice"])
    assert device.confirmed and device.bin_key == key
    assert AdminLogEntry.objects.filter(action=AdminAction.MFA_ENROL).exists()
    assert client.get("/borgere/").status_code == 200


@pytest.mark.django_db
def test_after_the_password_a_user_with_a_device_must_give_a_code(client, people):
    device = TOTPDevice.objects.create(user=people["alice"], name="app", confirmed=True)
    response = _login(client)
    assert response.status_code == 302
    # Logged in by password only: every page sends them to the second step.
    response = client.get("/borgere/")
    assert response.status_code == 302
    assert response["Location"] == "/totrin/bekraeft/?next=%2Fborgere%2F"
    response = client.post("/totrin/bekraeft/", {"token": "12345x"})
    assert "Koden har 6 cifre." in response.content.decode()
    wrong = _code(device.bin_key, drift=5)
    response = client.post("/totrin/bekraeft/", {"token": wrong})
    assert "Koden passer ikke" in response.content.decode()
    assert client.get("/borgere/").status_code == 302
    _unthrottle(device)
    response = client.post(
        "/totrin/bekraeft/", {"token": _code(device.bin_key), "next": "/borgere/"}
    )
    assert response.status_code == 302 and response["Location"] == "/borgere/"
    assert client.get("/borgere/").status_code == 200


@pytest.mark.django_db
def test_production_requires_every_user_to_set_up_mfa(client, people, settings):
    settings.REQUIRE_MFA = True
    _login(client)
    response = client.get("/borgere/")
    assert response.status_code == 302 and response["Location"] == "/totrin/?next=%2Fborgere%2F"
    assert client.get("/totrin/").status_code == 200


def test_mfa_is_required_by_default_in_production_only(monkeypatch):
    import importlib

    import jobbro.settings as jobbro_settings

    for env, expected in (("production", True), ("development", False)):
        monkeypatch.setenv("JOBBRO_ENV", env)
        if env == "production":
            for name in ("SECRET_KEY", "JOBBRO_HASH_KEY", "JOBBRO_LOG_KEY"):
                monkeypatch.setenv(name, "0123456789abcdef" * 4)
            monkeypatch.setenv("JOBBRO_FIELD_KEYS", "9ZWeDvWGb3sBpybwwXWMpfcRNMRKfSJVIfmKx1zqcTU=")
        monkeypatch.delenv("REQUIRE_MFA", raising=False)
        assert importlib.reload(jobbro_settings).REQUIRE_MFA is expected
    monkeypatch.setenv("REQUIRE_MFA", "false")
    monkeypatch.setenv("JOBBRO_ENV", "production")
    assert importlib.reload(jobbro_settings).REQUIRE_MFA is False
    monkeypatch.setenv("JOBBRO_ENV", "development")
    monkeypatch.delenv("REQUIRE_MFA")
    importlib.reload(jobbro_settings)


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_device_and_it_is_logged(client, people):
    TOTPDevice.objects.create(user=people["alice"], name="app", confirmed=True)
    client.force_login(people["ada"])
    assert (
        "Nulstil totrinsbekræftelse"
        in client.get(f"/brugere/{people['alice'].pk}/").content.decode()
    )
    response = client.post(f"/brugere/{people['alice'].pk}/nulstil-totrin/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=people["alice"]).exists()
    entry = AdminLogEntry.objects.get(action=AdminAction.MFA_RESET)
    assert (entry.actor, entry.subject) == (people["ada"], people["alice"])
    # Not their own: another administrator must do it.
    TOTPDevice.objects.create(user=people["ada"], name="app", confirmed=True)
    client.post(f"/brugere/{people['ada'].pk}/nulstil-totrin/")
    assert TOTPDevice.objects.filter(user=people["ada"]).exists()
