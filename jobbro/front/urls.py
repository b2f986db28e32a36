from django.urls import path

from . import views

app_name = "front"

urlpatterns = [
    path("", views.home, name="home"),
    path("overblik/", views.overview, name="overview"),
    path("overblik/tal/", views.overview_number, name="overview_number"),
    path("healthz", views.healthz, name="healthz"),
]
