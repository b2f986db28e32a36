from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "jobbro.imports"
    verbose_name = "Import"
