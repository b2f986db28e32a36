from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "jobbro.law"
    verbose_name = "Lovgrundlag"
