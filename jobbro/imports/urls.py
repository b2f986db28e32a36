from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.start, name="start"),
    path("skabelon.<slug:fmt>", views.template, name="template"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/importer/", views.confirm, name="confirm"),
    path("<int:pk>/kasser/", views.discard, name="discard"),
]
