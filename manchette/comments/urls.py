from django.urls import path

from manchette.comments import action_views, thread_views, views

app_name = "comments"
urlpatterns = [
    path("etat/", views.reader_state, name="state"),
    path("horodatage/", views.form_stamp, name="stamp"),
    path("poster/", views.post, name="post"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desabonnement/<str:token>/", action_views.unsubscribe, name="unsubscribe"),
    path("mes-commentaires/", action_views.my_comments, name="mine"),
    path("article/<id:article_id>/", thread_views.article_comments, name="article"),
    path("article/<id:article_id>/nouveaux/", thread_views.new_comments, name="new"),
    path("avatar/<id:hue>/<str:letters>.svg", thread_views.avatar, name="avatar"),
    path("<id:pk>/", thread_views.permalink, name="permalink"),
    path("<id:pk>/vote/", action_views.vote, name="vote"),
    path("<id:pk>/signaler/", action_views.report, name="report"),
    path("<id:pk>/modifier/", action_views.edit, name="edit"),
    path("<id:pk>/supprimer/", action_views.delete, name="delete"),
]
