"""Two administrators with the same user or team open: the second save is refused, nothing
of the first is overwritten, and the refused save leaves no administration log row."""

import pytest
from django.urls import reverse

from jobbro.accounts.forms import UserForm
from jobbro.accounts.models import AdminAction, AdminLogEntry, Role, Team, User
from jobbro.conftest import make_user
from jobbro.core.tests.helpers import open_form

pytestmark = pytest.mark.django_db

REFUSED = "er blevet ændret af en anden, mens du arbejdede på det. Dine ændringer er ikke gemt."


def test_the_second_of_two_edits_of_a_user_is_refused(people):
    other_admin = make_user("alma", Role.ADMINISTRATOR)
    bob = people["bob"]
    url = reverse("accounts:user_edit", args=[bob.pk])
    ada, ada_form = open_form(people["ada"], url)
    alma, alma_form = open_form(other_admin, url)
    page = ada.get(url).content.decode()
    assert f'type="hidden" name="version" value="{bob.version}"' in page

    assert ada.post(url, {**ada_form, "role": Role.AMBASSADOR}).status_code == 302
    response = alma.post(url, {**alma_form, "first_name": "Almas navn", "email": "b@x.dk"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Brugeren {REFUSED}" in page
    assert 'value="Almas navn"' in page and 'value="b@x.dk"' in page  # the input is kept
    bob = User.objects.get(pk=bob.pk)
    assert (bob.role, bob.first_name, bob.email) == (Role.AMBASSADOR, "Bob", "")
    logged = list(AdminLogEntry.objects.values_list("action", "actor__username", "changes"))
    assert logged == [
        (AdminAction.USER_CHANGE, "ada", {"role": [Role.CASE_WORKER, Role.AMBASSADOR]})
    ]


def test_the_second_of_two_edits_of_a_team_is_refused(people, teams):
    other_admin = make_user("alma", Role.ADMINISTRATOR)
    team = teams[0]
    url = reverse("accounts:team_edit", args=[team.pk])
    ada, ada_form = open_form(people["ada"], url)
    alma, alma_form = open_form(other_admin, url)
    assert 'type="hidden" name="version"' in ada.get(url).content.decode()

    assert ada.post(url, {**ada_form, "name": "Team Øst"}).status_code == 302
    response = alma.post(url, {**alma_form, "name": "Team Vest"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Teamet {REFUSED}" in page and 'value="Team Vest"' in page
    assert Team.objects.get(pk=team.pk).name == "Team Øst"
    logged = list(AdminLogEntry.objects.values_list("action", "actor__username", "changes"))
    assert logged == [(AdminAction.TEAM_CHANGE, "ada", {"name": [team.name, "Team Øst"]})]


def test_an_edit_posted_without_its_version_is_refused(client, people):
    client.force_login(people["ada"])
    bob = people["bob"]
    data = {"username": bob.username, "first_name": "Nyt", "role": bob.role, "is_active": "on"}
    response = client.post(reverse("accounts:user_edit", args=[bob.pk]), data)
    assert f"Brugeren {REFUSED}" in response.content.decode()
    assert User.objects.get(pk=bob.pk).first_name == "Bob"
    assert not AdminLogEntry.objects.exists()


def test_a_user_edit_writes_only_the_forms_fields(people):
    """The password a user sets while an administrator saves their user is not reverted."""
    bob = User.objects.get(pk=people["bob"].pk)
    User.objects.filter(pk=bob.pk).update(password="!changed-meanwhile")
    data = {"username": "bob", "first_name": "Ny", "role": bob.role, "is_active": "on"}
    edit = UserForm({**data, "version": "1"}, instance=bob, editor=people["ada"])
    assert edit.is_valid(), edit.errors
    edit.save()  # bob in memory still has the old password hash
    bob.refresh_from_db()
    assert (bob.first_name, bob.password, bob.version) == ("Ny", "!changed-meanwhile", 2)
