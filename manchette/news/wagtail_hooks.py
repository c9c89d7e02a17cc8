from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from manchette.news.models import Flash


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
