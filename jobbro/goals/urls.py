from django.urls import path

from . import views

app_name = "goals"

urlpatterns = [
    path("", views.index, name="index"),
    path("indsats/<int:pk>/", views.targets, name="targets"),
    path("indsats/<int:pk>/maal.xlsx", views.targets_xlsx, name="targets_xlsx"),
    path("indsats/<int:pk>/status/", views.outcomes, name="outcomes"),
    path("indsats/<int:pk>/status.xlsx", views.outcomes_xlsx, name="outcomes_xlsx"),
    path("indsats/<int:pk>/styregruppe.pdf", views.steering_pdf, name="steering_pdf"),
    path("maalinger/", views.measures, name="measures"),
    path("personer/", views.persons, name="persons"),
    path("maalinger.xlsx", views.measures_xlsx, name="measures_xlsx"),
]
