from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "jobbro.matching"
    verbose_name = "Matchning"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
