"""The site's home page, the newsroom's groups with their permissions, and the review workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALISTS, EDITORS, MODERATORS = "Journalistes", "Éditeurs", "Modérateurs"


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")

    if HomePage.objects.exists():
        return
    # Wagtail's initial migration leaves a "Welcome" page under the root: replace it.
    Page.objects.filter(depth=2, content_type__model="page", numchild=0).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    root = Page.objects.get(depth=1)
    path = root.path + f"{Page.objects.filter(depth=2).count() + 1:04d}"
    home = HomePage.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=home_type,
        path=path,
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
        Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk,
                            is_default_site=True, site_name="Manchette")
    else:
        site.root_page_id = home.pk
        site.site_name = "Manchette"
        site.save()


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
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

    home = Page.objects.get(depth=2, content_type__app_label="core")
    root_collection = Collection.objects.get(depth=1)
    admin_access = perm("wagtailadmin", "access_admin")
    image_perms = [perm("wagtailimages", c) for c in ("add_image", "change_image", "choose_image")]
    document_perms = [
        perm("wagtaildocs", c) for c in ("add_document", "change_document", "choose_document")
    ]

    page_perms = {
        JOURNALISTS: ["add_page", "change_page", "lock_page"],
        EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page",
                  "bulk_delete_page"],
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
                group=group, page=home, permission=perm("wagtailcore", codename)
            )
        if name != MODERATORS:
            for permission in image_perms + document_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(
        model="groupapprovaltask", app_label="wagtailcore"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Validation par un éditeur", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[EDITORS]])
    workflow, _ = Workflow.objects.get_or_create(name="Relecture", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


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
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
