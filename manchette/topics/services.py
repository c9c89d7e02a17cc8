"""Every write of the topics app: linking articles, deciding suggestions, follows, demo topics."""

import hashlib
import json
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, F, Min, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone

from manchette.accounts import proof
from manchette.core.caching.purge import purge_paths
from manchette.core.turns import release_turn, take_turn
from manchette.core.visibility import visible_q
from manchette.topics import linker
from manchette.topics.models import (
    ArticleLinking,
    ArticleTopic,
    NotificationState,
    SuggestionStatus,
    Topic,
    TopicAlias,
    TopicFollow,
    TopicKind,
    TopicNotification,
    TopicSuggestion,
)

logger = logging.getLogger(__name__)

TRAILING_ELISION_RE = re.compile(r"\s+\w{1,6}'$")
ENTITY_KINDS = {"PER": TopicKind.PERSON, "LOC": TopicKind.PLACE, "ORG": TopicKind.ORGANISATION}
TOPICS_INDEX_PATH = "/sujets/"


# --- reading what the linker needs ------------------------------------------------------------


def build_gazetteer():
    """Every confirmed topic's name and aliases (two queries)."""
    topics = {t.pk: t for t in Topic.objects.confirmed().only("pk", "name", "slug", "kind")}
    entries = [linker.AliasEntry(t.name, t.pk, t.name, t.slug) for t in topics.values()]
    for topic in topics.values():
        if topic.kind == TopicKind.THEME and topic.name[:1].isupper():
            # A theme is a common noun: "Inflation" is also "inflation" in a sentence.
            lower = topic.name[:1].lower() + topic.name[1:]
            entries.append(linker.AliasEntry(lower, topic.pk, topic.name, topic.slug))
    for alias in TopicAlias.objects.filter(topic_id__in=topics).only("name", "topic_id"):
        topic = topics[alias.topic_id]
        entries.append(linker.AliasEntry(alias.name, topic.pk, topic.name, topic.slug))
    return linker.Gazetteer(entries)


def known_names():
    """Normalised names no suggestion should be made for: topics, aliases, decided names."""
    names = set(Topic.objects.values_list("normalised_name", flat=True))
    names.update(TopicAlias.objects.values_list("normalised", flat=True))
    names.update(
        TopicSuggestion.objects.exclude(status=SuggestionStatus.PENDING).values_list(
            "normalised", flat=True
        )
    )
    return names


def body_fingerprint(article):
    """A hash of the article's body as stored: the linked copy is only shown while it matches."""
    raw = list(article.body.raw_data)
    return hashlib.sha256(
        json.dumps(raw, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


def render_plain_body(article):
    return render_to_string("topics/plain_body.html", {"page": article})


def topic_paths(topics):
    return slug_paths(t.slug for t in topics)


def slug_paths(slugs):
    paths = [TOPICS_INDEX_PATH]
    for slug in {s for s in slugs if s}:
        paths += [f"/sujets/{slug}/", f"/sujets/{slug}/flux/"]
    return paths


# --- linking --------------------------------------------------------------------------------


def suggestion_candidates(result, entity_lists, gazetteer, known, is_common_word):
    """Unknown PER/LOC/ORG names found by the recogniser: {normalised: (name, kind)}."""
    found = {}
    for entities in entity_lists:
        for _start, _end, label, text in entities:
            name = linker.strip_elision(text).strip(' .,;:!?«»"()[]—–-')
            name = TRAILING_ELISION_RE.sub("", name).strip()
            key = linker.normalise_name(name)
            if (
                len(name) < 3
                or len(name) > 80
                or not name[:1].isupper()
                or any(c.isdigit() for c in name)
                or "\n" in name
                or key in known
                or key in gazetteer
            ):
                continue
            words = name.split()
            if len(words) == 1 and is_common_word(name.lower()):
                continue  # "Sécheresse" opening a sentence is no place
            if len(words) > 6:
                continue
            found.setdefault(key, (name, ENTITY_KINDS[label]))
    return found


def _block_entities(blocks):
    from manchette.topics import nlp

    texts = [b if b.strip() else "" for b in blocks]
    return nlp.entities(texts)


def link_article(article, *, gazetteer=None, with_suggestions=True, purge=True):
    """Links the article's body to its topics, stores the result and records suggestions.

    Guarantees: the stored body is sanitised and made from the current body; mentions
    (ArticleTopic) match the body; the article page and every topic page it appears or
    appeared on are purged after commit. Safe to run again at any time.
    """
    from manchette.topics import nlp

    article = article.specific
    gazetteer = gazetteer if gazetteer is not None else build_gazetteer()
    linking, _created = ArticleLinking.objects.get_or_create(article=article)
    body_html = render_plain_body(article)
    result = linker.link_html(
        body_html,
        gazetteer,
        excluded_topic_ids=linking.removed_topic_ids,
        link=linking.enabled,
        is_common_word=nlp.is_common_word,
    )
    candidates = {}
    if with_suggestions:
        candidates = suggestion_candidates(
            result,
            _block_entities(result.blocks),
            gazetteer,
            known_names(),
            nlp.is_common_word,
        )
    with transaction.atomic():
        old_topic_ids = set(
            ArticleTopic.objects.filter(article=article).values_list("topic_id", flat=True)
        )
        new_topic_ids = set(result.mentions)
        ArticleTopic.objects.filter(article=article).exclude(topic_id__in=new_topic_ids).delete()
        existing = {m.topic_id: m for m in ArticleTopic.objects.filter(article=article)}
        for topic_id, count in result.mentions.items():
            is_linked = topic_id in result.linked
            mention = existing.get(topic_id)
            if mention is None:
                ArticleTopic.objects.create(
                    article=article, topic_id=topic_id, count=count, linked=is_linked
                )
            elif mention.count != count or mention.linked != is_linked:
                mention.count, mention.linked = count, is_linked
                mention.save(update_fields=["count", "linked"])
        topics = {
            t.pk: t
            for t in Topic.objects.filter(pk__in=new_topic_ids | old_topic_ids).only(
                "pk", "name", "slug", "kind"
            )
        }
        order = result.linked + [t for t in result.mentions if t not in result.linked]
        linking.linked_body_html = result.html if linking.enabled else ""
        linking.body_fingerprint = body_fingerprint(article)
        linking.topics_json = [
            {"id": t, "name": topics[t].name, "slug": topics[t].slug, "kind": topics[t].kind}
            for t in order
            if t in topics
        ]
        linking.linked_at = timezone.now()
        linking.save()
        if with_suggestions:
            _record_suggestions(article, candidates)
        if purge:
            paths = [article.url] + topic_paths(topics.values())
            transaction.on_commit(lambda: purge_paths(paths))
    return result


def _record_suggestions(article, candidates):
    # The article's pending suggestions are those its current body gives.
    for suggestion in TopicSuggestion.objects.pending().filter(articles=article):
        if suggestion.normalised not in candidates:
            suggestion.articles.remove(article)
    for key, (name, kind) in candidates.items():
        suggestion = TopicSuggestion.objects.filter(normalised=key).first()
        if suggestion is None:
            suggestion = TopicSuggestion.objects.create(name=name, kind=kind)
        if suggestion.status == SuggestionStatus.PENDING:
            suggestion.articles.add(article)


def link_all_articles(articles=None, progress=None):
    """(Re)links every article (or the given ones) with one gazetteer; returns the count."""
    from manchette.news.models import ArticlePage

    gazetteer = build_gazetteer()
    articles = ArticlePage.objects.all() if articles is None else articles
    count = 0
    for article in articles.iterator() if hasattr(articles, "iterator") else articles:
        link_article(article, gazetteer=gazetteer)
        count += 1
        if progress:
            progress(count)
    return count


def articles_mentioning(names):
    """Articles whose text contains one of `names` (through the normalised search document)."""
    from django.db.models import Q

    from manchette.core.frenchtext import normalise
    from manchette.news.models import ArticlePage

    query = Q()
    for name in names:
        terms = normalise(linker.strip_elision(name))
        if terms:
            query |= Q(search_document__contains=" " + " ".join(terms) + " ")
    if not query:
        return ArticlePage.objects.none()
    return ArticlePage.objects.filter(query)


def relink_topic(topic_id, extra_names=(), article_ids=()):
    """Relinks the articles a topic's change affects: those mentioning it, before or now."""
    from manchette.news.models import ArticlePage

    topic = Topic.objects.filter(pk=topic_id).first() if topic_id else None
    names = list(extra_names)
    ids = set(article_ids)
    if topic is not None:
        names += topic.names()
        ids.update(ArticleTopic.objects.filter(topic=topic).values_list("article_id", flat=True))
    ids.update(articles_mentioning(names).values_list("pk", flat=True))
    articles = ArticlePage.objects.filter(pk__in=ids).order_by("pk")
    return link_all_articles(articles)


def topic_changed(topic_id, *, slugs=(), old_names=(), article_ids=()):
    """After a topic is created, edited or deleted: purge its pages, relink what it touches.

    The purge happens at commit; the relinking (which purges each article) in a task.
    """
    from manchette.topics.tasks import relink_topic_task

    paths = slug_paths(slugs)
    names, ids = list(old_names), list(article_ids)

    def after_commit():
        purge_paths(paths)
        relink_topic_task.enqueue(topic_id, names, ids)

    transaction.on_commit(after_commit)


def schedule_article_linking(article):
    from manchette.topics.tasks import link_article_task

    article_id = article.pk
    transaction.on_commit(lambda: link_article_task.enqueue(article_id))


# --- editor decisions -----------------------------------------------------------------------


@transaction.atomic
def confirm_suggestion(suggestion, *, user=None, name=None, kind=None, topic=None):
    """Confirms a suggestion: as a new topic, or as another name of an existing `topic`.

    Then relinks, in a task, every article that mentions the name.
    """
    suggestion = TopicSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if topic is None:
        topic = Topic(name=(name or suggestion.name).strip(), kind=kind or suggestion.kind)
        topic.full_clean(exclude=["slug", "normalised_name"])
        topic.save()
    else:
        alias = TopicAlias(topic=topic, name=(name or suggestion.name).strip())
        alias.full_clean(exclude=["topic", "normalised"])
        alias.save()
    article_ids = list(suggestion.articles.values_list("pk", flat=True))
    suggestion.status = SuggestionStatus.CONFIRMED
    suggestion.topic = topic
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user
    suggestion.save()
    topic_changed(
        topic.pk, slugs=[topic.slug], old_names=[suggestion.name], article_ids=article_ids
    )
    return topic


@transaction.atomic
def reject_suggestion(suggestion, *, user=None):
    """Rejects a name for good: it is never suggested again."""
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user
    suggestion.save(update_fields=["status", "decided_at", "decided_by"])
    suggestion.articles.clear()
    return suggestion


@transaction.atomic
def set_linking_enabled(article, enabled):
    """Turns automatic links on or off for one article, then relinks it."""
    linking, _ = ArticleLinking.objects.get_or_create(article=article)
    linking.enabled = enabled
    linking.save(update_fields=["enabled"])
    schedule_article_linking(article)
    return linking


@transaction.atomic
def remove_link(article, topic_id):
    """Removes one topic's link from one article (and stops listing it there)."""
    linking, _ = ArticleLinking.objects.select_for_update().get_or_create(article=article)
    if topic_id not in linking.removed_topic_ids:
        linking.removed_topic_ids = [*linking.removed_topic_ids, topic_id]
        linking.save(update_fields=["removed_topic_ids"])
    schedule_article_linking(article)
    return linking


@transaction.atomic
def restore_link(article, topic_id):
    linking, _ = ArticleLinking.objects.select_for_update().get_or_create(article=article)
    linking.removed_topic_ids = [t for t in linking.removed_topic_ids if t != topic_id]
    linking.save(update_fields=["removed_topic_ids"])
    schedule_article_linking(article)
    return linking


# --- follows --------------------------------------------------------------------------------


def follow_confirm_url(follow):
    return proof.link(
        "topics:follow-confirm", proof.issue("topic-confirm", follow.email, f=follow.pk)
    )


def follow_for(found, request=None):
    """The follow a confirmation proof names, or InvalidProof (gone, or another address)."""
    return proof.named(TopicFollow.objects.select_related("topic"), found, "f")


def request_follow(topic, email):
    """Records a follow request and sends, from a task, the confirmation link.

    Answers the same whatever the address's state, so nobody learns who follows what.
    """
    from manchette.topics.tasks import send_follow_confirmation_task

    email = email.strip().lower()
    with transaction.atomic():
        follow, _created = TopicFollow.objects.get_or_create(topic=topic, email=email)
        follow_id = follow.pk
        transaction.on_commit(lambda: send_follow_confirmation_task.enqueue(follow_id))
    return follow


def confirm_follow(follow):
    if not follow.confirmed:
        follow.confirmed = True
        follow.confirmed_at = timezone.now()
        follow.save(update_fields=["confirmed", "confirmed_at"])
    return follow


def unfollow_url(follows):
    """The one-click link stopping one follow, or all the follows of a digest (one address)."""
    follows = list(follows)
    ids = sorted(f.pk for f in follows)
    return proof.link("topics:unfollow", proof.issue("topic-unsubscribe", follows[0].email, f=ids))


def follows_for(found, request=None):
    """The follows an unsubscribe proof names that still exist (none once they are gone)."""
    ids = found.data.get("f")
    ids = [i for i in (ids if isinstance(ids, list) else [ids]) if isinstance(i, int)]
    return list(
        TopicFollow.objects.select_related("topic")
        .filter(pk__in=ids, email=found.email)
        .order_by("topic__name", "pk")
    )


def unfollow_all(follows):
    TopicFollow.objects.filter(pk__in=[f.pk for f in follows]).delete()


def french_list(names):
    """ "Lyon", "Lyon et Paris", "Lyon, Marseille et Paris"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " et " + names[-1]


# --- follow digests ---------------------------------------------------------------------------
#
# A confirmed follower of a topic is told, by one email per address and per digest, about the
# articles first published recently that mention the topics they follow. A row per
# (follow, article) makes queueing idempotent; the rows of a digest turn `sent` in the
# transaction its email leaves in. Old articles relinked later are never "new".


def digest_minutes():
    return settings.TOPICS_DIGEST_MINUTES


def news_max_age():
    return timedelta(hours=settings.TOPICS_DIGEST_MAX_AGE_HOURS)


def queue_follow_notifications(*, article_ids=None, now=None):
    """Queues a row for every confirmed follower of every confirmed topic that a live article,
    first published within news_max_age() (and after the follow was confirmed), mentions.

    Idempotent: a (follow, article) pair is queued once, ever. Returns the rows queued.
    """
    now = now or timezone.now()
    mentions = ArticleTopic.objects.filter(
        visible_q("article__"),
        article__first_published_at__gte=now - news_max_age(),
        article__first_published_at__lte=now,
        topic__confirmed=True,
        topic__follows__confirmed=True,
        topic__follows__confirmed_at__lte=F("article__first_published_at"),
    )
    if article_ids is not None:
        mentions = mentions.filter(article_id__in=list(article_ids))
    # The annotation reuses the filtered join to the follows (an OuterRef through the relation
    # would join the follows again, unfiltered).
    mentions = mentions.annotate(follow_id=F("topic__follows__id"))
    already = TopicNotification.objects.filter(
        follow_id=OuterRef("follow_id"), article_id=OuterRef("article_id")
    )
    pairs = set(mentions.filter(~Exists(already)).values_list("follow_id", "article_id"))
    rows = [
        TopicNotification(follow_id=follow_id, article_id=article_id, created_at=now)
        for follow_id, article_id in sorted(pairs)
    ]
    TopicNotification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def drop_stale_notifications():
    """Pending rows whose article is no longer live, or no longer mentions the followed
    (confirmed) topic, are dropped: nobody is told about them."""
    mention = ArticleTopic.objects.filter(
        article_id=OuterRef("article_id"), topic_id=OuterRef("follow__topic_id")
    )
    stale = TopicNotification.objects.pending().filter(
        ~visible_q("article__") | Q(follow__topic__confirmed=False) | ~Exists(mention)
    )
    stale_ids = list(stale.values_list("pk", flat=True))
    return TopicNotification.objects.filter(pk__in=stale_ids).delete()[0]


def due_digest_addresses(now):
    """Addresses whose oldest pending row has waited digest_minutes(): a burst is one email,
    and an address gets at most one digest every digest_minutes()."""
    return list(
        TopicNotification.objects.pending()
        .filter(follow__confirmed=True)
        .values("follow__email")
        .annotate(first=Min("created_at"))
        .filter(first__lte=now - timedelta(minutes=digest_minutes()))
        .order_by("follow__email")
        .values_list("follow__email", flat=True)
    )


def build_follow_digest(email, rows):
    """The digest message for `email`: its rows' articles, newest first, with their topics."""
    from manchette.core.mail import build_templated_email

    entries = {}
    follows = {}
    for row in rows:
        follows[row.follow_id] = row.follow
        entry = entries.setdefault(
            row.article_id,
            {
                "article": row.article,
                "url": settings.SITE_URL + row.article.url,
                "topics": [],
            },
        )
        entry["topics"].append(row.follow.topic)
    articles = sorted(
        entries.values(),
        key=lambda e: (e["article"].first_published_at, e["article"].pk),
        reverse=True,
    )
    for entry in articles:
        entry["topics"].sort(key=lambda t: t.name.lower())
        entry["topic_names"] = french_list(t.name for t in entry["topics"])
    topics = [
        {
            "topic": follow.topic,
            "url": settings.SITE_URL + follow.topic.get_absolute_url(),
            "unfollow_url": unfollow_url([follow]),
        }
        for follow in sorted(follows.values(), key=lambda f: f.topic.name.lower())
    ]
    # One click stops every digest this address gets: all its confirmed follows.
    every_follow = list(TopicFollow.objects.filter(email=email, confirmed=True).order_by("pk"))
    unsubscribe = unfollow_url(every_follow or list(follows.values()))
    return build_templated_email(
        email,
        "topic_new_articles",
        {
            "articles": articles,
            "count": len(articles),
            "topics": topics,
            "topic_names": french_list(t["topic"].name for t in topics),
            "unsubscribe_url": unsubscribe,
        },
        unsubscribe_url=unsubscribe,
    )


def send_follow_digests(now=None):
    """Queues what is new, then sends every due digest over one SMTP connection.

    Each address's rows are locked, its email sent, then the rows marked sent, in one
    transaction: a worker killed mid-run leaves the unsent rows pending for the next run, and
    a concurrent run skips rows another holds. Returns the number of emails sent.
    """
    now = now or timezone.now()
    if not take_turn("topics:follow-digests", 600):
        return 0  # another run is sending
    connection = None
    sent = 0
    try:
        queue_follow_notifications(now=now)
        drop_stale_notifications()
        for email in due_digest_addresses(now):
            try:
                with transaction.atomic():
                    rows = list(
                        TopicNotification.objects.pending()
                        .filter(
                            visible_q("article__"),
                            follow__email=email,
                            follow__confirmed=True,
                            follow__topic__confirmed=True,
                        )
                        .select_related("follow__topic", "article")
                        .select_for_update(skip_locked=True, of=("self",))
                        .order_by("pk")
                    )
                    if not rows:
                        continue
                    message = build_follow_digest(email, rows)
                    if connection is None:
                        connection = get_connection()
                        connection.open()
                    message.connection = connection
                    message.send()
                    TopicNotification.objects.filter(pk__in=[r.pk for r in rows]).update(
                        state=NotificationState.SENT, sent_at=timezone.now()
                    )
            except Exception:
                logger.exception("Topic digest to %s failed; its rows stay pending", email)
                if connection is not None:
                    connection.close()  # a broken connection is reopened for the next one
                    connection = None
                continue
            sent += 1
        prune_sent_notifications(now)
    finally:
        if connection is not None:
            connection.close()
        release_turn("topics:follow-digests")
    return sent


def prune_sent_notifications(now):
    """Sent rows are kept while their article could still be queued (so it never is again)."""
    cutoff = now - news_max_age() - timedelta(days=7)
    return TopicNotification.objects.filter(
        state=NotificationState.SENT, created_at__lt=cutoff, article__first_published_at__lt=cutoff
    ).delete()[0]


def drop_article_notifications(article_id):
    """An unpublished article is dropped from the digests not sent yet."""
    return TopicNotification.objects.pending().filter(article_id=article_id).delete()[0]
