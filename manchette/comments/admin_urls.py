from django.urls import path

from manchette.comments import admin_views

app_name = "comments_admin"
urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("action/", admin_views.act, name="act"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("exclusions/", admin_views.bans, name="bans"),
    path("exclusions/<int:pk>/lever/", admin_views.lift_ban, name="lift_ban"),
    path("article/<int:article_id>/", admin_views.toggle_article, name="toggle_article"),
]
