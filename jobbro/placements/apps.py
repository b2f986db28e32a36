from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "jobbro.placements"
    verbose_name = "Forløb, planer og fastholdelse"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
