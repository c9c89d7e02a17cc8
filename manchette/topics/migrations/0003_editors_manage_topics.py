"""Éditeurs manage topics: confirm or reject suggestions, edit topics and aliases, links."""

from django.db import migrations

from manchette.core.migrations._permissions import grant_group_permissions

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


def editors_manage_topics(apps, schema_editor):
    grant_group_permissions(apps, "topics", EDITOR_PERMISSIONS, ["Éditeurs"])


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0002_topicnotification"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(editors_manage_topics, migrations.RunPython.noop)]
