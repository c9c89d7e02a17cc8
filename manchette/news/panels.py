"""A panel of the article editor that other apps fill through a hook, so that `news` stays
unaware of them (topics shows the names found in the article there)."""

from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.panels import Panel

EDITOR_PANEL_HOOK = "manchette_article_editor_panel"


class HookedPanel(Panel):
    """Renders, in order, the HTML each `manchette_article_editor_panel(article, request)`
    hook returns (None or "" for nothing)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/hooked_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            parts = [
                hook(self.instance, self.request) for hook in hooks.get_hooks(EDITOR_PANEL_HOOK)
            ]
            context["parts"] = [mark_safe(part) for part in parts if part]  # noqa: S308 (rendered templates)
            return context

        def is_shown(self):
            return bool(hooks.get_hooks(EDITOR_PANEL_HOOK))
