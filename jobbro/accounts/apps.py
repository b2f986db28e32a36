from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jobbro.accounts"
    verbose_name = "Brugere og roller"

    def ready(self):
        from . import lockout, sessions  # noqa: F401  (signal receivers)
