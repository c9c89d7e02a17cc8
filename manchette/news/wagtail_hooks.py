from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, PageChooserPanel
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.core.prepared import PreparedQuery
from manchette.news import flash_views
from manchette.news.flashes import FlashFilterSet, FlashForm
from manchette.news.models import ArticlePage, Flash, FlashState


class FlashViewSet(SnippetViewSet):
    model = Flash
    icon = "warning"
    menu_label = _("Flash info")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["text", "state", "priority", "starts_at", "ends_at", "alert_label"]
    filterset_class = FlashFilterSet
    search_fields = ["text"]
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("text"),
            FieldPanel("priority"),
            PageChooserPanel("link_page", ["news.ArticlePage"]),
            FieldPanel("link_url"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("duration"),
            FieldPanel("status"),
            FieldPanel("send_alert"),
        ],
        base_form_class=FlashForm,
    )


register_snippet(FlashViewSet)


@hooks.register("register_admin_urls")
def flash_admin_urls():
    return [path("flash/<int:pk>/retirer/", flash_views.withdraw, name="flash_withdraw")]


@hooks.register("register_snippet_listing_buttons")
def withdraw_button(snippet, user, next_url=None):
    if not isinstance(snippet, Flash) or not user.has_perm("news.change_flash"):
        return []
    if snippet.state_at(timezone.now()) not in (FlashState.LIVE, FlashState.SCHEDULED):
        return []
    return [
        ListingButton(
            _("Retirer maintenant"),
            reverse("flash_withdraw", args=[snippet.pk]),
            icon_name="cross",
            priority=5,
        )
    ]


@hooks.register("construct_homepage_panels")
def desk_panel(request, panels):
    """The desk first: where journalists and editors start their day."""
    from manchette.news.desk import DeskPanel

    panels.append(DeskPanel())


@hooks.register("manchette_next_site_change")
def next_flash_change():
    """Cached pages show the flash banner: none outlives its next start or end."""
    return Flash.objects.chrome()["valid_until"]


@hooks.register("manchette_front_page_context")
def front_page_context(context):
    # Lazy: read only when the front page's fragment is rendered (see the template).
    front = SimpleLazyObject(ArticlePage.objects.front_page)
    context["lead"] = SimpleLazyObject(lambda: front["lead"])
    context["sections"] = SimpleLazyObject(lambda: front["sections"])


@hooks.register("manchette_find_live_page")
def find_live_article(url_path):
    """/<home>/<section>/<article>/: the article table first, in a single query, found through
    the slug's index (Wagtail does not index `url_path`)."""
    if url_path.count("/") != 4:
        return None
    return LIVE_ARTICLE.first(slug=url_path.rsplit("/", 2)[1], url_path=url_path)


LIVE_ARTICLE = PreparedQuery(
    lambda slug, url_path: (
        ArticlePage.objects.live()
        .select_related("section")
        .filter(slug=slug, url_path=url_path)[:1]
    ),
    slug=str,
    url_path=str,
)
