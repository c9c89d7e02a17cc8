from django import forms
from django.utils.translation import gettext_lazy as _

KEEP = "anonymise"
DELETE = "delete"


class LinkForm(forms.Form):
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254)


class EraseForm(forms.Form):
    comments = forms.ChoiceField(
        label=_("Vos commentaires"),
        choices=[
            (KEEP, _("Les garder, signés « Lecteur anonyme »")),
            (DELETE, _("Les supprimer")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez ce que deviennent vos commentaires.")},
    )
    confirm = forms.BooleanField(
        label=_("Je comprends que l’effacement est définitif et ne peut pas être annulé."),
        error_messages={"required": _("Cochez la case pour confirmer l’effacement.")},
    )

    @property
    def keep_comments(self):
        return self.cleaned_data["comments"] == KEEP
