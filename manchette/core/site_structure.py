"""The site's skeleton (home page, groups, workflow, default permissions) made again.

The data migrations made it; transactional tests flush it. These functions run the
migrations' own code again, so there is one definition of the skeleton, frozen in the
migrations (which import nothing from the app).
"""

import importlib

from django.apps import apps as global_apps

JOURNALISTS, EDITORS, MODERATORS = "Journalistes", "Éditeurs", "Modérateurs"
SKELETON = ("core", "0002_site_structure_and_roles")


def run_data_migration(app_label, migration, function, apps=global_apps):
    """Runs `function(apps, None)` of a data migration of `manchette.<app_label>`."""
    module = importlib.import_module(f"manchette.{app_label}.migrations.{migration}")
    return getattr(module, function)(apps, None)


def create_home_page(apps=global_apps):
    return run_data_migration(*SKELETON, "home_page", apps)


def create_roles(apps=global_apps):
    """Journalistes write and submit, Éditeurs review and publish, Modérateurs moderate."""
    return run_data_migration(*SKELETON, "roles", apps)


def home_page():
    """The site's home page; made again with the skeleton when a test flushed it."""
    from manchette.core.models import HomePage

    return HomePage.objects.first() or HomePage.objects.get(pk=create_home_page().pk)
