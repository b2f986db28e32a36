from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "jobbro.goals"
    verbose_name = "Mål og resultater"
