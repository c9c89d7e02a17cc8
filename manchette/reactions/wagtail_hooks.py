from django.urls import path
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.news.models import ArticlePage
from manchette.reactions import admin_views
from manchette.reactions.models import ReactionKind


@hooks.register("manchette_article_context")
def reaction_kinds_for_article(article, request):
    # From the cache after the first page, and only when the article's fragment is rendered.
    return {"reaction_kinds": SimpleLazyObject(ReactionKind.objects.offered)}


class ReactionKindViewSet(SnippetViewSet):
    model = ReactionKind
    icon = "pick"
    menu_label = _("Types de réaction")
    list_display = ["label", "icon_html", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["label", "slug"]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_reports(request.user)


class ReactionReportViewSet(ViewSet):
    name = "reactions_admin"
    url_prefix = "reactions"
    icon = "bars"
    menu_label = _("Réactions de la semaine")
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.WeeklyReportView.as_view(), name="weekly"),
            path(
                "article/<int:article_id>/",
                admin_views.ArticleReportView.as_view(),
                name="article",
            ),
        ]


class ReactionsViewSetGroup(ViewSetGroup):
    menu_label = _("Réactions")
    menu_icon = "bars"
    menu_order = 250
    items = (ReactionReportViewSet, ReactionKindViewSet)


register_snippet(ReactionsViewSetGroup)


class ArticleReactionsButton(PageMenuItem):
    label = _("Réactions des lecteurs")
    icon_name = "bars"
    url_name = "reactions_admin:article"

    def is_shown(self, user):
        return issubclass(self.page.specific_class or object, ArticlePage) and (
            admin_views.can_see_reports(user)
        )


@hooks.register("register_page_listing_more_buttons")
def article_reactions_listing_button(page, user, next_url=None):
    yield ArticleReactionsButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def article_reactions_header_button(page, user, view_name, next_url=None):
    yield ArticleReactionsButton(page=page, priority=62)
