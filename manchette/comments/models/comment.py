"""A comment: its states, why it was held, its place in a thread; and a guest's address."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EDIT_WINDOW_SECONDS = 15 * 60


def max_depth():
    """How deep replies nest (0 = top-level comments only); replies past it join the last level."""
    return settings.COMMENTS_MAX_DEPTH


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    PUBLISHED = "published", _("Publié")
    REJECTED = "rejected", _("Rejeté")
    SPAM = "spam", _("Indésirable")
    DELETED = "deleted", _("Supprimé par son auteur")


class HoldReason(models.TextChoices):
    NONE = "", _("Aucune")
    PREMODERATION = "premoderation", _("Prémodération de tous les commentaires")
    SUSPECT_WORD = "suspect_word", _("Mot suspect")
    BANNED_WORD = "banned_word", _("Mot interdit")
    LINKS = "links", _("Trop de liens")
    FIRST_GUEST_PROMOTION = "first_promo", _("Lien ou montant dans le premier commentaire")
    REPEATED = "repeated", _("Texte répété")
    BURST = "burst", _("Rafale depuis une même adresse")
    HISTORY = "history", _("Commentaires récents souvent rejetés")
    REPORTS = "reports", _("Signalé par des lecteurs")
    EDITED = "edited", _("Modifié après publication")


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def shown(self):
        """What the public thread shows: published comments, and removed ones that still have
        published replies (rendered as « Commentaire supprimé » so the thread holds)."""
        has_replies = Exists(
            Comment.objects.filter(parent_id=OuterRef("pk"), status=CommentStatus.PUBLISHED)
        )
        return self.annotate(has_published_replies=has_replies).filter(
            Q(status=CommentStatus.PUBLISHED)
            | (
                Q(status__in=[CommentStatus.DELETED, CommentStatus.REJECTED, CommentStatus.SPAM])
                & Q(has_published_replies=True)
            )
        )

    def roots(self):
        return self.filter(parent__isnull=True)

    def sorted(self, order):
        """Top-level order: pinned first, then the reader's choice."""
        orders = {
            "anciens": ["created_at", "pk"],
            "notes": ["-score", "-created_at", "-pk"],
        }
        return self.order_by("-pinned", *orders.get(order, ["-created_at", "-pk"]))

    def queue(self):
        """The moderators' « en attente » tab: held by a rule, not waiting for an email click."""
        return self.filter(status=CommentStatus.PENDING, awaiting_confirmation=False)

    def reported(self):
        return self.filter(report_count__gt=0).exclude(status=CommentStatus.DELETED)

    def written_by(self, user, proven=(), browser_key=""):
        """A signed-in reader's comments, or those of the guest addresses this browser
        proved (`proof.proven_addresses`: typing an address proves nothing), and the comments
        this browser posted that still await their confirmation (`browser_key`: only what it
        typed itself, whatever address it typed); else none."""
        if user is not None and user.is_authenticated:
            return self.filter(user=user)
        mine = Q(pk__in=[])
        if proven:
            mine |= Q(user__isnull=True, guest_email__in=list(proven))
        if browser_key:
            mine |= Q(awaiting_confirmation=True, browser_key=browser_key)
        return self.filter(mine) if proven or browser_key else self.none()

    def by_email(self, email):
        email = (email or "").strip().lower()
        if not email:
            # An anonymised comment, or an account without an address, is nobody's history: ""
            # would match every member's comment (they have no guest address) and each other.
            return self.none()
        return self.filter(Q(guest_email=email) | Exact(Lower("user__email"), email))


class Comment(models.Model):
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("en réponse à"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # The top-level comment of the thread (null for a top-level comment): one query loads threads.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The comment the reader answered (its author is notified); `parent` may be shallower.
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lecteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    author_name = models.CharField(_("nom"), max_length=80)
    guest_email = models.EmailField(_("adresse e-mail (jamais affichée)"), blank=True)
    is_newsroom = models.BooleanField(_("Rédaction"), default=False)
    body = models.TextField(_("texte"))
    body_html = models.TextField(editable=False, default="")
    status = models.CharField(
        _("état"), max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    awaiting_confirmation = models.BooleanField(
        _("attend la confirmation par e-mail"), default=False
    )
    # The posting browser's key (`accounts.proof.browser_key`) while the comment awaits its
    # guest's confirmation: confirming publishes this browser's comments only, then clears it.
    browser_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    held_reason = models.CharField(
        _("motif de mise en attente"),
        max_length=20,
        choices=HoldReason.choices,
        blank=True,
        default="",
    )
    held_detail = models.CharField(_("détail"), max_length=200, blank=True)
    moderation_reason = models.CharField(
        _("motif de la modération (visible par l’auteur)"), max_length=300, blank=True
    )
    featured = models.BooleanField(_("sélection de la rédaction"), default=False)
    pinned = models.BooleanField(_("épinglé"), default=False)
    score = models.IntegerField(_("note"), default=0)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)
    report_count = models.PositiveIntegerField(_("signalements"), default=0)
    client_hash = models.CharField(max_length=32, blank=True, db_index=True)
    created_at = models.DateTimeField(_("posté le"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["article", "status", "parent"]),
            models.Index(fields=["thread", "status"]),
            models.Index(fields=["status", "created_at"]),
            # The holding rules of every post read a guest's comments and an address's recent
            # ones, newest first, without reading the whole table (nor all of theirs).
            models.Index(fields=["guest_email", "created_at"]),
            models.Index(fields=["client_hash", "created_at"]),
        ]

    def __str__(self):
        return f"{self.author_name} : {self.body[:60]}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("comments:permalink", args=[self.pk])

    @property
    def email(self):
        return (self.user.email if self.user_id else self.guest_email).lower()

    @property
    def anchor(self):
        return f"comment-{self.pk}"

    @property
    def is_removed(self):
        return self.status != CommentStatus.PUBLISHED

    def editable_until(self):
        return self.created_at + timezone.timedelta(seconds=EDIT_WINDOW_SECONDS)

    def can_be_edited(self, now=None):
        return (
            self.status in (CommentStatus.PUBLISHED, CommentStatus.PENDING)
            and (now or timezone.now()) < self.editable_until()
        )


class GuestEmail(models.Model):
    """A guest's address, confirmed once by the emailed link."""

    email = models.EmailField(_("adresse e-mail"), unique=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("adresse d’invité")
        verbose_name_plural = _("adresses d’invités")

    def __str__(self):
        return self.email
