"""Who may moderate: the newsroom's Modérateurs and Éditeurs get the comments permissions."""

from manchette.core.site_structure import grant_group_permissions

MODERATION_CODENAMES = [
    "view_comment",
    "change_comment",
    "view_ban",
    "add_ban",
    "change_ban",
    "delete_ban",
    "view_moderationlog",
    "change_commentsettings",
    "view_articlecommentsettings",
    "change_articlecommentsettings",
]
GROUPS = ("Modérateurs", "Éditeurs")


def grant_moderation_permissions(apps):
    """Idempotent; written against an app registry so migrations and tests share it."""
    grant_group_permissions(apps, "comments", MODERATION_CODENAMES, GROUPS)
