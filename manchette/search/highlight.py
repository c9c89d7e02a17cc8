"""Matched words shown in a result: the headline and an excerpt, escaped, then marked."""

import html
import re
from collections import deque
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from manchette.core.frenchtext import normalise

WORD_RE = re.compile(r"\w+")
# The body is the editors' rich text and what is cut from it is escaped before it is shown:
# a regular expression is enough to drop its tags (and 5 times cheaper than an HTML parser).
TAG_RE = re.compile(r"<[^>]*>")


@lru_cache(maxsize=50_000)
def word_forms(word):
    """A word as the index holds it (per process: the same words recur from page to page)."""
    return tuple(normalise(word))


WORDS_BEFORE, WORDS_AFTER = 12, 28


class Marker:
    """Marks the words of a text that a query's terms start (as the search matched them)."""

    def __init__(self, terms):
        self.terms = tuple(terms)
        self.seen = {}

    def matches(self, word):
        if word not in self.seen:
            self.seen[word] = bool(self.terms) and any(
                form.startswith(self.terms) for form in word_forms(word)
            )
        return self.seen[word]

    def mark(self, text):
        """`text` escaped, each matched word inside <mark>."""
        out, last = [], 0
        for found in WORD_RE.finditer(text):
            if self.matches(found.group()):
                out += [escape(text[last : found.start()]), "<mark>", escape(found.group())]
                out.append("</mark>")
                last = found.end()
        out.append(escape(text[last:]))
        return mark_safe("".join(out))  # noqa: S308 -- every piece of text is escaped above

    def excerpt(self, text):
        """Some forty words of `text` around its first matched word, marked; "" when no word
        matches. The words are read only up to the last one shown (and one more, to know
        whether the text goes on), keeping the `WORDS_BEFORE` last ones on the way."""
        words = WORD_RE.finditer(text)
        before, skipped = deque(maxlen=WORDS_BEFORE), 0
        matches = self.matches
        for first in words:
            if matches(first.group()):
                break
            before.append(first)
            skipped += 1
        else:
            return ""
        shown = [*before, first]
        more = False
        for word in words:
            if len(shown) - len(before) >= WORDS_AFTER:
                more = True
                break
            shown.append(word)
        start = shown[0].start()
        end = shown[-1].end() if more else len(text)
        marked = self.mark(text[start:end].strip())
        opening = "… " if skipped > WORDS_BEFORE else ""
        closing = " …" if more else ""
        return mark_safe(f"{opening}{marked}{closing}")  # noqa: S308 -- marked is escaped


def plain(html_text):
    return " ".join(html.unescape(TAG_RE.sub(" ", html_text or "")).split())


def decorate(article, marker):
    """Set `marked_title` and `excerpt` on a result: the body's passage around the first
    match, or the chapô."""
    article.marked_title = marker.mark(article.title)
    body = marker.excerpt(plain(article.plain_text()))
    article.excerpt = body or marker.mark(article.standfirst)
    return article
