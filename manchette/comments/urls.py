from django.urls import path

from manchette.comments import views

app_name = "comments"
urlpatterns = [
    path("etat/", views.reader_state, name="state"),
    path("poster/", views.post, name="post"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mes-commentaires/", views.my_comments, name="mine"),
    path("article/<int:article_id>/", views.article_comments, name="article"),
    path("article/<int:article_id>/nouveaux/", views.new_comments, name="new"),
    path("avatar/<int:hue>/<str:letters>.svg", views.avatar, name="avatar"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/signaler/", views.report, name="report"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/supprimer/", views.delete, name="delete"),
]
