from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("brugere/", views.user_list, name="users"),
    path("brugere/ny/", views.user_edit, name="user_create"),
    path("brugere/<int:pk>/", views.user_edit, name="user_edit"),
]
