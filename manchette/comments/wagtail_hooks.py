from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.comments import common
from manchette.comments.counters import moderation_counts
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


# The « Commentaires » menu's own entries register here (the log's viewset too).
COMMENTS_MENU_HOOK = "register_comments_menu_item"


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return common.is_moderator(request.user)


def _counts(request):
    """The counts, read once per admin page (the menu shows them three times)."""
    if not hasattr(request, "_moderation_counts"):
        request._moderation_counts = moderation_counts()
    return request._moderation_counts


class CountedMenuItem(ModerationMenuItem):
    """An entry that shows how many comments wait in its tab (cached: `counters`)."""

    def __init__(self, label, url, count_of, **kwargs):
        super().__init__(label, url, **kwargs)
        self.count_of = count_of

    def render_component(self, request):
        count = _counts(request)[self.count_of]
        component = super().render_component(request)
        component.label = f"{self.label} ({count})"
        return component


class CommentsMenu(SubmenuMenuItem):
    """« Commentaires », with what waits (held and reported) in its label: a moderator sees
    it from any admin page."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = sum(_counts(request).values())
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return CommentsMenu(
        _("Commentaires"),
        Menu(register_hook_name=COMMENTS_MENU_HOOK),
        name="commentaires",
        icon_name="comment",
        order=250,
    )


@hooks.register(COMMENTS_MENU_HOOK)
def waiting_menu_item():
    return CountedMenuItem(
        _("En attente"), reverse("comments_admin:queue"), "pending", icon_name="comment", order=1
    )


@hooks.register(COMMENTS_MENU_HOOK)
def reported_menu_item():
    url = reverse("comments_admin:queue") + "?etat=signales"
    return CountedMenuItem(_("Signalés"), url, "reported", icon_name="warning", order=2)


@hooks.register(COMMENTS_MENU_HOOK)
def all_comments_menu_item():
    url = reverse("comments_admin:queue") + "?etat=tous"
    return ModerationMenuItem(_("Tous les commentaires"), url, icon_name="list-ul", order=3)


@hooks.register(COMMENTS_MENU_HOOK)
def bans_menu_item():
    return ModerationMenuItem(
        _("Exclusions"), reverse("comments_admin:bans"), icon_name="warning", order=4
    )


class BanViewSet(SnippetViewSet):
    """Adding or editing a ban by hand; the list with its « Lever » buttons is
    `admin_views.bans`, in the « Commentaires » menu."""

    model = Ban
    icon = "warning"
    menu_label = _("Exclusions")
    list_display = ["__str__", "reason", "until", "created_at"]
    search_fields = ["email", "reason"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    menu_label = _("Journal de modération")
    menu_order = 5
    menu_hook = COMMENTS_MENU_HOOK
    list_display = ["created_at", "action", "actor", "comment", "reason"]
    list_filter = ["action"]


register_snippet(BanViewSet)
register_snippet(ModerationLogViewSet)
