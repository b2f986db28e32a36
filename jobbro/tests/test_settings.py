"""Configuration: the README's production example passes Django's deployment checks, and a
bad value stops the start with a clear message instead of running half-configured.

Django reads its settings once per process, so the deployment check starts a fresh
interpreter. The settings module itself is plain Python that reads the environment: the
other cases execute it afresh in this process (`runpy`) with the environment they test,
which is what a start does first, at a fraction of an interpreter's cost.
"""

import os
import re
import runpy
import secrets
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

README = Path(__file__).resolve().parents[2] / "README.md"
SETTINGS = Path(__file__).resolve().parents[1] / "settings.py"


def readme_production_env() -> dict[str, str]:
    """The variables of the README's production `export`, with real keys where it says `…`."""
    text = README.read_text()
    block = re.search(r"```sh\nexport (JOBBRO_ENV=production.*?)\n(?!\s)", text, re.S)
    assert block, "the README's Production section has no `export JOBBRO_ENV=production` block"
    env = dict(re.findall(r"(\w+)=(\S+)", block.group(1).replace("\\\n", " ")))
    made: dict[str, str | None] = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "JOBBRO_FIELD_KEYS": Fernet.generate_key().decode(),
        "JOBBRO_HASH_KEY": secrets.token_urlsafe(32),
    }
    for name, value in env.items():
        if "…" in value:
            # A key the README leaves out (…): a random one; a password in a URL: any word.
            made.setdefault(name, secrets.token_urlsafe(50) if name.endswith("KEY") else None)
            env[name] = made[name] or value.replace("…", "secret")
    assert env["JOBBRO_ENV"] == "production"
    assert {"SECRET_KEY", "JOBBRO_FIELD_KEYS", "JOBBRO_HASH_KEY"} <= set(env)
    return env


def clean_environment(env: dict[str, str], tmp_path) -> dict[str, str]:
    """This process's environment without Jobbro's variables, then `env` on top."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOBBRO_", "DEBUG"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright by conftest
    clean.pop("DATABASE_URL", None)
    clean.update({"DJANGO_SETTINGS_MODULE": "jobbro.settings", "JOBBRO_VAR_DIR": str(tmp_path)})
    clean.update(env)
    return clean


def read_settings(env: dict[str, str], tmp_path, monkeypatch) -> dict:
    """Execute `jobbro/settings.py` afresh with exactly this environment; its names."""
    for name in list(os.environ):
        monkeypatch.delenv(name)
    for name, value in clean_environment(env, tmp_path).items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def refusal(env: dict[str, str], tmp_path, monkeypatch) -> str:
    """The whole traceback (causes included) with which the settings refuse `env`."""
    with pytest.raises(ImproperlyConfigured) as refused:
        read_settings(env, tmp_path, monkeypatch)
    return "".join(traceback.format_exception(refused.value))


def run(code: str, env: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code],
        env=clean_environment(env, tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CHECK_DEPLOY = (
    "import sys; from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['jobbro', 'check', '--deploy', '--fail-level', 'WARNING'])"
)
SETUP = "import django; django.setup(); print('ok')"


def test_the_readme_production_example_passes_the_deployment_checks(tmp_path):
    """A real start (`check` sets Django up) with the README's example, and its checks."""
    result = run(CHECK_DEPLOY, readme_production_env(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_example_is_read_as_production(tmp_path, monkeypatch):
    names = read_settings(readme_production_env(), tmp_path, monkeypatch)
    assert names["DEBUG"] is False
    assert names["SESSION_COOKIE_SECURE"] is True
    assert not (tmp_path / "dev-secrets.json").exists()  # production never makes its own keys


def _bad(**changes):
    def env():
        values = readme_production_env()
        values.update(changes)
        return values

    return env


@pytest.mark.parametrize(
    ("make_env", "message"),
    [
        (_bad(JOBBRO_ENV="prod"), "JOBBRO_ENV must be one of development, production"),
        (_bad(JOBBRO_ENV="Production"), "JOBBRO_ENV must be one of"),
        (_bad(SECRET_KEY="too-short-" * 4), "SECRET_KEY must be at least 50 characters"),
        (_bad(SECRET_KEY="a" * 60), "SECRET_KEY must be at least 50 characters"),
        (_bad(JOBBRO_HASH_KEY="x" * 31), "JOBBRO_HASH_KEY must be at least 32 characters"),
        (_bad(JOBBRO_FIELD_KEYS="not-a-fernet-key"), "key number 1 is not a Fernet key"),
        (
            _bad(JOBBRO_FIELD_KEYS=Fernet.generate_key().decode() + ",c2hvcnQ="),
            "key number 2 is not a Fernet key",
        ),
        (_bad(DEBUG="true"), "DEBUG must not be on in production"),
        (_bad(DEBUG="maybe"), "DEBUG must be true or false"),
        (_bad(SECRET_KEY=""), "SECRET_KEY must be set in the environment in production"),
    ],
)
def test_a_bad_setting_stops_the_start_with_a_clear_message(
    make_env, message, tmp_path, monkeypatch
):
    refused = refusal(make_env(), tmp_path, monkeypatch)
    assert message in refused
    assert "not-a-fernet-key" not in refused  # a key's value never goes into a message


def test_a_bad_key_stops_development_too(tmp_path, monkeypatch):
    refused = refusal({"SECRET_KEY": "short"}, tmp_path, monkeypatch)
    assert "SECRET_KEY must be at least 50 characters" in refused


def test_a_bad_setting_also_stops_a_real_start(tmp_path):
    """The in-process reading above is what a start does: one real interpreter shows it."""
    result = run(SETUP, _bad(JOBBRO_ENV="prod")(), tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "JOBBRO_ENV must be one of development, production" in result.stderr
