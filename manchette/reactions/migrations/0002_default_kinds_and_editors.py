"""The French default set of reactions; Éditeurs may see the reports and edit the set."""

from django.db import migrations

from manchette.reactions.defaults import create_default_kinds, grant_editors


def default_kinds(apps, schema_editor):
    create_default_kinds(apps)


def editors(apps, schema_editor):
    grant_editors(apps)


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
