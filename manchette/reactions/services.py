"""Every write to reactions goes through here; counters move in the same transaction."""

from django.core.cache import cache
from django.db import IntegrityError, connection, models, transaction
from django.utils.translation import gettext_lazy as _

from manchette.accounts.readers import Reader, create_capped
from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.prepared import PreparedQuery
from manchette.core.transactions import reader_write
from manchette.news.models import ArticlePage
from manchette.reactions.models import (
    COUNTS_CACHE_KEY,
    COUNTS_CACHE_SECONDS,
    KINDS_CACHE_KEY,
    ArticleReactionCount,
    Reaction,
    ReactionKind,
)

LIVE_ARTICLE_CACHE_KEY = "reactions:live:{article_id}"


def is_live_article(article_id):
    """Whether the id is an article the public may see: a cache hit, or one query the first
    time. The kept answer counts only while no page of the site is private (a restriction
    made since must be seen at once); unpublishing or deleting the article drops it
    (reactions/signals.py)."""
    key = LIVE_ARTICLE_CACHE_KEY.format(article_id=article_id)
    if not any_view_restriction() and cache.get(key):
        return True
    live = ArticlePage.objects.visible().filter(pk=article_id).exists()
    if live:
        cache.set(key, True, timeout=300)
    return live


def forget_live_article(article_id):
    cache.delete(LIVE_ARTICLE_CACHE_KEY.format(article_id=article_id))


class Outcome(models.TextChoices):
    RECORDED = "recorded", _("Votre réaction est enregistrée.")
    CHANGED = "changed", _("Votre réaction est modifiée.")
    WITHDRAWN = "withdrawn", _("Votre réaction est retirée.")


# A counter moved by one statement written once (the ORM built and compiled the same UPDATE
# for every reaction, more CPU than the database took to run it). Never below zero.
BUMP_SQL = "UPDATE {table} SET {count} = {count} + %s WHERE {article} = %s AND {kind} = %s"
LOWER_SQL = BUMP_SQL + " AND {count} >= %s"


def _counter_sql(template):
    quote = connection.ops.quote_name
    model = ArticleReactionCount._meta
    return template.format(
        table=quote(model.db_table),
        count=quote(model.get_field("count").column),
        article=quote(model.get_field("article").column),
        kind=quote(model.get_field("kind").column),
    )


def _bump(article_id, kind_id, delta):
    with connection.cursor() as cursor:
        if delta < 0:
            cursor.execute(_counter_sql(LOWER_SQL), [delta, article_id, kind_id, -delta])
            return
        cursor.execute(_counter_sql(BUMP_SQL), [delta, article_id, kind_id])
        if cursor.rowcount:
            return
    # The first vote for this kind: create the row (a concurrent first vote may win the race;
    # ON CONFLICT DO NOTHING lets both go on), then count as usual.
    ArticleReactionCount.objects.bulk_create(
        [ArticleReactionCount(article_id=article_id, kind_id=kind_id)], ignore_conflicts=True
    )
    with connection.cursor() as cursor:
        cursor.execute(_counter_sql(BUMP_SQL), [delta, article_id, kind_id])


def _forget_counts(article_id):
    key = COUNTS_CACHE_KEY.format(article_id=article_id)
    cache.delete(key)
    # Again once committed: a reader may have cached the old counts in between.
    transaction.on_commit(lambda: cache.delete(key))


def _renew_counts(article_id):
    """Once a change is committed: the counts read again and kept in the cache, where the
    answer to the reader (and the next reader) finds them. One query and one write, where
    forgetting them cost two deletes, then a miss, the same query and the same write."""
    counts = dict(
        ArticleReactionCount.objects.filter(article_id=article_id).values_list("kind_id", "count")
    )
    cache.set(COUNTS_CACHE_KEY.format(article_id=article_id), counts, COUNTS_CACHE_SECONDS)


def react(article, kind, reader):
    """Toggles the reader's reaction to the article and returns the Outcome.

    No reaction yet: records `kind`. Another kind: changes it. The same kind: withdraws it.
    Guarantees one reaction per reader and article (database constraints), at most PER_NETWORK
    anonymous ones per network bucket (NetworkFull beyond), and counters equal to the number
    of reactions, also under concurrent votes (counters moved in SQL, in the same transaction).
    """
    if not reader.is_known:
        raise ValueError("A reaction needs a reader (an account or a token).")
    for attempt in range(2):
        try:
            with reader_write():
                outcome = _toggle(article.pk, kind.pk, reader)
            break
        except IntegrityError:
            # The same reader's concurrent first reaction won: toggle against it.
            if attempt:
                raise
    _renew_counts(article.pk)
    return outcome


def _per_identity(shape):
    """`shape` (the rest of the query) on a reader's reactions to an article, prepared once per
    process (core/prepared.py) for each kind of identity: an account or a token."""

    def reactions(article_id, reader):
        return Reaction.objects.of_reader(reader).filter(article_id=article_id)

    return {
        "user": PreparedQuery(
            lambda article_id, user_id: shape(reactions(article_id, Reader(user_id=user_id))),
            article_id=int,
            user_id=int,
        ),
        "token": PreparedQuery(
            lambda article_id, token: shape(reactions(article_id, Reader(token=token))),
            article_id=int,
            token=str,
        ),
    }


# The reader's reaction, locked for the toggle; and the slug of their choice (the state
# endpoint's one query).
EXISTING = _per_identity(lambda reactions: reactions.select_for_update().order_by("pk")[:1])
OWN_CHOICE = _per_identity(
    lambda reactions: reactions.order_by("pk").values_list("kind__slug", flat=True)[:1]
)


def _of_reader(queries, article_id, reader):
    """The first row of the prepared query for this reader's identity (an account or a token)."""
    if reader.user_id is not None:
        return queries["user"].first(article_id=article_id, user_id=reader.user_id)
    return queries["token"].first(article_id=article_id, token=reader.token)


def _toggle(article_id, kind_id, reader):
    existing = _of_reader(EXISTING, article_id, reader)
    if existing is None:
        # NetworkFull (out of the transaction) when the reader's network has no slot left.
        token = "" if reader.user_id is not None else reader.token
        create_capped(
            Reaction,
            reader,
            {"article_id": article_id},
            {"user_id": reader.user_id, "reader_token": token},
            kind_id=kind_id,
        )
        _bump(article_id, kind_id, +1)
        return Outcome.RECORDED
    if existing.kind_id == kind_id:
        existing.delete()
        _bump(article_id, kind_id, -1)
        return Outcome.WITHDRAWN
    previous = existing.kind_id
    existing.kind_id = kind_id
    existing.save(update_fields=["kind", "updated_at"])
    # Counter rows are always locked in kind order, so two opposite changes cannot deadlock.
    for counted_kind, delta in sorted([(previous, -1), (kind_id, +1)]):
        _bump(article_id, counted_kind, delta)
    return Outcome.CHANGED


def withdraw_all(reactions):
    """Removes reactions (e.g. a reader's, on erasure) and takes them off the counters."""
    with transaction.atomic():
        for reaction in reactions.select_for_update():
            reaction.delete()
            _bump(reaction.article_id, reaction.kind_id, -1)
            _forget_counts(reaction.article_id)


def forget_offered_kinds():
    """The set of kinds changed: drop its cache (pages are purged by the caller)."""
    cache.delete(KINDS_CACHE_KEY)


def offered_kind(slug):
    """The active kind with this slug, or None."""
    for kind in ReactionKind.objects.offered():
        if kind["slug"] == slug:
            return ReactionKind(pk=kind["id"], slug=kind["slug"], label=kind["label"])
    return None


UNKNOWN = object()


def reaction_state(article_id, reader, mine=UNKNOWN):
    """What the reaction box shows: counts, percentages and the reader's own choice.

    One cache hit (or one query) for the counts, plus one query for a known reader's choice,
    unless the caller knows it (`mine`: a kind's slug or None, right after `react`).
    """
    kinds = ReactionKind.objects.offered()
    counts = ArticleReactionCount.objects.counts_for(article_id)
    if mine is UNKNOWN:
        mine = _own_choice(article_id, reader)
    values = [counts.get(k["id"], 0) for k in kinds]
    total = sum(values)
    percents = percentages(values)
    return {
        "reacted": mine,
        "total": total,
        "kinds": [
            {
                "slug": k["slug"],
                "label": k["label"],
                "icon_html": k["icon_html"],
                "count": count,
                "percent": percent,
                "mine": k["slug"] == mine,
            }
            for k, count, percent in zip(kinds, values, percents, strict=True)
        ],
    }


def _own_choice(article_id, reader):
    """The slug of the reader's reaction to the article, or None (one query if known)."""
    if not reader.is_known:
        return None
    return _of_reader(OWN_CHOICE, article_id, reader)


def percentages(values):
    """Whole percentages adding up to 100 (largest remainders), or zeros when nothing counts."""
    total = sum(values)
    if not total:
        return [0 for _ in values]
    exact = [v * 100 / total for v in values]
    floors = [int(x) for x in exact]
    missing = 100 - sum(floors)
    by_remainder = sorted(range(len(values)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in by_remainder[:missing]:
        floors[i] += 1
    return floors
