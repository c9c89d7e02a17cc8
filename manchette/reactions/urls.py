from django.urls import path

from manchette.reactions import views

app_name = "reactions"
urlpatterns = [
    path("<int:article_id>/", views.state, name="state"),
    path("<int:article_id>/reagir/", views.react, name="react"),
]
