"""What every comment service shares: the refusal shown to readers, the newsroom's settings,
who counts as newsroom or moderator, and what follows a change to a public thread."""

from django.db import transaction

from manchette.comments.models import ArticleCommentSettings, CommentSettings
from manchette.comments.notifications import queue_notifications
from manchette.core.caching.purge import purge_paths
from manchette.core.prepared import PreparedQuery

NEWSROOM_GROUPS = ("Journalistes", "Éditeurs")


class CommentError(Exception):
    """A refusal to show the reader, in French; nothing they typed is lost."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def comment_settings():
    return CommentSettings.cached()


def comments_closed(article):
    return bool(CLOSED.all(article_id=article.pk))


# Asked on every render of an article's thread: prepared once (core/prepared.py).
CLOSED = PreparedQuery(
    lambda article_id: (
        ArticleCommentSettings.objects.filter(article_id=article_id, closed=True)
        .order_by()
        .values_list("pk", flat=True)[:1]
    ),
    article_id=int,
)


def is_newsroom(user):
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name__in=NEWSROOM_GROUPS).exists()


def is_moderator(user):
    return bool(user and user.is_authenticated and user.has_perm("comments.change_comment"))


def purge_thread(article):
    # Only the thread changed: the article's other cached fragments stay.
    transaction.on_commit(lambda: purge_paths([article.url], only="comments"))


def announce_published(comment):
    """A comment just became public: its thread is purged and its subscribers queued."""
    purge_thread(comment.article)
    # In the same transaction: the comment and its queued notifications commit together.
    queue_notifications(comment)
