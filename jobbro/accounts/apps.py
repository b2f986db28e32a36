from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jobbro.accounts"
    verbose_name = "Brugere og roller"
