from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("overdragelser/", views.transfers, name="transfers"),
    path("<int:pk>/pause/", views.case_step, {"step": "pause"}, name="pause"),
    path("<int:pk>/genoptag/", views.case_step, {"step": "resume"}, name="resume"),
    path("<int:pk>/luk/", views.case_step, {"step": "close"}, name="close"),
    path("<int:pk>/genaabn/", views.case_step, {"step": "reopen"}, name="reopen"),
    path("<int:pk>/mentor/", views.case_step, {"step": "mentor"}, name="mentor"),
    path("<int:pk>/mentor/afslut/", views.case_step, {"step": "mentor_end"}, name="mentor_end"),
    path("<int:pk>/overdrag/", views.case_step, {"step": "transfer"}, name="transfer"),
]
