import pytest


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """The shared `people` fixture sets nine passwords; the default hasher takes seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
