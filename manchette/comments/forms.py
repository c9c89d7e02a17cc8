"""The readers' forms. Each one validates its own input: shapes and lengths, and for the
comment form the two robot traps (honeypot and time stamp), as django-contrib-comments'
`CommentSecurityForm` does. The rules that read the newsroom's settings or the database (bans,
closed articles, holding rules, the newsroom's maximum length) are the services'."""

import math
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from manchette.comments.models import ReportReason, SubscriptionKind

# A hard ceiling before the newsroom's own (settings) limit, so huge posts stop early.
HARD_MAX_LENGTH = 20000
FORM_SALT = "comments.form"
STAMP_MAX_AGE = 2 * 86400  # a form left open in a tab for two days is shown again
TOO_FAST = _("Vous avez été très rapide : relisez-vous puis confirmez l’envoi.")
CHECK_AND_SEND_AGAIN = _("Vérifiez votre commentaire puis confirmez l’envoi.")


def min_fill_seconds():
    return settings.COMMENTS_MIN_FILL_SECONDS


def form_timestamp():
    """The signed time a form is shown at (the `ts` field)."""
    return signing.dumps(time.time(), salt=FORM_SALT)


def stamp_age(value):
    """Seconds since the form was shown, by its signed stamp; None if it has no valid one."""
    try:
        issued = float(signing.loads(value or "", salt=FORM_SALT, max_age=STAMP_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - issued


def timestamp_state(value):
    """'ok', 'missing' (no or bad stamp: show the form again) or 'fast' (sent too soon after
    the form was shown: a robot's pace)."""
    age = stamp_age(value)
    if age is None:
        return "missing"
    return "fast" if age < min_fill_seconds() else "ok"


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
        label=_("Me prévenir par e-mail :"),
        choices=SubscriptionKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Honeypot: hidden from people, filled in by naive robots.
    site_web = forms.CharField(required=False, max_length=500)
    ts = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    @property
    def filled_by_robot(self):
        """The honeypot holds something: people never see it, naive robots fill it in."""
        return bool(self.data.get("site_web"))

    def clean_ts(self):
        state = timestamp_state(self.cleaned_data["ts"])
        if state == "fast":
            raise forms.ValidationError(TOO_FAST, code="fast")
        if state == "missing":
            raise forms.ValidationError(CHECK_AND_SEND_AGAIN, code="missing")
        return self.cleaned_data["ts"]

    def stamp_refusal(self):
        """Why the time stamp refuses this form (sent too soon after it was shown, or with no
        valid stamp), or None. The view asks before the other fields: the reader gets the
        form again with what they typed and a fresh stamp, as a second chance."""
        if "ts" not in self.errors:
            return None
        return TOO_FAST if self.has_error("ts", "fast") else CHECK_AND_SEND_AGAIN

    def seconds_to_wait(self):
        """Whole seconds before a form sent too fast may be sent again (at least 1)."""
        age = stamp_age(self.data.get("ts")) or 0
        return max(1, math.ceil(min_fill_seconds() - age))


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
