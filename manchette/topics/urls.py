from django.urls import path

from manchette.topics import feeds, views

app_name = "topics"
urlpatterns = [
    path("", views.topic_index, name="index"),
    path("suivre/confirmer/<str:token>/", views.follow_confirm, name="follow-confirm"),
    path("suivre/arreter/<str:token>/", views.unfollow, name="unfollow"),
    path("<slug:slug>/", views.topic_detail, name="detail"),
    path("<slug:slug>/flux/", feeds.TopicFeed(), name="feed"),
    path("<slug:slug>/suivre/", views.follow, name="follow"),
]
