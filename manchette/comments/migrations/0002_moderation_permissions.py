"""The Modérateurs and Éditeurs groups get the comments moderation permissions."""

from django.db import migrations

from manchette.core.migrations._permissions import grant_group_permissions

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


def grant(apps, schema_editor):
    grant_group_permissions(apps, "comments", MODERATION_CODENAMES, GROUPS)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("core", "0002_site_structure_and_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
