from django import forms
from django.utils.translation import gettext_lazy as _

from manchette.comments.models import ReportReason, SubscriptionKind

# A hard ceiling before the newsroom's own (settings) limit, so huge posts stop early.
HARD_MAX_LENGTH = 20000


class CommentForm(forms.Form):
    article = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    parent = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**62
    )
    body = forms.CharField(
        label=_("Votre commentaire"),
        max_length=HARD_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Le commentaire est vide.")},
    )
    name = forms.CharField(label=_("Nom"), max_length=80, required=False)
    email = forms.EmailField(label=_("E-mail (jamais affiché)"), max_length=254, required=False)
    notify = forms.MultipleChoiceField(
        label=_("Me notifier des"),
        choices=SubscriptionKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Honeypot: hidden from people, filled in by naive robots.
    site_web = forms.CharField(required=False, max_length=500)
    ts = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Votre commentaire"),
        max_length=HARD_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Le commentaire est vide.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez un motif de signalement.")},
    )
    detail = forms.CharField(label=_("Précisions (facultatif)"), max_length=300, required=False)


class VoteForm(forms.Form):
    value = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
