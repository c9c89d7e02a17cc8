from django.urls import path

from manchette.wpimport import admin_views

app_name = "wpimport_admin"
urlpatterns = [
    path("", admin_views.imports, name="imports"),
    path("<int:pk>/", admin_views.run, name="run"),
]
