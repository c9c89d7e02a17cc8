from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.comments import common
from manchette.comments.models import Ban, ModerationLog
from manchette.comments.threads import article_thread


@hooks.register("manchette_article_context")
def comment_section(article, request):
    """The article's thread, one page: four queries whatever the number of comments, made
    only when the thread's cached fragment is missing (hence lazy)."""

    def section():
        rules = common.comment_settings()
        section = article_thread(
            article.pk,
            page=request.GET.get("page"),
            page_size=rules.page_size,
            gravatar=rules.gravatar,
        )
        section["closed"] = not rules.enabled or common.comments_closed(article)
        section["max_length"] = rules.max_length
        return section

    return {"comment_section": SimpleLazyObject(section)}


@hooks.register("register_admin_urls")
def moderation_urls():
    from django.urls import include, path

    from manchette.comments import admin_urls

    return [path("commentaires/", include(admin_urls, namespace="comments_admin"))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return common.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Commentaires"), reverse("comments_admin:queue"), icon_name="comment", order=250
    )


class BanViewSet(SnippetViewSet):
    model = Ban
    icon = "warning"
    menu_label = _("Exclusions")
    list_display = ["__str__", "reason", "until", "created_at"]
    search_fields = ["email", "reason"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    list_display = ["created_at", "action", "actor", "comment", "reason"]
    list_filter = ["action"]


register_snippet(BanViewSet)
register_snippet(ModerationLogViewSet)
