from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "jobbro.practices"
    verbose_name = "God praksis"
