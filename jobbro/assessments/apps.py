from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "jobbro.assessments"
    verbose_name = "Progressionsmåling"
