from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "jobbro.matching"
    verbose_name = "Matchning"
