from django import forms
from django.utils.translation import gettext_lazy as _

from manchette.core.ids import IdsField
from manchette.newsletter.models import NewsletterList

SOURCES = {"article": "encadré d’article", "footer": "pied de page", "page": "page d’inscription"}


class ListsField(IdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class EmailField(forms.EmailField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Votre adresse e-mail"),
            max_length=254,
            error_messages={
                "required": _("Indiquez votre adresse e-mail."),
                "invalid": _("Cette adresse e-mail n’est pas valide (exemple : nom@exemple.fr)."),
                "max_length": _("Cette adresse e-mail est trop longue."),
            },
            **kwargs,
        )


class SubscribeForm(forms.Form):
    email = EmailField()
    lists = ListsField(
        queryset=NewsletterList.objects.none(),
        label=_("Les lettres que vous souhaitez recevoir"),
        error_messages={"required": _("Choisissez au moins une lettre.")},
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = NewsletterList.objects.active()
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})

    def clean_source(self):
        source = self.cleaned_data.get("source") or "page"
        return source if source in SOURCES else "page"


class PreferencesForm(forms.Form):
    lists = ListsField(
        queryset=NewsletterList.objects.none(),
        label=_("Les lettres que vous recevez"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = NewsletterList.objects.active()


class LinkRequestForm(forms.Form):
    email = EmailField()
