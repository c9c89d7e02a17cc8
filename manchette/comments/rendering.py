"""A thread's comments as HTML, in Python: the markup below, filled with escaped values.

One comment through the template engine cost about half a millisecond (40 variables, each
looked up, localised and escaped in turn, and an include per comment and per reply): most
of the whole render of an article with 50 comments. Here each comment is one `str.format`
of the markup with its values escaped as the template engine escapes them
(`conditional_escape`), so the HTML is byte for byte what comments/comment.html made.
`{% comment_nodes %}` (templatetags/comment_thread.py) renders a list of nodes.
"""

import functools
import threading

from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from manchette.comments.threads import _PK, _labels, _url_patterns
from manchette.core.templatetags.manchette import html_text, local_dates

ITEM = (
    '<li class="comment{classes}" id="comment-{pk}" data-id="{pk}" data-depth="{depth}">\n'
    "  \n"
    "  {card}\n"
    "  \n"
    "  {replies}\n"
    "</li>\n"
)
REMOVED = '<p class="comment__removed">{removed}</p>'
CARD = """<article class="comment__card" aria-labelledby="comment-{pk}-author">
    <header class="comment__header">
      <img class="comment__avatar" src="{avatar}" alt="" width="40" height="40" loading="lazy" decoding="async">
      <span class="comment__author" id="comment-{pk}-author">{author}</span>
      {newsroom}
      {featured}
      {pinned}
      <a class="comment__date" href="{permalink}"><time datetime="{iso}">{date}</time></a>
      {edited}
    </header>
    <div class="comment__body">{body}</div>
    <footer class="comment__actions">
      <form class="comment__vote" method="post" action="{vote}">
        {note}
        <button type="submit" name="value" value="up"><span aria-hidden="true">▲</span> <span class="comment__up">{upvotes}</span><span class="visually-hidden"> — {vote_up}</span></button>
        <button type="submit" name="value" value="down"><span aria-hidden="true">▼</span> <span class="comment__down">{downvotes}</span><span class="visually-hidden"> — {vote_down}</span></button>
      </form>
      <a class="comment__reply" href="{post}?article={article_id}&amp;reponse={pk}" data-reply="{pk}" data-author="{author}">{reply}</a>
      <a class="comment__report" href="{report}">{report_label}</a>
      <a class="comment__own" href="{edit}" data-own="edit" hidden>{edit_label}</a>
      <a class="comment__own" href="{delete}" data-own="delete" hidden>{delete_label}</a>
    </footer>
  </article>"""  # noqa: E501 (the markup as the page shows it)
# {note} is empty: the line held a template comment. The name of each vote button starts
# with the visible count (WCAG 2.5.3): "3 — Vote positif".


@functools.lru_cache(maxsize=8)
def _escaped_labels(language):
    """`Node.labels`, escaped once per language instead of once per comment."""
    return {key: html_text(label) for key, label in _labels(language).items()}


@functools.lru_cache(maxsize=8)
def _escaped_url_patterns(script_prefix):  # noqa: V107 (the cache key: one set per prefix)
    """`Node.urls`' patterns, escaped once: a comment's id (digits) escapes to itself."""
    return {name: str(html_text(url)) for name, url in _url_patterns(script_prefix).items()}


def _escaped_urls(comment_pk):
    pk = str(comment_pk)
    return {
        name: url.replace(str(_PK), pk)
        for name, url in _escaped_url_patterns(get_script_prefix()).items()
    }


# Each comment's card, kept in the process under every value it shows (see `_card_key`): the
# same comments come back on every view of their article, and writing a card (its dates, its
# addresses, thirty values escaped and formatted) was most of a thread's markup. Nothing to
# invalidate: a vote, an edit, a moderation or another time zone makes another key. Bounded,
# emptied when full.
MAX_KEPT_CARDS = 4096
_KEPT_CARDS = {}
_LOCK = threading.Lock()


def _card_key(node, article_id, language, script_prefix):
    c = node.comment
    if c.is_removed:
        return (c.pk, True, language)
    return (
        c.pk,
        False,
        language,
        script_prefix,
        timezone.get_current_timezone_name(),
        article_id,
        node.avatar,
        c.author_name,
        c.created_at,
        bool(c.edited_at),
        str(c.body_html),
        c.upvotes,
        c.downvotes,
        bool(c.featured),
        bool(c.pinned),
        bool(c.is_newsroom),
    )


def _card(node, article_id, language, script_prefix, pk):
    """The comment's card, as `_write_card` writes it, kept under `_card_key`."""
    key = _card_key(node, article_id, language, script_prefix)
    card = _KEPT_CARDS.get(key)
    if card is None:
        card = _write_card(node, article_id, language, pk)
        with _LOCK:
            if len(_KEPT_CARDS) >= MAX_KEPT_CARDS:
                _KEPT_CARDS.clear()
            _KEPT_CARDS[key] = card
    return card


def _write_card(node, article_id, language, pk):
    c = node.comment
    labels = _escaped_labels(language)
    if c.is_removed:
        return REMOVED.format(removed=labels["removed"])
    urls = _escaped_urls(c.pk)
    author = html_text(c.author_name)
    iso, date = local_dates(c.created_at)
    return CARD.format(
        pk=pk,
        avatar=html_text(node.avatar),
        author=author,
        newsroom=(
            f'<span class="comment__badge comment__badge--newsroom">{labels["newsroom"]}</span>'
            if c.is_newsroom
            else ""
        ),
        featured=(
            f'<span class="comment__badge comment__badge--featured">{labels["featured"]}</span>'
            if c.featured
            else ""
        ),
        pinned=(
            f'<span class="comment__badge comment__badge--pinned">{labels["pinned"]}</span>'
            if c.pinned
            else ""
        ),
        permalink=urls["permalink"],
        iso=html_text(iso),
        date=html_text(date),
        edited=(f'<span class="comment__edited">{labels["edited"]}</span>' if c.edited_at else ""),
        body=str(c.body_html),
        note="",
        vote=urls["vote"],
        upvotes=html_text(c.upvotes),
        downvotes=html_text(c.downvotes),
        vote_up=labels["vote_up"],
        vote_down=labels["vote_down"],
        post=urls["post"],
        article_id=html_text(article_id),
        reply=labels["reply"],
        report=urls["report"],
        report_label=labels["report"],
        edit=urls["edit"],
        edit_label=labels["edit"],
        delete=urls["delete"],
        delete_label=labels["delete"],
    )


def render_node(node, article_id):
    """One comment and, nested, its replies."""
    c = node.comment
    classes = (
        (" comment--featured" if c.featured else "")
        + (" comment--pinned" if c.pinned else "")
        + (" comment--newsroom" if c.is_newsroom else "")
    )
    pk = html_text(c.pk)
    card = _card(node, article_id, get_language(), get_script_prefix(), pk)
    replies = ""
    if node.children:
        replies = (
            '<ol class="comment__replies">' + render_nodes(node.children, article_id) + "</ol>"
        )
    return ITEM.format(classes=classes, pk=pk, depth=html_text(c.depth), card=card, replies=replies)


def render_nodes(nodes, article_id):
    return SafeString("".join(render_node(node, article_id) for node in nodes))
