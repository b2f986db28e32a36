from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("forloeb/<int:pk>/", views.buddies, name="buddies"),
    path("<int:pk>/afslut/", views.buddy_end, name="buddy_end"),
    path("<int:pk>/diplom.pdf", views.diploma, name="diploma"),
]
