"""Comments: explicit states, threads, votes, reports, bans, subscriptions, moderation log,
and the newsroom's settings; one module per part, all importable from here."""

from .comment import (
    EDIT_WINDOW_SECONDS,
    Comment,
    CommentQuerySet,
    CommentStatus,
    GuestEmail,
    HoldReason,
    max_depth,
)
from .moderation import (
    ArticleCommentSettings,
    Ban,
    BanQuerySet,
    ModerationAction,
    ModerationLog,
)
from .newsroom_settings import (
    SETTINGS_CACHE_KEY,
    SETTINGS_CACHE_SECONDS,
    CommentSettings,
    Premoderation,
    forget_cached_settings,
)
from .subscriptions import PendingNotification, Subscription, SubscriptionKind
from .votes import CommentReport, CommentVote, ReportReason, ReportWeight, VoteValue

__all__ = [
    "EDIT_WINDOW_SECONDS",
    "SETTINGS_CACHE_KEY",
    "SETTINGS_CACHE_SECONDS",
    "ArticleCommentSettings",
    "Ban",
    "BanQuerySet",
    "Comment",
    "CommentQuerySet",
    "CommentReport",
    "CommentSettings",
    "CommentStatus",
    "CommentVote",
    "GuestEmail",
    "HoldReason",
    "ModerationAction",
    "ModerationLog",
    "PendingNotification",
    "Premoderation",
    "ReportReason",
    "ReportWeight",
    "Subscription",
    "SubscriptionKind",
    "VoteValue",
    "forget_cached_settings",
    "max_depth",
]
