"""Who to email about new comments on an article, and what waits for their next digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .comment import Comment


class SubscriptionKind(models.TextChoices):
    # Labels complete « Me prévenir par e-mail : » (the form) and « nous vous prévenons ».
    FOLLOW_UPS = "follow", _("des nouveaux commentaires")
    REPLIES = "replies", _("des réponses à mes commentaires")


class Subscription(models.Model):
    """Someone to email about new comments on an article (every one, or replies to theirs)."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comment_subscriptions"
    )
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=SubscriptionKind.choices)
    # A guest's subscription works only once their address is confirmed.
    confirmed = models.BooleanField(default=False)
    # The browser that asked for it (`accounts.proof.browser_key`) while it awaits the guest's
    # confirmation: confirming a comment confirms this browser's subscriptions only, as it
    # publishes this browser's comments only (anyone can type an address).
    browser_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("abonnement aux commentaires")
        verbose_name_plural = _("abonnements aux commentaires")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "email", "kind"], name="one_subscription_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.get_kind_display()})"


class PendingNotification(models.Model):
    """A comment waiting to go out in the subscriber's next digest (bursts become one email)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="pending")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "comment"], name="one_notification_per_comment"
            )
        ]

    def __str__(self):
        return f"{self.subscription_id} ← {self.comment_id}"
