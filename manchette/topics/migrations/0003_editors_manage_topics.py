from django.db import migrations

from manchette.topics.roles import grant_editors


def editors_manage_topics(apps, schema_editor):
    grant_editors(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0002_topicnotification"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(editors_manage_topics, migrations.RunPython.noop)]
