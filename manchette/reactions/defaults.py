"""The French default set of reactions and who may see the reports.

Written against an app registry (`apps`) so the data migration and the test suite (whose
transactional tests flush what migrations created) share it.
"""

from django.contrib.auth.management import create_permissions

DEFAULT_KINDS = [
    # (slug, label, shipped SVG icon: see icons.py)
    ("instructif", "Instructif", "ampoule"),
    ("interessant", "Intéressant", "etoile"),
    ("surprenant", "Surprenant", "surpris"),
    ("inquietant", "Inquiétant", "inquiet"),
    ("agacant", "Agaçant", "agace"),
]
EDITORS = "Éditeurs"
EDITOR_PERMISSIONS = [
    "view_reaction",
    "add_reactionkind",
    "change_reactionkind",
    "delete_reactionkind",
    "view_reactionkind",
]


def create_default_kinds(apps):
    ReactionKind = apps.get_model("reactions", "ReactionKind")
    for order, (slug, label, icon) in enumerate(DEFAULT_KINDS):
        ReactionKind.objects.get_or_create(
            slug=slug, defaults={"label": label, "icon": icon, "sort_order": order}
        )


def grant_editors(apps):
    """Éditeurs see the reaction reports and edit the set of reactions."""
    app_config = apps.get_app_config("reactions")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reactions", codename__in=EDITOR_PERMISSIONS
        )
    )
