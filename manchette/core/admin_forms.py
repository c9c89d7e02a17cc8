"""Wagtail admin forms Manchette adjusts for its French-speaking editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, whose password field has no label: Django then shows the
    untranslatable field name ("Password"). Give it a translatable French one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")
