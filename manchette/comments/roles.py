"""Who may moderate: the newsroom's Modérateurs and Éditeurs get the comments permissions."""

from django.contrib.auth.management import create_permissions

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
    config = apps.get_app_config("comments")
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="comments", codename__in=MODERATION_CODENAMES
        )
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
