from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "jobbro.screening"
    verbose_name = "Traumescreening"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
