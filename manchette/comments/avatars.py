"""Avatars drawn by the site: initials on a colour taken from a hash (no third-party request)."""

import functools
import hashlib
import unicodedata
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.http import RFC3986_SUBDELIMS

# Stand-ins reversed once: an avatar's address is then written by replacing them (a
# `reverse()` per comment was 6 % of the render of an article with 50 comments).
_HUE_MARK, _LETTERS_MARK = 987654321, "ManchetteInitials"


def initials(name):
    letters = []
    for word in (name or "").replace("-", " ").split():
        first = next((ch for ch in word if ch.isalnum()), "")
        if first:
            letters.append(first.upper())
    if not letters:
        return "?"
    picked = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return unicodedata.normalize("NFC", picked)[:2]


def hue_for(seed):
    """A stable hue for a seed (the email when known, else the name); the seed never leaves."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:avatar:{seed.lower()}".encode()).digest()
    return int.from_bytes(digest[:2], "big") % 360


def avatar_url(name, seed, *, gravatar=False, email=""):
    if gravatar and email:
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        return (
            "https://www.gravatar.com/avatar/"
            + digest
            + "?"
            + urlencode({"s": 80, "d": "identicon"})
        )
    return (
        _avatar_pattern(get_script_prefix())
        .replace(str(_HUE_MARK), str(hue_for(seed or name or "?")))
        # Quoted as `reverse()` quotes a path (initials never hold a "/").
        .replace(_LETTERS_MARK, quote(initials(name), safe=RFC3986_SUBDELIMS + "/~:@"))
    )


@functools.lru_cache(maxsize=8)
def _avatar_pattern(script_prefix):  # noqa: V107 (the cache key: one pattern per prefix)
    return reverse("comments:avatar", args=[_HUE_MARK, _LETTERS_MARK])


def avatar_svg(hue, letters):
    from django.utils.html import escape

    hue = int(hue) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" '
        'role="img" aria-hidden="true">'
        f'<rect width="64" height="64" rx="32" fill="hsl({hue} 45% 38%)"/>'
        '<text x="32" y="32" dy=".35em" text-anchor="middle" '
        'font-family="system-ui,sans-serif" font-size="26" font-weight="600" '
        f'fill="#fff">{escape(letters)}</text></svg>'
    )
