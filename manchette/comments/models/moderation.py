"""The moderators' records: bans, the moderation log, and an article's closed comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .comment import Comment


class BanQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(until__isnull=True) | Q(until__gt=now))

    def matching(self, *, email="", user=None):
        email = (email or "").strip().lower()
        condition = Q(pk__in=[])
        if email:
            condition |= Q(email=email)
        if user is not None and getattr(user, "pk", None):
            condition |= Q(user_id=user.pk)
            if user.email:
                condition |= Q(email=user.email.lower())
        return self.active().filter(condition)


class Ban(models.Model):
    """A ban (no end) or a timed suspension, by email address or account."""

    email = models.EmailField(_("adresse e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comment_bans",
    )
    reason = models.CharField(_("motif"), max_length=300)
    until = models.DateTimeField(
        _("jusqu’au"), null=True, blank=True, help_text=_("Vide : exclusion définitive.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)

    objects = BanQuerySet.as_manager()

    panels = [FieldPanel("email"), FieldPanel("user"), FieldPanel("reason"), FieldPanel("until")]

    class Meta:
        verbose_name = _("exclusion")
        verbose_name_plural = _("exclusions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | Q(user__isnull=False), name="ban_has_target"
            )
        ]
        # Every post looks its author's address up here (holding.posting_facts).
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.email or str(self.user)

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        return super().save(*args, **kwargs)


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Approuvé")
    REJECT = "reject", _("Rejeté")
    SPAM = "spam", _("Marqué indésirable")
    FEATURE = "feature", _("Sélection de la rédaction")
    UNFEATURE = "unfeature", _("Retiré de la sélection")
    PIN = "pin", _("Épinglé")
    UNPIN = "unpin", _("Désépinglé")
    HOLD = "hold", _("Mis en attente")
    BAN = "ban", _("Auteur exclu")
    UNBAN = "unban", _("Exclusion levée")
    DISMISS = "dismiss", _("Signalements classés sans suite")
    CLOSE = "close", _("Commentaires fermés")
    OPEN = "open", _("Commentaires rouverts")


class ModerationLog(models.Model):
    """Who did what to which comment, and why."""

    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
    )
    article = models.ForeignKey(
        "news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=12, choices=ModerationAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("journal de modération")
        verbose_name_plural = _("journal de modération")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.actor or _('système')}"


class ArticleCommentSettings(models.Model):
    """Per-article switches (kept here so news models stay untouched)."""

    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comment_settings"
    )
    closed = models.BooleanField(_("commentaires fermés"), default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("réglage des commentaires d’un article")

    def __str__(self):
        return str(self.article_id)
