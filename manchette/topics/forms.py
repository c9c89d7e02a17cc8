from django import forms
from django.utils.translation import gettext_lazy as _

from manchette.topics.models import Topic, TopicKind


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Cette adresse e-mail ne semble pas valide."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(required=False, widget=forms.HiddenInput)


class ConfirmSuggestionForm(forms.Form):
    MODE_NEW = "new"
    MODE_ALIAS = "alias"

    mode = forms.ChoiceField(
        label=_("Confirmer comme"),
        choices=[(MODE_NEW, _("nouveau sujet")), (MODE_ALIAS, _("autre nom d’un sujet existant"))],
        initial=MODE_NEW,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Nom"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=TopicKind.choices)
    topic = forms.ModelChoiceField(
        label=_("Sujet existant"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("— choisir un sujet —"),
    )

    def clean(self):
        data = super().clean()
        if data.get("mode") == self.MODE_ALIAS and not data.get("topic"):
            self.add_error("topic", _("Choisissez le sujet auquel ajouter ce nom."))
        return data
