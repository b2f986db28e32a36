from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "jobbro.programmes"
    verbose_name = "Indsatser, projekter og hold"
