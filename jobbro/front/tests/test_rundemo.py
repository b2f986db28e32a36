import re

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client

from jobbro.accounts.models import Role
from jobbro.citizens.models import Citizen


@pytest.mark.django_db
def test_it_builds_the_demo_and_prints_one_working_login_per_role(capsys):
    call_command("rundemo", no_serve=True, citizens=40)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    logins = re.findall(r"^(.+): (\S+) / (\S+)$", out, re.MULTILINE)
    assert [label for label, _u, _p in logins] == [str(r.label) for r in Role]
    assert Citizen.objects.count() == 40
    for _label, username, password in logins:
        assert Client().login(request=HttpRequest(), username=username, password=password), username


@pytest.mark.django_db
def test_it_leaves_an_existing_database_as_it_is(capsys):
    call_command("rundemo", no_serve=True, citizens=30)
    call_command("rundemo", no_serve=True, citizens=60)
    assert Citizen.objects.count() == 30
