from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "jobbro.meetings"
    verbose_name = "Koordinationsmøder"
