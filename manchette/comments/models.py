"""Comments: explicit states, threads, votes, reports, bans, subscriptions, moderation log."""

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from manchette.accounts.readers import CappedByNetwork, network_cap_constraints
from manchette.core.caching.versions import bump_generation, shared_get, shared_set

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
    NEW_GUEST = "new_guest", _("Premier commentaire d’un invité")
    SUSPECT_WORD = "suspect_word", _("Mot suspect")
    BANNED_WORD = "banned_word", _("Mot interdit")
    LINKS = "links", _("Trop de liens")
    REPEATED = "repeated", _("Texte répété")
    BURST = "burst", _("Rafale depuis une même adresse")
    HISTORY = "history", _("Commentaires récents souvent rejetés")
    REPORTS = "reports", _("Signalé par des lecteurs")
    EDITED = "edited", _("Modifié après publication")


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def for_article(self, article):
        return self.filter(article_id=getattr(article, "pk", article))

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


class VoteValue(models.IntegerChoices):
    UP = 1, _("Pour")
    DOWN = -1, _("Contre")


class CommentVote(CappedByNetwork):
    """One reader's vote; an anonymous reader's also takes one of its network's few slots."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    # "u:<user id>" for a signed-in reader, "v:<token of the reader cookie>" otherwise.
    voter = models.CharField(max_length=64)
    value = models.SmallIntegerField(choices=VoteValue.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        constraints = [
            models.UniqueConstraint(fields=["comment", "voter"], name="one_vote_per_reader"),
            *network_cap_constraints("comment", "comment_vote"),
        ]

    def __str__(self):
        return f"{self.voter} {self.value:+d}"


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Insulte ou harcèlement")
    HATE = "hate", _("Propos haineux ou discriminatoires")
    SPAM = "spam", _("Publicité ou spam")
    FALSE = "false", _("Fausse information")
    OFF_TOPIC = "off_topic", _("Hors sujet")
    OTHER = "other", _("Autre")


class ReportWeight(models.IntegerChoices):
    """What a report adds toward the threshold that sends a comment back to moderation."""

    SETTLED = 0, _("sans poids (déjà compté pour ce réseau, ou tranché par la modération)")
    ANONYMOUS = 1, _("lecteur anonyme")
    ACCOUNT = 2, _("lecteur connecté")


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    # The reader's identity, as for votes ("u:<user id>" or "v:<token>").
    reporter = models.CharField(max_length=64)
    # An anonymous reporter's hashed network bucket (empty for an account).
    network = models.CharField(max_length=32, blank=True, default="", editable=False)
    weight = models.PositiveSmallIntegerField(
        _("poids"), choices=ReportWeight.choices, default=ReportWeight.ANONYMOUS
    )
    reason = models.CharField(_("motif"), max_length=12, choices=ReportReason.choices)
    detail = models.CharField(_("précisions"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader"),
            # Anonymous reports from one network count once: cookies cost nothing to drop.
            models.UniqueConstraint(
                fields=["comment", "network"],
                condition=Q(weight=ReportWeight.ANONYMOUS) & ~Q(network=""),
                name="one_counted_anonymous_report_per_network",
            ),
        ]

    def __str__(self):
        return self.get_reason_display()


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
        # Every post looks its author's address up here (services.posting_facts).
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


class SubscriptionKind(models.TextChoices):
    FOLLOW_UPS = "follow", _("nouveaux commentaires de suivi")
    REPLIES = "replies", _("nouvelles réponses à mes commentaires")


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


class Premoderation(models.TextChoices):
    ALL = "all", _("Tous les commentaires sont relus avant publication")
    FIRST = "first", _("Le premier commentaire d’un invité attend la confirmation de son e-mail")
    NONE = "none", _("Aucune prémodération")


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """« Réglages des commentaires »: the newsroom's holding rules."""

    enabled = models.BooleanField(_("commentaires ouverts sur le site"), default=True)
    premoderation = models.CharField(
        _("prémodération"),
        max_length=8,
        choices=Premoderation.choices,
        default=Premoderation.FIRST,
    )
    banned_words = models.TextField(
        _("mots interdits (commentaire rejeté)"), blank=True, help_text=_("Un mot par ligne.")
    )
    suspect_words = models.TextField(
        _("mots suspects (commentaire mis en attente)"),
        blank=True,
        help_text=_("Un mot par ligne."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("nombre de liens au-delà duquel un commentaire attend"), default=2
    )
    burst_count = models.PositiveSmallIntegerField(
        _("commentaires d’une même adresse en 10 minutes avant mise en attente"), default=5
    )
    hold_repeated = models.BooleanField(_("mettre en attente un texte déjà posté"), default=True)
    hold_bad_history = models.BooleanField(
        _("mettre en attente les auteurs dont les commentaires récents sont surtout rejetés"),
        default=True,
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("signalements qui renvoient un commentaire en modération"), default=3
    )
    max_length = models.PositiveIntegerField(_("longueur maximale (caractères)"), default=4000)
    page_size = models.PositiveSmallIntegerField(
        _("commentaires affichés avant « Voir plus »"), default=20
    )
    gravatar = models.BooleanField(
        _("utiliser Gravatar"),
        default=False,
        help_text=_("Les avatars sont générés par le site ; Gravatar contacte un service tiers."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("enabled"), FieldPanel("premoderation"), FieldPanel("page_size")],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("banned_words"),
                FieldPanel("suspect_words"),
                FieldPanel("max_links"),
                FieldPanel("burst_count"),
                FieldPanel("hold_repeated"),
                FieldPanel("hold_bad_history"),
                FieldPanel("report_threshold"),
                FieldPanel("max_length"),
            ],
            heading=_("Règles de mise en attente"),
        ),
        FieldPanel("gravatar"),
    ]

    class Meta:
        verbose_name = _("Réglages des commentaires")

    @staticmethod
    def word_list(text):
        return [w.strip().lower() for w in (text or "").splitlines() if w.strip()]

    @classmethod
    def cached(cls):
        """The settings, read from the shared cache (one small read instead of a query), through
        this process's copy for the cache's generation (no read at all, on most requests).

        Every save or delete forgets the cached copy and bumps the generation, at once and
        again after the commit, so a change made in the admin applies to the next comment in
        every process.
        """
        found = shared_get(SETTINGS_CACHE_KEY)
        if found is not None:
            # Field values, not a pickled instance: a copy cached before a deploy that added
            # or removed a field still loads (an added field is read from the row if used).
            names = [f.attname for f in cls._meta.concrete_fields if f.attname in found]
            return cls.from_db(DEFAULT_DB_ALIAS, names, [found[name] for name in names])
        obj = cls.load()
        values = {f.attname: getattr(obj, f.attname) for f in cls._meta.concrete_fields}
        shared_set(SETTINGS_CACHE_KEY, values, SETTINGS_CACHE_SECONDS)
        return obj

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_cached_settings()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget_cached_settings()
        return result


SETTINGS_CACHE_KEY = "comments:settings:1"
# Only a bound on a copy cached by a read that raced with a save: saves forget it at once.
SETTINGS_CACHE_SECONDS = 60


def forget_cached_settings():
    def forget():
        cache.delete(SETTINGS_CACHE_KEY)
        bump_generation()  # every process's copy goes too

    forget()
    # A read that started before the commit may have cached the old values meanwhile.
    transaction.on_commit(forget)
