from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "jobbro.placements"
    verbose_name = "Forløb, planer og fastholdelse"
