"""The French default set of reactions and who may see the reports.

Written against an app registry (`apps`) so the data migration and the test suite (whose
transactional tests flush what migrations created) share it.
"""

from manchette.core.site_structure import grant_group_permissions

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
    grant_group_permissions(apps, "reactions", EDITOR_PERMISSIONS, [EDITORS])
