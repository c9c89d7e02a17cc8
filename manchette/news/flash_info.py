"""FLASH INFO items: the banner on every page, most urgent first, shown between their start
and end, with the moments the banner changes (which bound every cached page's lifetime)."""

import time

from django.contrib.admin import display as admin_display
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from manchette.core.caching.versions import shared_get, shared_set, under_site_version
from manchette.core.visibility import is_restricted


class FlashPriority(models.TextChoices):
    ALERTE = "alerte", _("Alerte")
    URGENT = "urgent", _("Urgent")
    INFO = "info", _("Info")


class FlashStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")


class FlashState(models.TextChoices):
    """Where a flash stands now, as the desk's list shows it."""

    LIVE = "live", _("En ligne")
    SCHEDULED = "scheduled", _("Programmé")
    EXPIRED = "expired", _("Terminé")
    DRAFT = "draft", _("Brouillon")


# The banner's items are kept in the shared cache until the next start or end, an hour at most.
KEPT_SECONDS = 3600
PRIORITY_RANK = Case(
    When(priority=FlashPriority.ALERTE, then=Value(0)),
    When(priority=FlashPriority.URGENT, then=Value(1)),
    default=Value(2),
)


class FlashQuerySet(models.QuerySet):
    def live(self, now=None):
        now = now or timezone.now()
        return (
            self.filter(status=FlashStatus.PUBLISHED, starts_at__lte=now)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .select_related("link_page")
            .order_by(PRIORITY_RANK, "-starts_at")
        )

    def chrome(self):
        """Live items as shown in the banner, cached until the next start or end."""
        key = under_site_version("chrome:flash")  # read before the database
        entry = shared_get(key)
        if entry is not None and (entry["valid_until"] or float("inf")) > time.time():
            return entry
        now = timezone.now()
        # Every published item live or still to come, in one query: the banner and the
        # moment it next changes are both worked out from them.
        current = list(
            self.filter(status=FlashStatus.PUBLISHED)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .select_related("link_page")
            .order_by(PRIORITY_RANK, "-starts_at")
        )
        items = [
            {
                "text": f.text,
                "url": f.url,
                "priority": f.priority,
                "priority_label": f.get_priority_display(),
            }
            for f in current
            if f.starts_at <= now
        ]
        moments = [f.starts_at for f in current if f.starts_at > now]
        moments += [f.ends_at for f in current if f.ends_at is not None]
        valid_until = min(moments).timestamp() if moments else None
        entry = {"items": items, "valid_until": valid_until}
        # Bounded even when nothing is due: each site version leaves its entry behind.
        timeout = KEPT_SECONDS
        if valid_until is not None:
            timeout = max(1, min(KEPT_SECONDS, int(valid_until - time.time())))
        shared_set(key, entry, timeout=timeout)
        return entry


class Flash(models.Model):
    """A FLASH INFO item: shown in the banner of every page between its start and end."""

    text = models.CharField(_("texte"), max_length=200)
    link_page = models.ForeignKey(
        Page,
        verbose_name=_("article lié"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("ou lien externe"), blank=True)
    priority = models.CharField(
        _("priorité"), max_length=10, choices=FlashPriority.choices, default=FlashPriority.URGENT
    )
    starts_at = models.DateTimeField(_("début"), default=timezone.now)
    ends_at = models.DateTimeField(_("fin"), null=True, blank=True)
    # A flash is news now: saved, it is on the site unless the editor chose a draft.
    status = models.CharField(
        _("statut"), max_length=10, choices=FlashStatus.choices, default=FlashStatus.PUBLISHED
    )
    send_alert = models.BooleanField(
        _("envoyer aux abonnés de la liste « Alertes »"),
        default=False,
        help_text=_("Un e-mail part une fois, quand le flash est en ligne."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FlashQuerySet.as_manager()

    class Meta:
        verbose_name = _("flash info")
        verbose_name_plural = _("flashs info")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="flash_ends_after_start",
            )
        ]

    def __str__(self):
        return self.text

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("La fin doit être postérieure au début.")})

    @property
    def url(self):
        """The linked page's address while the public may see it, else the external link."""
        page = self.link_page if self.link_page_id else None
        if page is not None and page.live and not is_restricted(page.pk):
            return page.url
        return self.link_url

    @property
    def is_live(self):
        return self.state_at(timezone.now()) == FlashState.LIVE

    def state_at(self, now):
        if self.status != FlashStatus.PUBLISHED:
            return FlashState.DRAFT
        if self.starts_at > now:
            return FlashState.SCHEDULED
        if self.ends_at is not None and self.ends_at <= now:
            return FlashState.EXPIRED
        return FlashState.LIVE

    @admin_display(description=_("état"))
    def state(self):
        return FlashState(self.state_at(timezone.now())).label

    @admin_display(description=_("liste « Alertes »"))
    def alert_label(self):
        return _("oui") if self.send_alert else "—"
