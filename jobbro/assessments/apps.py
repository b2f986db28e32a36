from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "jobbro.assessments"
    verbose_name = "Progressionsmåling"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
