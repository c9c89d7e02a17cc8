"""Éditeurs manage topics: confirm or reject suggestions, edit topics and aliases, links."""

from manchette.core.site_structure import grant_group_permissions

EDITOR_PERMISSIONS = [
    "add_topic",
    "change_topic",
    "delete_topic",
    "view_topic",
    "add_topicalias",
    "change_topicalias",
    "delete_topicalias",
    "view_topicalias",
    "change_topicsuggestion",
    "view_topicsuggestion",
    "change_articlelinking",
    "view_articlelinking",
    "view_topicfollow",
]


def grant_editors(apps):
    """Idempotent; written against an app registry so migrations and tests share it."""
    grant_group_permissions(apps, "topics", EDITOR_PERMISSIONS, ["Éditeurs"])
