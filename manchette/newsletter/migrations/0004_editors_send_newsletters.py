"""Éditeurs compose and send the newsletter: issues, lists, and read-only subscribers and
proofs of consent. Without these permissions Wagtail hid the "Newsletter" menu from them."""

from django.db import migrations

from manchette.core.migrations._permissions import grant_group_permissions

EDITOR_PERMISSIONS = [
    "add_newsletterissue",
    "change_newsletterissue",
    "delete_newsletterissue",
    "view_newsletterissue",
    "change_newsletterlist",
    "view_newsletterlist",
    "view_subscriber",
    "view_consentrecord",
]


def editors_send_newsletters(apps, schema_editor):
    grant_group_permissions(apps, "newsletter", EDITOR_PERMISSIONS, ["Éditeurs"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_spell_e_mail"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(editors_send_newsletters, migrations.RunPython.noop)]
