"""French full-text search that ignores accents, case and plurals, on any database.

Each article stores a normalised copy of its text (`ArticlePage.search_document`): lower
case, accents removed, each word reduced by a light French plural stemmer, and the three
fields (headline, chapô, body) kept apart so a match in the headline ranks higher.
"""

import re
import unicodedata

from django.utils.html import strip_tags

FIELD_SEPARATOR = " | "
FIELD_WEIGHTS = (5, 3, 1)  # headline, chapô, body
WORD_RE = re.compile(r"[a-z0-9]+")
MAX_TERMS = 8
MAX_CANDIDATES = 2000


def stem(word):
    """Light French stemming: enough for plurals ('élections' and 'élection' meet)."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def normalise(text):
    text = unicodedata.normalize("NFKD", strip_tags(text or "")).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("œ", "oe").replace("æ", "ae")
    return [stem(w) for w in WORD_RE.findall(text)]


def query_terms(query):
    """The distinct normalised terms of a reader's query (short words dropped)."""
    terms = []
    for term in normalise(query[:200]):
        if len(term) >= 2 and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def build_search_document(article):
    fields = (article.title, article.standfirst, article.plain_text())
    return FIELD_SEPARATOR.join(" " + " ".join(normalise(f)) + " " for f in fields)


def score(document, terms):
    fields = document.split(FIELD_SEPARATOR)
    total = 0
    for weight, field in zip(FIELD_WEIGHTS, fields, strict=False):
        for term in terms:
            total += weight * field.count(" " + term)
    return total


def search_articles(query):
    """Articles the public may see that match every term of `query`, best first (then
    newest first)."""
    from manchette.news.models import ArticlePage

    terms = query_terms(query)
    if not terms:
        return []
    candidates = ArticlePage.objects.visible()
    for term in terms:
        # Words start after a space, so " elect" matches "election" and "electorale".
        candidates = candidates.filter(search_document__contains=" " + term)
    rows = candidates.order_by("-first_published_at").values_list("pk", "search_document")
    ranked = sorted(
        ((score(doc, terms), index, pk) for index, (pk, doc) in enumerate(rows[:MAX_CANDIDATES])),
        key=lambda row: (-row[0], row[1]),
    )
    return [pk for _score, _index, pk in ranked]
