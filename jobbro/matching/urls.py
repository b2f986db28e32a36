from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("", views.citizen_list, name="list"),
    path("fag/", views.occupation_options, name="occupations"),
    path("borgere/<int:pk>/", views.citizen_suggestions, name="citizen"),
    path("borgere/<int:pk>/profil/", views.profile_edit, name="profile"),
    path("aabninger/<int:pk>/", views.opening_suggestions, name="opening"),
    path("forslag/<int:pk>/beslutning/", views.decide, name="decide"),
    path("sagsstamme/", views.proposal_list, name="proposals"),
    path("sagsstamme/<int:pk>/", views.proposal_detail, name="proposal"),
    path("evaluering/", views.evaluation_page, name="evaluation"),
    path("vaegte/", views.weights, name="weights"),
    path("afstande/", views.distances, name="distances"),
    path("afstande/by/", views.town_add, name="town_add"),
    path("afstande/<int:pk>/", views.distance_edit, name="distance_edit"),
]
