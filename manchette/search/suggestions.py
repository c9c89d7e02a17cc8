""" "Vouliez-vous dire…": the closest indexed words to a query that found nothing.

No language processing on a page view: the words come from the index's own vocabulary
(`search_vocabulary`: PostgreSQL's table filled by the indexing trigger, SQLite's
`fts5vocab` view), read by a range on their first three letters, and compared by edit
distance in Python. A suggestion is offered only when it finds an article the public may
see, so a word met only in a draft or a restricted page is never shown.
"""

from django.db import connection
from wagtail import hooks

from manchette.search.services import has_matches

PREFIX = 3
MAX_WORDS = 2000
MAX_TOPICS = 5
VOCABULARY = (
    "SELECT term FROM search_vocabulary WHERE term >= %s AND term < %s "
    "AND length(term) BETWEEN %s AND %s LIMIT %s"
)


def allowed_distance(word):
    """Typos forgiven: none in short words, one in middling ones, two in long ones."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 6 else 2


def distance(a, b, limit):
    """Edit distance counting a swap of two neighbours as one (optimal string alignment),
    or `limit + 1` as soon as it is certain to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if before and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def next_after(prefix):
    """The first string after every string starting with `prefix` ([a-z0-9] words)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def nearby_words(word):
    """Indexed words sharing `word`'s first letters, of a length within reach."""
    prefix = word[:PREFIX]
    reach = allowed_distance(word)
    with connection.cursor() as cursor:
        cursor.execute(
            VOCABULARY,
            [prefix, next_after(prefix), len(word) - reach, len(word) + reach, MAX_WORDS],
        )
        return [row[0] for row in cursor.fetchall()]


def closest(word, candidates):
    limit = allowed_distance(word)
    scored = sorted(
        (distance(word, candidate, limit), abs(len(candidate) - len(word)), candidate)
        for candidate in candidates
    )
    if scored and scored[0][0] <= limit:
        return scored[0][2]
    return None


def corrected_terms(terms):
    """`terms` with each misspelt word replaced by its closest indexed word, or None when
    nothing is changed or the corrected query finds nothing visible. One query per word
    (at most `MAX_TERMS`), one to check."""
    corrected = []
    for term in terms:
        if allowed_distance(term) == 0 or has_matches([term]):
            corrected.append(term)
            continue
        corrected.append(closest(term, nearby_words(term)) or term)
    if corrected == terms or not has_matches(corrected):
        return None
    return corrected


def topic_suggestions(terms):
    """Up to `MAX_TOPICS` topics named like the query, closest first, from the apps that
    register `manchette_search_topics` (topics: candidates by first letters, one query)."""
    prefixes = sorted({term[:PREFIX] for term in terms if len(term) >= PREFIX})
    if not prefixes:
        return []
    scored = []
    for find in hooks.get_hooks("manchette_search_topics"):
        for topic in find(prefixes):
            words = topic.normalised_name.replace("-", " ").replace("'", " ").split()
            best = min(
                (distance(term, word, allowed_distance(term)) for term in terms for word in words),
                default=99,
            )
            if best <= max(allowed_distance(term) for term in terms):
                scored.append((best, topic.name, topic))
    scored.sort(key=lambda row: row[:2])
    return [topic for _best, _name, topic in scored[:MAX_TOPICS]]
