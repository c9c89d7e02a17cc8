"""The site's home page, the newsroom's groups with their permissions, and the review workflow."""

from django.db import migrations

from manchette.core.site_structure import create_home_page, create_roles


def home_page(apps, schema_editor):
    create_home_page(apps)


def roles(apps, schema_editor):
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("news", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(home_page, migrations.RunPython.noop),
        migrations.RunPython(roles, migrations.RunPython.noop),
    ]
