from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "jobbro.citizens"
    verbose_name = "Borgere"
