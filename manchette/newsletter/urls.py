from django.urls import path

from manchette.newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("inscription/", views.subscribe, name="subscribe"),
    path("jeton/", views.csrf_token, name="token"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/", views.request_link, name="request-link"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
]
