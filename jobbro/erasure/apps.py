from django.apps import AppConfig


class ErasureConfig(AppConfig):
    name = "jobbro.erasure"
    verbose_name = "Opbevaring og sletning"
