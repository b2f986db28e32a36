import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from jobbro.accounts.models import AdminAction, AdminLogEntry, Role, User
from jobbro.conftest import PASSWORD


@pytest.mark.parametrize(
    "password",
    [
        "Jobbro2026!!",  # the product's name
        "J0bbr0-er-fint-2026",
        "MinKommune2026!",
        "jobcenter-hedensted",
        "password123456",  # common
        "123456789012",  # numeric
        "kort",
    ],
)
def test_it_refuses_weak_and_context_specific_passwords(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.django_db
def test_it_refuses_the_users_own_names():
    user = User(username="mlindberg", first_name="Mette", last_name="Lindberg", role=Role.TEACHER)
    for password in ("Lindberg-sommer-2026", "mlindberg-er-her!", "min-mette-kode-99"):
        with pytest.raises(ValidationError) as refused:
            validate_password(password, user)
        assert "brugernavn eller navn" in str(refused.value) or "ligner" in str(refused.value)
    validate_password("grøn-kaffekop-ved-åen", user)


@pytest.mark.django_db
def test_a_user_changes_their_own_password(client, people):
    alice = people["alice"]
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert 'href="/adgangskode/"' in page  # in the header's user menu
    response = client.post(
        "/adgangskode/",
        {"old_password": "forkert", "new_password1": "x", "new_password2": "x"},
    )
    assert "Den nuværende adgangskode er forkert." in response.content.decode()
    new = "grøn-kaffekop-ved-åen"
    response = client.post(
        "/adgangskode/",
        {
            "old_password": PASSWORD,
            "new_password1": "Jobbro2026!!",
            "new_password2": "Jobbro2026!!",
        },
    )
    assert response.status_code == 200
    assert "må ikke indeholde ordet" in response.content.decode()
    response = client.post(
        "/adgangskode/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=alice.pk).check_password(new)
    # Still logged in, and it is in the administration log.
    assert client.get("/").status_code == 200
    assert AdminLogEntry.objects.filter(action=AdminAction.PASSWORD_CHANGE, subject=alice).exists()
