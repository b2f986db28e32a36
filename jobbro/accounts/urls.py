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
    path("totrin/", views.mfa_setup, name="mfa_setup"),
    path("totrin/bekraeft/", views.mfa_verify, name="mfa_verify"),
    path("adgangskode/", views.PasswordChangeView.as_view(), name="password_change"),
    path("adgangskode/ny/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("brugere/", views.user_list, name="users"),
    path("brugere/ny/", views.user_edit, name="user_create"),
    path("brugere/log/", views.admin_log, name="admin_log"),
    path("brugere/begrundelser/", views.grants, name="grants"),
    path("brugere/teams/", views.team_list, name="teams"),
    path("brugere/teams/nyt/", views.team_edit, name="team_create"),
    path("brugere/teams/<int:pk>/", views.team_edit, name="team_edit"),
    path("brugere/<int:pk>/", views.user_edit, name="user_edit"),
    path("brugere/<int:pk>/adgangskodelink/", views.user_password_link, name="user_password_link"),
    path("brugere/<int:pk>/nulstil-totrin/", views.user_mfa_reset, name="user_mfa_reset"),
]
