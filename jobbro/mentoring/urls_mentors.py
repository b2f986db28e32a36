from django.urls import path

from . import views_mentors as views

app_name = "mentors"

urlpatterns = [
    path("", views.mentor_list, name="list"),
    path("ny/", views.mentor_edit, name="create"),
    path("<int:pk>/ret/", views.mentor_edit, name="edit"),
    path("borger/<int:pk>/", views.citizen_matches, name="citizen"),
    path("match/<int:pk>/", views.match_detail, name="match"),
    path("match/<int:pk>/svar/", views.match_answer, name="answer"),
    path("match/<int:pk>/afslut/", views.match_end, name="end"),
    path("match/<int:pk>/moede/", views.meeting_add, name="meeting"),
]
