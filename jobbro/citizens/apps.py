from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "jobbro.citizens"
    verbose_name = "Borgere"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
