from django.urls import path

from . import views

app_name = "companies"

urlpatterns = [
    path("", views.company_list, name="list"),
    path("ny/", views.company_create, name="create"),
    path("ledig-kapacitet/", views.capacity, name="capacity"),
    path("efterspoergsel/", views.demand_overview, name="demand"),
    path("jobbarometer/", views.barometer, name="barometer"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/ret/", views.company_edit, name="edit"),
    path("<int:pk>/samarbejde/", views.partnership, name="partnership"),
    path("<int:pk>/kontaktpersoner/ny/", views.contact_create, name="contact_create"),
    path("<int:pk>/kontaktlog/ny/", views.log_create, name="log_create"),
    path("<int:pk>/efterspoergsel/ny/", views.demand_create, name="demand_create"),
    path("<int:pk>/jobbarometer/ny/", views.survey_create, name="survey_create"),
    path("<int:pk>/aabninger/ny/", views.opening_create, name="opening_create"),
    path("aabninger/<int:pk>/", views.opening_detail, name="opening_detail"),
    path("aabninger/<int:pk>/ret/", views.opening_edit, name="opening_edit"),
]
