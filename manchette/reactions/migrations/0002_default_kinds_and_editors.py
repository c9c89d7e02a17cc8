"""The French default set of reactions; Éditeurs may see the reports and edit the set."""

from django.db import migrations

from manchette.core.migrations._permissions import grant_group_permissions

DEFAULT_KINDS = [
    # (slug, label, shipped SVG icon)
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


def default_kinds(apps, schema_editor):
    ReactionKind = apps.get_model("reactions", "ReactionKind")
    for order, (slug, label, icon) in enumerate(DEFAULT_KINDS):
        ReactionKind.objects.get_or_create(
            slug=slug, defaults={"label": label, "icon": icon, "sort_order": order}
        )


def editors(apps, schema_editor):
    """Éditeurs see the reaction reports and edit the set of reactions."""
    grant_group_permissions(apps, "reactions", EDITOR_PERMISSIONS, [EDITORS])


class Migration(migrations.Migration):
    dependencies = [
        ("reactions", "0001_initial"),
        ("core", "0002_site_structure_and_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(default_kinds, migrations.RunPython.noop),
        migrations.RunPython(editors, migrations.RunPython.noop),
    ]
