from django.urls import path

from . import views

app_name = "screening"

urlpatterns = [
    path("borger/<int:pk>/", views.citizen_screenings, name="citizen"),
    path("borger/<int:pk>/ny/", views.screening_create, name="create"),
    path("borger/<int:pk>/adgang/", views.access_name, name="access_name"),
    path("<int:pk>/henvisning/", views.referral_create, name="referral"),
    path("adgang/<int:pk>/ophoer/", views.access_end, name="access_end"),
]
