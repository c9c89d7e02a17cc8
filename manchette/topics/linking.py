"""Linking an article's body to its topics, and recording the names it suggests.

Runs in a task (spaCy is loaded here, never on a page view): `link_article` stores the linked
copy of the body and its mentions, and the unknown names an editor may make topics.
"""

import hashlib
import json
import re

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from manchette.core.caching.purge import purge_paths
from manchette.topics import linker
from manchette.topics.models import (
    ArticleLinking,
    ArticleTopic,
    SuggestionStatus,
    Topic,
    TopicAlias,
    TopicKind,
    TopicSuggestion,
)
from manchette.topics.names import (
    WORD_RE,
    AliasEntry,
    Gazetteer,
    normalise_name,
    strip_elision,
    without_partial_names,
)

TRAILING_ELISION_RE = re.compile(r"\s+\w{1,6}'$")
ENTITY_KINDS = {"PER": TopicKind.PERSON, "LOC": TopicKind.PLACE, "ORG": TopicKind.ORGANISATION}
TOPICS_INDEX_PATH = "/sujets/"

# --- reading what the linker needs ------------------------------------------------------------


def build_gazetteer():
    """Every confirmed topic's name and aliases (two queries)."""
    topics = {t.pk: t for t in Topic.objects.confirmed().only("pk", "name", "slug", "kind")}
    entries = [AliasEntry(t.name, t.pk, t.name, t.slug) for t in topics.values()]
    for topic in topics.values():
        if topic.kind == TopicKind.THEME and topic.name[:1].isupper():
            # A theme is a common noun: "Inflation" is also "inflation" in a sentence.
            lower = topic.name[:1].lower() + topic.name[1:]
            entries.append(AliasEntry(lower, topic.pk, topic.name, topic.slug))
    for alias in TopicAlias.objects.filter(topic_id__in=topics).only("name", "topic_id"):
        topic = topics[alias.topic_id]
        entries.append(AliasEntry(alias.name, topic.pk, topic.name, topic.slug))
    return Gazetteer(entries)


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


def suggestion_candidates(
    result, entity_lists, gazetteer, known, is_common_word, is_function_word=lambda word: False
):
    """Unknown PER/LOC/ORG names found by the recogniser: {normalised: (name, kind)}, without
    pronouns ("Celles") nor the beginnings of longer names ("Grand Port")."""
    found = {}
    for entities in entity_lists:
        for _start, _end, label, text in entities:
            name = strip_elision(text).strip(' .,;:!?«»"()[]—–-')
            name = TRAILING_ELISION_RE.sub("", name).strip()
            key = normalise_name(name)
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
            if all(is_function_word(word) for word in WORD_RE.findall(name)):
                continue  # "Celles", "Elle" opening a sentence are no names
            if len(words) > 6:
                continue
            found.setdefault(key, (name, ENTITY_KINDS[label]))
    return without_partial_names(found, [*known, *gazetteer.keys])


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
            nlp.is_function_word,
        )
    with transaction.atomic():
        topics = _store_mentions(article, result)
        _store_linked_body(linking, article, result, topics)
        if with_suggestions:
            _record_suggestions(article, candidates)
        if purge:
            paths = [article.url] + topic_paths(topics.values())
            transaction.on_commit(lambda: purge_paths(paths))
    return result


def _store_mentions(article, result):
    """Makes the article's ArticleTopic rows those of `result`; returns every topic it names
    now or named before, by id (their pages are to be purged)."""
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
    return {
        t.pk: t
        for t in Topic.objects.filter(pk__in=new_topic_ids | old_topic_ids).only(
            "pk", "name", "slug", "kind"
        )
    }


def _store_linked_body(linking, article, result, topics):
    """Saves the linked copy of the body, the fingerprint it is valid for, and its topics."""
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
        terms = normalise(strip_elision(name))
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
