from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.news.models import ArticlePage, Flash


class FlashFilterSet(WagtailFilterSet):
    class Meta:
        model = Flash
        fields = ["priority", "status"]


class FlashViewSet(SnippetViewSet):
    model = Flash
    icon = "warning"
    menu_label = _("Flash info")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["text", "priority", "status", "starts_at", "ends_at"]
    list_filter = ["priority", "status"]
    filterset_class = FlashFilterSet
    search_fields = ["text"]
    ordering = ["-starts_at"]


register_snippet(FlashViewSet)


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
    """/<home>/<section>/<article>/: the article table first, in a single query."""
    if url_path.count("/") != 4:
        return None
    articles = ArticlePage.objects.live().select_related("section")
    return articles.filter(url_path=url_path).first()
