from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_urls")
def import_urls():
    from django.urls import include, path

    from manchette.wpimport import admin_urls

    return [path("import-wordpress/", include(admin_urls, namespace="wpimport_admin"))]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def import_menu_item():
    return AdministratorMenuItem(
        _("Import WordPress"), reverse("wpimport_admin:imports"), icon_name="download", order=900
    )
