"""French full-text search on the database's own engine (decision 0010).

`news_articlepage.search_document` holds each article's headline, chapô and body, lower case,
accents removed and plurals reduced (`manchette.core.frenchtext`). The search app's migration
indexes it with triggers: PostgreSQL's `tsvector` under a GIN index, SQLite's FTS5. A reader's
query is normalised the same way; every term must start a word of the article (a prefix
query on both engines), so both databases find the same articles.

A search takes one query whatever the archive's size: the newest `MAX_CANDIDATES` matches
the public may see (`visible_q`, joined here, so restrictions and unpublishing apply at
once), each with its relevance: every term counts 5 when a word of the headline starts with
it, 3 for the chapô, else 1 (the body); the highest sum first, ties newest first. The
relevance reads the headline and chapô only (PostgreSQL's `head` vector, SQLite's FTS5
columns), never a body's vector, and both engines give the same order.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.caching.versions import (
    SITE_VERSION_KEY,
    digest,
    path_version_key,
    read_versions,
)
from manchette.core.frenchtext import normalise
from manchette.core.prepared import PreparedQuery
from manchette.news.models import ArticlePage

MAX_TERMS = 8
MAX_QUERY_LENGTH = 200
MAX_CANDIDATES = 2000
RESULTS_SECONDS = 600
# Relevance: each term counts 5 when a word of the headline starts with it, 3 when one of the
# chapô does, else 1 (every candidate has it somewhere: in its body). Read from the fields'
# short index (PostgreSQL's `head` vector: headline A, chapô B; SQLite's FTS5 columns),
# never from the body's, so ranking 2,000 candidates reads no body.
HEADLINE, CHAPO, BODY = 5, 3, 1
PG_SCORE = (
    f"CASE WHEN search_articleindex.head @@ to_tsquery('simple', %s) THEN {HEADLINE} "
    f"WHEN search_articleindex.head @@ to_tsquery('simple', %s) THEN {CHAPO} ELSE {BODY} END"
)
# The FTS5 columns hold " word word " (search_document's fields): " " + term at a word's start.
SQLITE_SCORE = (
    f"CASE WHEN search_fts.headline LIKE %s THEN {HEADLINE} "
    f"WHEN search_fts.standfirst LIKE %s THEN {CHAPO} ELSE {BODY} END"
)
# Whether every term starts a word of the vocabulary (search_vocabulary: the indexed words
# of 3 letters or more, `VOCABULARY_MIN_LENGTH`), each a range of its primary key.
PG_ALL_IN_VOCABULARY = (
    "SELECT bool_and(EXISTS (SELECT 1 FROM search_vocabulary "
    "WHERE term >= bounds.low AND term < bounds.high)) "
    "FROM unnest(%s::text[], %s::text[]) AS bounds(low, high)"
)
VOCABULARY_MIN_LENGTH = 3
SORT_RELEVANCE, SORT_DATE = "pertinence", "date"


@dataclass(frozen=True)
class Filters:
    """What a reader narrows a search to: a rubrique (its slug) and dates (inclusive)."""

    section_slug: str | None = None
    since: date | None = None
    until: date | None = None


NO_FILTERS = Filters()


def query_terms(query):
    """The distinct normalised terms of a reader's query (one-letter words dropped)."""
    terms = []
    for term in normalise(query[:MAX_QUERY_LENGTH]):
        if len(term) >= 2 and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


class Engine:
    """The vendor's full-text SQL. Terms are normalised words ([a-z0-9]+): nothing a reader
    types reaches the engine's query syntax."""

    def __init__(self, vendor):
        self.vendor = vendor

    def match(self, terms):
        if self.vendor == "postgresql":
            return " & ".join(f"'{term}':*" for term in terms)
        return " AND ".join(f'"{term}"*' for term in terms)

    def restrict(self, queryset, terms):
        return self.restrict_to(queryset, self.match(terms))

    def restrict_to(self, queryset, match):
        """`queryset` narrowed to the articles matching `match` (`self.match(terms)`)."""
        if self.vendor == "postgresql":
            return queryset.extra(
                tables=["search_articleindex"],
                where=[
                    "search_articleindex.article_id = news_articlepage.page_ptr_id",
                    "search_articleindex.vector @@ to_tsquery('simple', %s)",
                ],
                params=[match],
            )
        return queryset.extra(
            tables=["search_fts"],
            where=["search_fts.rowid = news_articlepage.page_ptr_id", "search_fts MATCH %s"],
            params=[match],
        )

    def any_match(self, terms):
        """Whether any article at all, visible or not, may match every term: an answer at
        once for a misspelt word, which no article has, where the join with the pages
        would walk the whole archive to find nothing. SQLite: the FTS5 index. PostgreSQL:
        its planner takes a LIMIT 1 over the index table for a sequential scan (400 ms at
        200,000 articles for a word no article has), so the vocabulary answers: every
        indexed word of 3 letters or more is in it, and it is never pruned, so a term of 3
        letters or more with no word starting with it matches nothing (a word longer than
        the vocabulary's 100 letters aside: a "Vouliez-vous dire" is all it decides)."""
        if self.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1",
                    [self.match(terms)],
                )
                return cursor.fetchone() is not None
        checked = [term for term in terms if VOCABULARY_MIN_LENGTH <= len(term) <= 100]
        if not checked:
            return True
        with connection.cursor() as cursor:
            cursor.execute(
                PG_ALL_IN_VOCABULARY,
                [checked, [term[:-1] + chr(ord(term[-1]) + 1) for term in checked]],
            )
            return bool(cursor.fetchone()[0])

    def score(self, terms):
        """The SQL of a candidate's relevance (the sum of its terms' weights), and its
        parameters."""
        if self.vendor == "postgresql":
            sql, params = PG_SCORE, lambda term: [f"'{term}':*A", f"'{term}':*B"]
        else:
            sql, params = SQLITE_SCORE, lambda term: [f"% {term}%"] * 2
        return " + ".join([f"({sql})"] * len(terms)), [p for t in terms for p in params(t)]


def engine():
    return Engine(connection.vendor)


def day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def matching(terms, filters=NO_FILTERS):
    """Visible articles matching every term, within the filters (a queryset, unordered)."""
    articles = ArticlePage.objects.visible()
    if filters.section_slug:
        articles = articles.filter(section__slug=filters.section_slug)
    if filters.since:
        articles = articles.filter(first_published_at__gte=day_start(filters.since))
    if filters.until:
        next_day = filters.until + timedelta(days=1)
        articles = articles.filter(first_published_at__lt=day_start(next_day))
    return engine().restrict(articles, terms)


def search_articles(query, filters=NO_FILTERS, sort=SORT_RELEVANCE, memo=None):
    """Ids of the articles the public may see that match every term of `query`: best first
    (then newest first), or newest first with `sort=SORT_DATE`. At most the newest
    `MAX_CANDIDATES` matches are ranked, in one query.

    The answer is kept in the cache until the next publication (every change to a live
    article purges the search's path, `news.signals.article_paths`; a change shown on every
    page purges the site) or RESULTS_SECONDS: a query readers repeat costs one cache read.
    Whoever shows the ids reads the articles through the visibility rule again, so even a
    kept answer never shows an article unpublished since. `memo`: the request's versions."""
    return answer(query, filters, sort, memo)[0]


class TooManySearches(Exception):
    """A search to compute afresh that its asker may not have now (`answer`'s `admit`)."""


def answer(query, filters=NO_FILTERS, sort=SORT_RELEVANCE, memo=None, admit=None):
    """`search_articles`'s ids, and whether they were already kept: the same terms, filters
    and order were asked for since the last publication (a page worth keeping, where a query
    asked once, perhaps one of endless made-up ones, is not).

    `admit`, when given, is asked before a search is computed afresh (never for a kept
    answer): False raises TooManySearches, and nothing is computed."""
    terms = query_terms(query)
    if not terms:
        return [], False
    path = reverse("search:search")
    versions = read_versions(
        [SITE_VERSION_KEY, path_version_key(path)], {} if memo is None else memo
    )
    key = "search:ids:" + digest(repr((versions, terms, filters, sort)))
    ids = cache.get(key)
    if ids is not None:
        return ids, True
    if admit is not None and not admit():
        raise TooManySearches
    ids = ranked(terms, filters, sort)
    # Kept once what it was read from is committed (at once outside a transaction): a
    # rolled-back change is never remembered.
    transaction.on_commit(lambda: cache.set(key, ids, RESULTS_SECONDS))
    return ids, False


def ranked(terms, filters, sort):
    """The newest `MAX_CANDIDATES` matches, by date or by relevance (newest first among
    equals), in one query."""
    candidates = matching(terms, filters).order_by("-first_published_at", "-pk")
    if sort == SORT_DATE:
        return list(candidates.values_list("pk", flat=True)[:MAX_CANDIDATES])
    sql, params = engine().score(terms)
    # The score's SQL is constant; the terms are parameters.
    scored = candidates.extra(select={"score": sql}, select_params=params)  # noqa: S610
    scored = list(scored.values_list("pk", "score")[:MAX_CANDIDATES])
    # sorted() is stable: equal scores keep the newest first.
    return [pk for pk, _score in sorted(scored, key=lambda row: -row[1])]


def has_matches(terms):
    """Whether the public may see at least one article matching every term (a misspelt
    word, which no article has, is answered by the index alone: 0.5 ms against 200 ms at
    200,000 articles on PostgreSQL). The check on the pages runs a query compiled once per
    process (`ANY_VISIBLE_MATCH`): building it cost more CPU than running it."""
    search = engine()
    return (
        bool(terms)
        and search.any_match(terms)
        and bool(ANY_VISIBLE_MATCH.all(match=search.match(terms)))
    )


# `matching(terms).exists()`, with the engine's match expression as its one value.
ANY_VISIBLE_MATCH = PreparedQuery(
    lambda match: (
        engine().restrict_to(ArticlePage.objects.visible(), match).values_list("pk", flat=True)[:1]
    ),
    state=any_view_restriction,
    match=str,
)
