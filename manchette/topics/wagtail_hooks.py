"""Admin: the "Sujets" menu (topics, suggestions), the article's topics view, and the
article page's context (the stored linked body: no NLP on a page view)."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from manchette.core.prepared import PreparedQuery
from manchette.topics import admin_views, editing, editor_panel
from manchette.topics.linking import body_fingerprint
from manchette.topics.models import ArticleLinking, ArticleTopic, Topic


@hooks.register("manchette_article_context")
def article_topics_context(article, request):
    """The stored linked body (no NLP on a page view), shown only while made from the current
    body, and the article's topics: one query, made only when the article's fragment is
    rendered."""
    return {"article_links": SimpleLazyObject(lambda: article_links(article))}


def article_links(article):
    none = {"body": None, "topics": []}
    if not article.pk:
        return none
    linking = LINKING.first(article_id=article.pk)
    if linking is None:
        return none
    fresh = linking.body_fingerprint == body_fingerprint(article)
    body = None
    if fresh and linking.enabled and linking.linked_body_html:
        body = mark_safe(linking.linked_body_html)  # noqa: S308 (sanitised with nh3 when stored)
    return {"body": body, "topics": linking.topics_json if fresh else []}


LINKING = PreparedQuery(
    lambda article_id: (
        ArticleLinking.objects.filter(article_id=article_id)
        .only("enabled", "linked_body_html", "body_fingerprint", "topics_json")
        .order_by("pk")[:1]
    ),
    article_id=int,
)


@hooks.register("manchette_article_editor_panel")
def article_editor_topics(article, request):
    return editor_panel.render_panel(article, request)


class TopicFilterSet(WagtailFilterSet):
    class Meta:
        model = Topic
        fields = ["kind", "confirmed"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Sujets")
    list_display = ["name", "kind", "confirmed", "updated_at"]
    list_filter = ["kind", "confirmed"]
    filterset_class = TopicFilterSet
    search_fields = ["name"]
    ordering = ["name"]


class TopicsGroup(SnippetViewSetGroup):
    items = (TopicViewSet,)
    menu_label = _("Sujets")
    menu_icon = "tag"
    menu_order = 210
    submenu_hook = "register_topics_menu_item"


register_snippet(TopicsGroup)


@hooks.register("register_topics_menu_item")
def suggestions_menu_item():
    return MenuItem(
        _("Suggestions"),
        reverse("topics_admin:suggestions"),
        icon_name="help",
        order=2,
    )


@hooks.register("register_admin_urls")
def topics_admin_urls():
    return [
        path(
            "sujets/",
            (
                [
                    path("suggestions/", admin_views.suggestions, name="suggestions"),
                    path(
                        "suggestions/<int:pk>/confirmer/",
                        admin_views.confirm,
                        name="confirm",
                    ),
                    path("suggestions/<int:pk>/rejeter/", admin_views.reject, name="reject"),
                    path("article/<int:page_id>/", admin_views.article_topics, name="article"),
                    path(
                        "article/<int:page_id>/noms/<int:pk>/",
                        editor_panel.decide,
                        name="editor_decide",
                    ),
                    path(
                        "article/<int:page_id>/ajouter/", editor_panel.add_topic, name="editor_add"
                    ),
                ],
                "topics_admin",
                "topics_admin",
            ),
        )
    ]


@hooks.register("register_page_header_buttons")
def article_topics_button(page, user, view_name, next_url=None):
    from manchette.news.models import ArticlePage

    if not page.pk or page.specific_class is not ArticlePage:
        return []
    return [
        Button(
            _("Sujets et liens de l’article"),
            reverse("topics_admin:article", args=[page.pk]),
            icon_name="tag",
            priority=40,
        )
    ]


# Topic edits in the admin: relink the articles concerned and purge their pages.
_DELETING = {}


@hooks.register("before_edit_snippet")
def remember_topic_names(request, instance):
    if isinstance(instance, Topic):
        request._topic_before = (instance.names(), instance.slug)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def topic_saved(request, instance):
    if isinstance(instance, Topic):
        old_names, old_slug = getattr(request, "_topic_before", ((), instance.slug))
        editing.topic_changed(instance.pk, slugs=[old_slug, instance.slug], old_names=old_names)


@hooks.register("before_delete_snippet")
def remember_deleted_topics(request, instances):
    for instance in instances:
        if isinstance(instance, Topic):
            # Keyed by slug: Django clears the primary key of a deleted instance.
            _DELETING[instance.slug] = list(
                ArticleTopic.objects.filter(topic=instance).values_list("article_id", flat=True)
            )


@hooks.register("after_delete_snippet")
def topic_deleted(request, instances):
    for instance in instances:
        if isinstance(instance, Topic):
            editing.topic_changed(
                None, slugs=[instance.slug], article_ids=_DELETING.pop(instance.slug, [])
            )


@hooks.register("manchette_search_topics")
def search_topics(prefixes):
    """Confirmed topics with a word starting with one of `prefixes`, for the search's "no
    result" page: one query, at most 50 candidates (the search ranks them)."""
    condition = Q()
    for prefix in prefixes:
        condition |= Q(normalised_name__startswith=prefix)
        condition |= Q(normalised_name__contains=" " + prefix)
    topics = Topic.objects.confirmed().filter(condition)
    return list(topics.only("name", "slug", "normalised_name").order_by("name")[:50])
