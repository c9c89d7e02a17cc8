from django.urls import path

from manchette.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("telecharger/", views.download, name="download"),
    path("effacer/", views.erase, name="erase"),
    path("lien/", views.request_link, name="request-link"),
]
