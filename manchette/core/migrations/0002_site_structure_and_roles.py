"""The site's home page, the newsroom's groups with their permissions, and the review workflow.

Self-contained (historical models, names copied in): the code of the app may change, this
migration stays as it ran. manchette/core/site_structure.py runs these same functions again
for the tests that flush the database.
"""

from django.db import migrations

from manchette.core.migrations._permissions import create_permissions_now

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


def home_page(apps, schema_editor):
    return create_home_page(apps)


def roles(apps, schema_editor):
    return create_roles(apps)


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
