from django.urls import path

from . import views

app_name = "law"

urlpatterns = [
    path("", views.reference, name="reference"),
    path("beloeb/", views.amounts, name="amounts"),
    path("beloeb/nyt/", views.amount_edit, name="amount_create"),
    path("beloeb/<int:pk>/", views.amount_edit, name="amount_edit"),
    path("foerste-tilbud/", views.first_offers, name="first_offers"),
    path("borger/<int:pk>/forsoergelse/", views.citizen_benefits, name="citizen_benefits"),
]
