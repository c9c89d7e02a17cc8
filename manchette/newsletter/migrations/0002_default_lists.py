import datetime

from django.db import migrations

DEFAULT_LISTS = [
    {
        "slug": "lettre-du-matin",
        "name": "La lettre du matin",
        "kind": "daily",
        "description": "L’essentiel de l’actualité des dernières 24 heures, chaque matin.",
        "send_time": datetime.time(7, 0),
        "offered_by_default": True,
        "position": 0,
    },
    {
        "slug": "lettre-de-la-semaine",
        "name": "La lettre de la semaine",
        "kind": "weekly",
        "description": "Les articles marquants de la semaine, le samedi matin.",
        "send_time": datetime.time(8, 0),
        "send_weekday": 5,
        "position": 1,
    },
    {
        "slug": "alertes",
        "name": "Alertes",
        "kind": "alerts",
        "description": "Les informations de dernière minute, dès qu’elles tombent.",
        "position": 2,
    },
]


def create_lists(apps, schema_editor):
    NewsletterList = apps.get_model("newsletter", "NewsletterList")
    for fields in DEFAULT_LISTS:
        NewsletterList.objects.get_or_create(slug=fields["slug"], defaults=fields)


def remove_lists(apps, schema_editor):
    NewsletterList = apps.get_model("newsletter", "NewsletterList")
    NewsletterList.objects.filter(
        slug__in=[f["slug"] for f in DEFAULT_LISTS], issues__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create_lists, remove_lists)]
