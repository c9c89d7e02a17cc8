"""Permission helpers of the data migrations, frozen with them.

Not a migration (the loader skips names starting with "_"). The migrations that import it
must stay as they ran: never change what these functions do; a later migration that needs
something else gets its own copy.
"""

from django.contrib.auth.management import create_permissions


def create_permissions_now(apps, app_label=None):
    """Creates the model permissions of one app (or all) at once.

    Django creates them after all migrations; a data migration that grants them needs them now.
    """
    configs = [apps.get_app_config(app_label)] if app_label else apps.get_app_configs()
    for app_config in configs:
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def grant_group_permissions(apps, app_label, codenames, group_names):
    """Gives the groups (created if missing) these permissions of an app. Idempotent."""
    create_permissions_now(apps, app_label)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    for name in group_names:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
