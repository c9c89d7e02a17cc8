from django.urls import path

from manchette.reactions import views

app_name = "reactions"
urlpatterns = [
    path("<id:article_id>/", views.state, name="state"),
    path("<id:article_id>/reagir/", views.react, name="react"),
]
