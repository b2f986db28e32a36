from django.urls import path

from . import views

app_name = "front"

urlpatterns = [
    path("", views.home, name="home"),
    path("overblik/", views.overview, name="overview"),
    path("healthz", views.healthz, name="healthz"),
]
