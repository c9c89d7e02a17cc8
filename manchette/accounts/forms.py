from django import forms
from django.utils.translation import gettext_lazy as _


class SigninForm(forms.Form):
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254)
    next = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Nom affiché sous vos commentaires"), max_length=80, min_length=2
    )
