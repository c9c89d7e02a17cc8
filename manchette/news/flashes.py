"""The desk's flash info: the editor's form (duration presets), the states the list shows
(live, scheduled, expired, draft) and "Retirer maintenant"."""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from manchette.news.models import Flash, FlashState, FlashStatus

DURATIONS = [
    ("", _("Fin choisie ci-dessous (ou aucune)")),
    ("10", _("10 minutes")),
    ("30", _("30 minutes")),
    ("60", _("1 heure")),
]


class FlashForm(WagtailAdminModelForm):
    """A duration preset sets the end from the start: one click instead of a date picker."""

    duration = forms.ChoiceField(
        label=_("Durée"),
        choices=DURATIONS,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Le flash disparaît seul à la fin de cette durée."),
    )

    def clean(self):
        cleaned = super().clean()
        minutes = cleaned.get("duration")
        starts_at = cleaned.get("starts_at")
        if minutes and starts_at:
            cleaned["ends_at"] = starts_at + timedelta(minutes=int(minutes))
            self.errors.pop("ends_at", None)
        return cleaned


def flashes_in_state(queryset, state, now=None):
    now = now or timezone.now()
    published = queryset.filter(status=FlashStatus.PUBLISHED)
    not_ended = Q(ends_at__isnull=True) | Q(ends_at__gt=now)
    if state == FlashState.LIVE:
        return published.filter(not_ended, starts_at__lte=now)
    if state == FlashState.SCHEDULED:
        return published.filter(starts_at__gt=now)
    if state == FlashState.EXPIRED:
        return published.filter(ends_at__lte=now)
    if state == FlashState.DRAFT:
        return queryset.filter(status=FlashStatus.DRAFT)
    return queryset


class FlashFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("État"),
        choices=FlashState.choices,
        method=lambda queryset, name, value: flashes_in_state(queryset, value),
    )

    class Meta:
        model = Flash
        fields = ["state", "priority", "status"]


def withdraw_flash(flash, now=None):
    """Takes the flash off the site now: a live flash ends now, a scheduled one goes back to
    draft. False when it was not on the site nor due to be."""
    now = now or timezone.now()
    state = flash.state_at(now)
    if state == FlashState.LIVE:
        flash.ends_at = max(now, flash.starts_at + timedelta(microseconds=1))
        flash.save(update_fields=["ends_at"])
        return True
    if state == FlashState.SCHEDULED:
        flash.status = FlashStatus.DRAFT
        flash.save(update_fields=["status"])
        return True
    return False
