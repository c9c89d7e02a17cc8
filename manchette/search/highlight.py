"""Matched words shown in a result: the headline and an excerpt, escaped, then marked."""

import html
import re
import unicodedata
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
# How far back from the first match the words shown before it are looked for: far enough for
# WORDS_BEFORE + 1 words of any usual length (the whole text is read when it is not).
LOOK_BACK = 400
UNSAFE = "\x00"


class Fold(dict):
    """A character as `normalise` reads it (accents off, lower case), where that is one
    character: a text folded with it keeps every character where it was, so a word found in
    the folded text is found in the text. Any other (œ, ﬁ, a combining accent…) folds to
    UNSAFE, and the text is then read word by word instead."""

    def __missing__(self, code):
        char = chr(code)
        folded = unicodedata.normalize("NFKD", char).lower()
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        folded = folded.replace("œ", "oe").replace("æ", "ae")  # as `normalise` does
        # Also unsafe: a character outside words that folds into one (Ⓐ is "a").
        outside = WORD_RE.match(char) is None and WORD_RE.match(folded) is not None
        self[code] = folded if len(folded) == 1 and folded != UNSAFE and not outside else UNSAFE
        return self[code]


FOLD = Fold()


class Marker:
    """Marks the words of a text that a query's terms start (as the search matched them)."""

    def __init__(self, terms):
        self.terms = tuple(terms)
        self.seen = {}
        # Where a matched word may start in a folded text: a word part beginning with a term
        # less its last letter (a plural's stem may end otherwise than the word: "chevaux"
        # is "cheval"). A superset: each place found is checked by `matches`.
        self.candidates = re.compile(
            "(?<![a-z0-9])(?:" + "|".join(re.escape(term[:-1] or term) for term in self.terms) + ")"
        )

    def matches(self, word):
        if word not in self.seen:
            self.seen[word] = bool(self.terms) and any(
                form.startswith(self.terms) for form in word_forms(word)
            )
        return self.seen[word]

    def matched_words(self, text):
        """Each word of `text` that a term starts, in order (match objects).

        Looked for in the folded text by a regular expression, so the other words are not
        read one by one in Python (a quarter of a results page's profile went there)."""
        if not self.terms:
            return
        folded = text.translate(FOLD)
        if UNSAFE in folded:
            yield from (word for word in WORD_RE.finditer(text) if self.matches(word.group()))
            return
        last = 0
        for candidate in self.candidates.finditer(folded):
            start = candidate.start()
            if start < last:
                continue  # inside the word just found
            # The raw word holding it (`normalise` splits "a_b" where WORD_RE does not).
            while start and WORD_RE.match(text, start - 1):
                start -= 1
            word = WORD_RE.match(text, start)
            if word and word.start() >= last and self.matches(word.group()):
                yield word
                last = word.end()

    def mark(self, text):
        """`text` escaped, each matched word inside <mark>."""
        out, last = [], 0
        for found in self.matched_words(text):
            out += [escape(text[last : found.start()]), "<mark>", escape(found.group()), "</mark>"]
            last = found.end()
        out.append(escape(text[last:]))
        return mark_safe("".join(out))  # noqa: S308 -- every piece of text is escaped above

    def words_before(self, text, end):
        """The WORDS_BEFORE last words before `end`, and whether there are more before them."""
        start = max(0, end - LOOK_BACK)
        words = list(WORD_RE.finditer(text, start, end))
        if start and words and words[0].start() == start and WORD_RE.match(text, start - 1):
            words.pop(0)  # cut by the look-back: not a whole word
        if start and len(words) <= WORDS_BEFORE:
            words = list(WORD_RE.finditer(text, 0, end))
        return words[-WORDS_BEFORE:], len(words) > WORDS_BEFORE

    def excerpt(self, text):
        """Some forty words of `text` around its first matched word, marked; "" when no word
        matches. The words after it are read only up to the last one shown (and one more, to
        know whether the text goes on)."""
        first = next(self.matched_words(text), None)
        if first is None:
            return ""
        before, skipped = self.words_before(text, first.start())
        shown = [*before, first]
        more = False
        for word in WORD_RE.finditer(text, first.end()):
            if len(shown) - len(before) >= WORDS_AFTER:
                more = True
                break
            shown.append(word)
        start = shown[0].start()
        end = shown[-1].end() if more else len(text)
        marked = self.mark(text[start:end].strip())
        opening = "… " if skipped else ""
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
