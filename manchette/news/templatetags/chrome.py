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
