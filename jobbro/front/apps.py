from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "jobbro.front"
    verbose_name = "Forside"
