"""French full-text search that ignores accents, case and plurals, on any database.

Each article stores a normalised copy of its text (`ArticlePage.search_document`): lower
case, accents removed, each word reduced by a light French plural stemmer, and the three
fields (headline, chapô, body) kept apart so a match in the headline ranks higher.
"""

from manchette.core.frenchtext import FIELD_SEPARATOR, normalise
from manchette.news.models import ArticlePage

FIELD_WEIGHTS = (5, 3, 1)  # headline, chapô, body
MAX_TERMS = 8
MAX_CANDIDATES = 2000


def query_terms(query):
    """The distinct normalised terms of a reader's query (short words dropped)."""
    terms = []
    for term in normalise(query[:200]):
        if len(term) >= 2 and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


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
