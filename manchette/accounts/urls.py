from django.urls import path

from manchette.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("connexion/", views.signin, name="signin"),
    path("connexion/<str:token>/", views.signin_link, name="signin-link"),
    path("deconnexion/", views.signout, name="signout"),
    path("etat/", views.state, name="state"),
]
