"""`{% flash_banner %}`: the flash banner (components/flash.html), rendered once per process
for each set of live items.

The banner is on every page and outside every fragment (it changes at each item's start and
end, which no version follows): rendered through the template engine on every view, page
cache misses included. Its markup depends on the items only (their text, address and
priority), on the release (the script's hashed address) and on the language: it is kept
under exactly these, so an item that starts, ends or is edited makes another key, never a
stale banner.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from manchette.core.caching.versions import LocalEntries, release_token

register = template.Library()

BANNERS = LocalEntries(size=32)


def banner_key(items):
    return (
        release_token(),
        get_language(),
        tuple(
            (item["priority"], str(item["priority_label"]), item["url"], item["text"])
            for item in items
        ),
    )


@register.simple_tag(takes_context=True)
def flash_banner(context):
    items = context.get("flash_items") or []
    key = banner_key(items)
    html = BANNERS.get(key)
    if html is None:
        html = render_to_string("components/flash.html", {"flash_items": items})
        BANNERS.set(key, html)
    return html


# The reactions' buttons below an article (reactions/article_reactions.html): the same markup
# for every article but its id in three addresses, so rendered once per set of offered kinds
# with a slot for the id. The slot, a number no article has, is checked to appear exactly
# where the id goes before the copy is kept.
REACTION_BLOCKS = LocalEntries(size=16)
_SLOT_ID = 9_073_514_286_391_027_451


class _SlotPage:
    pk = _SLOT_ID


def reactions_key(kinds):
    return (
        release_token(),
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        tuple((kind["slug"], kind["label"], kind["icon_html"]) for kind in kinds),
    )


@register.simple_tag(takes_context=True)
def article_reactions(context, page):
    """{% article_reactions page %}: reactions/article_reactions.html for this article."""
    kinds = list(context.get("reaction_kinds") or [])
    if type(page.pk) is not int:
        return render_to_string(
            "reactions/article_reactions.html", {"page": page, "reaction_kinds": kinds}
        )
    key = reactions_key(kinds)
    block = REACTION_BLOCKS.get(key)
    if block is None:
        block = render_to_string(
            "reactions/article_reactions.html", {"page": _SlotPage(), "reaction_kinds": kinds}
        )
        if block.count(str(_SLOT_ID)) != (2 + len(kinds) if kinds else 0):
            # The slot is not only where the id goes: never kept.
            return render_to_string(
                "reactions/article_reactions.html", {"page": page, "reaction_kinds": kinds}
            )
        REACTION_BLOCKS.set(key, block)
    # An int, checked above: nothing to escape.
    return SafeString(block.replace(str(_SLOT_ID), str(page.pk)))
