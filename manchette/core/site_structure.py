"""The site's skeleton: Wagtail's root, the home page, the newsroom's groups and workflow.

Written against an app registry (`apps`) so the same code serves the data migration and the
test suite (whose transactional tests flush what migrations created).
"""

from django.contrib.auth.management import create_permissions

JOURNALISTS, EDITORS, MODERATORS = "Journalistes", "Éditeurs", "Modérateurs"


def create_home_page(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Collection = apps.get_model("wagtailcore.Collection")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")

    home = HomePage.objects.first()
    if home is not None:
        return home
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if not Collection.objects.filter(depth=1).exists():
        Collection.objects.create(name="Root", path="0001", depth=1, numchild=0)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        page_type, _ = ContentType.objects.get_or_create(model="page", app_label="wagtailcore")
        root = Page.objects.create(
            title="Root",
            draft_title="Root",
            slug="root",
            content_type=page_type,
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale_id=locale.pk,
        )
    # Wagtail's initial migration leaves a "Welcome" page under the root: replace it.
    Page.objects.filter(depth=2, content_type__model="page", numchild=0).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    last = Page.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[-4:]) + 1 if last else 1
    home = HomePage.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=home_type,
        path=f"{root.path}{number:04d}",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        live=True,
        locale_id=root.locale_id,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page_id=home.pk,
            is_default_site=True,
            site_name="Manchette",
        )
    else:
        site.root_page_id = home.pk
        site.site_name = "Manchette"
        site.save()
    return home


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


def create_roles(apps):
    """Journalistes write and submit, Éditeurs review and publish, Modérateurs moderate."""
    create_permissions_now(apps)

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    home = create_home_page(apps)
    root_collection = Collection.objects.get(depth=1)
    admin_access = perm("wagtailadmin", "access_admin")
    media_perms = [perm("wagtailimages", c) for c in ("add_image", "change_image", "choose_image")]
    media_perms += [
        perm("wagtaildocs", c) for c in ("add_document", "change_document", "choose_document")
    ]
    page_perms = {
        JOURNALISTS: ["add_page", "change_page", "lock_page"],
        EDITORS: [
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
            "bulk_delete_page",
        ],
        MODERATORS: [],
    }
    model_perms = {
        JOURNALISTS: [],
        EDITORS: [perm("news", c) for c in ("add_flash", "change_flash", "delete_flash")]
        + [perm("core", "change_sitesettings")],
        MODERATORS: [],
    }
    groups = {}
    for name, codenames in page_perms.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(admin_access, *model_perms[name])
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=home.pk, permission=perm("wagtailcore", codename)
            )
        if name != MODERATORS:
            for permission in media_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(
        model="groupapprovaltask", app_label="wagtailcore"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Validation par un éditeur", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[EDITORS]])
    workflow, _ = Workflow.objects.get_or_create(name="Relecture", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})
    return groups


def sync_site(site_url=None):
    """Points the default Wagtail Site at SITE_URL (its host and port): Wagtail builds its
    absolute URLs (the sitemap's, `full_url`) from the Site, the rest of the app from
    SITE_URL, and both must name the same address. Idempotent; True when it changed the Site.

    Run at every start (`manage.py sync_site`: scripts/serve.sh, seed_demo, the systemd
    unit), not on import: starting a process never writes to the database by surprise.
    """
    from urllib.parse import urlsplit

    from django.conf import settings
    from wagtail.models import Site

    from manchette.core.cache import purge_site

    address = urlsplit(site_url or settings.SITE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    purge_site()  # the sitemap and feeds kept in the cache named the old address
    return True
