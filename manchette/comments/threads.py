"""The public thread of an article, in a constant number of queries whatever its size."""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Q
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

from manchette.comments.avatars import avatar_url
from manchette.comments.models import Comment, CommentStatus, ReportReason, SubscriptionKind
from manchette.core.prepared import PreparedQuery

SORTS = {"recents": "", "anciens": "anciens", "notes": "notes"}
SORT_LABELS = [
    ("recents", _("Plus récents")),
    ("anciens", _("Plus anciens")),
    ("notes", _("Les mieux notés")),
]
# Rows loaded with one page of threads: beyond it, the permalink page shows the whole thread.
MAX_ROWS_PER_PAGE = 1000


# A thread of 50 comments used to cost 350 `{% url %}` and 500 `{% translate %}` renders: each
# comment's links are made from patterns reversed once, its labels translated once, both
# escaped once (comments/rendering.py).
_PK = 2147483647
_COMMENT_URLS = ("permalink", "vote", "report", "edit", "delete")
LABELS = {
    "removed": _("Commentaire supprimé"),
    "newsroom": _("Rédaction"),
    "featured": _("Sélection de la rédaction"),
    "pinned": _("Épinglé"),
    "edited": _("(modifié)"),
    "vote_up": _("Vote positif"),
    "vote_down": _("Vote négatif"),
    "reply": _("Répondre"),
    "report": _("Signaler"),
    "edit": _("Modifier"),
    "delete": _("Supprimer"),
}


@functools.lru_cache(maxsize=8)
def _url_patterns(script_prefix):  # noqa: V107 (the cache key: one set per prefix)
    patterns = {name: reverse(f"comments:{name}", args=[_PK]) for name in _COMMENT_URLS}
    patterns["post"] = reverse("comments:post")
    return patterns


@functools.lru_cache(maxsize=8)
def _labels(language):
    return {key: str(label) for key, label in LABELS.items()}


@dataclass
class Node:
    comment: Comment
    avatar: str
    children: list = field(default_factory=list)


def clean_sort(value):
    return value if value in SORTS else "recents"


def clean_page(value):
    try:
        return max(1, min(int(value), 100000))
    except (TypeError, ValueError):
        return 1


def _sort_key(order):
    if order == "anciens":
        return lambda c: (not c.pinned, c.created_at, c.pk)
    if order == "notes":
        return lambda c: (not c.pinned, -c.score, -c.created_at.timestamp(), -c.pk)
    return lambda c: (not c.pinned, -c.created_at.timestamp(), -c.pk)


@functools.lru_cache(maxsize=4096)
def _kept_avatar_url(name, seed, gravatar, email, script_prefix, secret_key):
    """`avatar_url`, kept under all it reads: a thread's authors come back on every view
    (a hash, initials and quoting each time: a sixth of building a thread)."""
    return avatar_url(name, seed, gravatar=gravatar, email=email)


def node_for(comment, gravatar=False):
    seed = f"u{comment.user_id}" if comment.user_id else comment.guest_email
    email = comment.guest_email or (comment.user.email if gravatar and comment.user_id else "")
    avatar = _kept_avatar_url(
        comment.author_name, seed, gravatar, email, get_script_prefix(), settings.SECRET_KEY
    )
    return Node(comment, avatar)


def build_tree(rows, root_ids, order, gravatar=False):
    nodes = {c.pk: node_for(c, gravatar) for c in rows}
    roots = []
    for node in sorted(nodes.values(), key=lambda n: (n.comment.created_at, n.comment.pk)):
        parent_id = node.comment.parent_id
        if parent_id is None and node.comment.pk in root_ids:
            roots.append(node)
        elif parent_id in nodes:
            nodes[parent_id].children.append(node)
    roots.sort(key=lambda n: _sort_key(order)(n.comment))
    return roots


def _shown(article_id):
    return Comment.objects.filter(article_id=article_id).shown()


# Prepared once per process (core/prepared.py): a page view runs them with its article's id.
# No comment shown: no row (the counts are 0).
THREAD_STATS = PreparedQuery(
    lambda article_id: (
        _shown(article_id)
        .order_by()
        .values("article_id")
        .annotate(
            published=Count("pk", filter=Q(status=CommentStatus.PUBLISHED)),
            roots=Count("pk", filter=Q(parent__isnull=True)),
            latest=Max("pk"),
        )
    ),
    article_id=int,
)


def _thread_rows(article_id, order, start, page_size, gravatar):
    """One page of top-level comments (in the reader's order) and all their replies."""
    shown = _shown(article_id)
    root_ids = shown.roots().sorted(SORTS[order]).values("pk")[start : start + page_size]
    rows = shown.filter(Q(pk__in=root_ids) | Q(thread_id__in=root_ids)).order_by(
        "depth", "created_at", "pk"
    )
    if gravatar:
        rows = rows.select_related("user")
    return rows[:MAX_ROWS_PER_PAGE]


# Slices and the order are part of the SQL: one prepared query per (order, start, page size,
# gravatar), the variant.
THREAD_ROWS = PreparedQuery(
    lambda variant, article_id: _thread_rows(article_id, *variant), variants=True, article_id=int
)


def article_thread(article_id, *, page=1, order="recents", page_size=20, gravatar=False):
    """Counts, then one page of top-level comments with their replies: two queries (one
    when no comment is shown)."""
    order = clean_sort(order)
    stats = THREAD_STATS.first(article_id=article_id) or {"published": 0, "roots": 0}
    page_size = max(1, page_size)
    pages = max(1, -(-stats["roots"] // page_size))
    page = min(clean_page(page), pages)
    start = (page - 1) * page_size
    if stats["roots"]:
        rows = THREAD_ROWS.all((order, start, page_size, gravatar), article_id=article_id)
    else:
        rows = []  # no comment shown (the counts' query found none): nothing to read
    top = {c.pk for c in rows if c.parent_id is None}
    return {
        "article_id": article_id,
        "count": stats["published"],
        "latest_id": stats.get("latest") or 0,
        "threads": build_tree(rows, top, order, gravatar),
        "page": page,
        "pages": pages,
        "next_page": page + 1 if page < pages else None,
        "sort": order,
        "sorts": SORT_LABELS,
        "notify_kinds": SubscriptionKind.choices,
        "report_reasons": ReportReason.choices,
    }


def root_page_of(comment, page_size):
    """Which page (default order) of the article shows this comment's thread."""
    root = comment.thread or comment
    shown = Comment.objects.filter(article_id=comment.article_id).shown().roots()
    before = shown.filter(
        Q(pinned__gt=root.pinned)
        | Q(pinned=root.pinned, created_at__gt=root.created_at)
        | Q(pinned=root.pinned, created_at=root.created_at, pk__gt=root.pk)
    ).count()
    return before // max(1, page_size) + 1
