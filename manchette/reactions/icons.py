"""Icons shipped with the app as inline SVG: they look the same everywhere, with no emoji font
and no request to anyone. Drawn with currentColor, 24×24, decorative (the label names it)."""

from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

_FRAME = (
    '<svg class="reactions__svg" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" '
    'focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" '
    'stroke-linecap="round" stroke-linejoin="round">{}</svg>'
)
_FACE = '<circle cx="12" cy="12" r="9.5"/>'


class ReactionIcon(models.TextChoices):
    BULB = "ampoule", _("Ampoule")
    STAR = "etoile", _("Étoile")
    SURPRISED = "surpris", _("Visage surpris")
    WORRIED = "inquiet", _("Visage inquiet")
    ANNOYED = "agace", _("Visage agacé")
    HEART = "coeur", _("Cœur")
    THUMB = "pouce", _("Pouce levé")


_SHAPES = {
    ReactionIcon.BULB: '<path d="M9 18h6M10 21h4"/><path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1'
    ' 2v.2h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z"/>',
    ReactionIcon.STAR: '<path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3'
    ' 6.1-.9z"/>',
    ReactionIcon.SURPRISED: _FACE
    + '<circle cx="9" cy="9.5" r=".6" fill="currentColor"/><circle cx="15" cy="9.5" r=".6"'
    ' fill="currentColor"/><circle cx="12" cy="15.5" r="2.2"/>',
    ReactionIcon.WORRIED: _FACE
    + '<circle cx="9" cy="10" r=".6" fill="currentColor"/><circle cx="15" cy="10" r=".6"'
    ' fill="currentColor"/><path d="M7.5 7.5l2.5-1M16.5 7.5l-2.5-1M8.5 16.5c1.8-1.6 5.2-1.6 7 0"/>',
    ReactionIcon.ANNOYED: _FACE
    + '<path d="M7.5 8l3 1.3M16.5 8l-3 1.3"/><circle cx="9" cy="11" r=".6" fill="currentColor"/>'
    '<circle cx="15" cy="11" r=".6" fill="currentColor"/><path d="M8.5 16h7"/>',
    ReactionIcon.HEART: '<path d="M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.6 4.2 4.2 0 0 1 19.5 10'
    'c0 5.4-7.5 10-7.5 10z"/>',
    ReactionIcon.THUMB: '<path d="M7 10v10H4V10zM7 10l4-7c1.5 0 2.5 1 2.2 2.6L12.6 9H19a2 2 0 0 1 2'
    ' 2.3l-1.2 6.8A2 2 0 0 1 17.8 20H7"/>',
}


def icon_svg(name):
    """The inline SVG for a shipped icon name, or an empty string."""
    shape = _SHAPES.get(name)
    return mark_safe(_FRAME.format(shape)) if shape else ""  # noqa: S308 (our own constants)
