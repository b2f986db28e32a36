"""Configuration: the README's production example passes Django's deployment checks, and a
bad value stops the start with a clear message instead of running half-configured.

Each case starts a fresh interpreter: settings are read once per process.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

README = Path(__file__).resolve().parents[2] / "README.md"


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


def run(code: str, env: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOBBRO_", "DEBUG"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright by conftest
    clean.pop("DATABASE_URL", None)
    clean.update({"DJANGO_SETTINGS_MODULE": "jobbro.settings", "JOBBRO_VAR_DIR": str(tmp_path)})
    clean.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code],
        env=clean,
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
    result = run(CHECK_DEPLOY, readme_production_env(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_example_starts(tmp_path):
    result = run(SETUP, readme_production_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


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
def test_a_bad_setting_stops_the_start_with_a_clear_message(make_env, message, tmp_path):
    result = run(SETUP, make_env(), tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
    assert "not-a-fernet-key" not in result.stderr  # a key's value never goes into a message


def test_a_bad_key_stops_development_too(tmp_path):
    result = run(SETUP, {"SECRET_KEY": "short"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr
