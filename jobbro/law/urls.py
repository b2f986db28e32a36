from django.urls import path

from . import views

app_name = "law"

urlpatterns = [
    path("", views.reference, name="reference"),
    path("foerste-tilbud/", views.first_offers, name="first_offers"),
    path("borger/<int:pk>/forsoergelse/", views.citizen_benefits, name="citizen_benefits"),
]
