"""The Modérateurs and Éditeurs groups get the comments moderation permissions."""

from django.db import migrations

from manchette.comments.roles import grant_moderation_permissions


def grant(apps, schema_editor):
    grant_moderation_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("core", "0002_site_structure_and_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
