"""Topics (people, places, organisations, themes), their aliases and where articles mention them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from manchette.core.visibility import visible_q
from manchette.topics.names import normalise_name


class TopicKind(models.TextChoices):
    PERSON = "person", _("Personne")
    PLACE = "place", _("Lieu")
    ORGANISATION = "organisation", _("Organisation")
    THEME = "theme", _("Thème")


class TopicQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed=True)

    def with_article_counts(self):
        return self.annotate(
            article_count=models.Count(
                "mentions",
                filter=visible_q("mentions__article__"),
            )
        )


class Topic(index.Indexed, ClusterableModel):
    """A person, place, organisation or theme, with a page listing the articles about it."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(
        _("adresse"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Laisser vide pour la déduire du nom."),
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=TopicKind.choices, default=TopicKind.THEME
    )
    description = models.TextField(_("présentation"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed = models.BooleanField(
        _("confirmé"),
        default=True,
        help_text=_("Seuls les sujets confirmés sont liés dans les articles."),
    )
    normalised_name = models.CharField(max_length=200, editable=False, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("confirmed")],
            heading=_("Sujet"),
        ),
        FieldPanel("description"),
        FieldPanel("image"),
        InlinePanel("aliases", heading=_("Autres noms"), label=_("autre nom")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        self.normalised_name = normalise_name(self.name)
        if not self.normalised_name:
            raise ValidationError({"name": _("Le nom ne peut pas être vide.")})
        clash = Topic.objects.exclude(pk=self.pk).filter(normalised_name=self.normalised_name)
        alias_clash = TopicAlias.objects.filter(normalised=self.normalised_name).exclude(
            topic_id=self.pk
        )
        if clash.exists() or alias_clash.exists():
            raise ValidationError({"name": _("Un sujet porte déjà ce nom (ou cet autre nom).")})

    def save(self, *args, **kwargs):
        self.normalised_name = normalise_name(self.name)
        if not self.slug:
            self.slug = unique_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("topics:detail", args=[self.slug])

    @property
    def url(self):
        return self.get_absolute_url()

    def names(self):
        """The topic's name and every alias, as written."""
        return [self.name, *(alias.name for alias in self.aliases.all())]


def unique_slug(name, exclude_pk=None):
    base = slugify(name)[:180] or "sujet"
    slug, counter = base, 2
    while Topic.objects.exclude(pk=exclude_pk).filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


class TopicAlias(models.Model):
    """Another way of writing a topic's name ("ONU" for "Organisation des Nations unies")."""

    topic = ParentalKey(Topic, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("autre nom"), max_length=200)
    normalised = models.CharField(max_length=200, editable=False)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("autre nom")
        verbose_name_plural = _("autres noms")
        constraints = [
            models.UniqueConstraint(fields=["normalised"], name="topic_alias_unique_normalised")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.normalised = normalise_name(self.name)
        if not self.normalised:
            raise ValidationError({"name": _("L’autre nom ne peut pas être vide.")})
        topic_id = self.topic_id if self.topic_id else None
        clash = TopicAlias.objects.exclude(pk=self.pk).filter(normalised=self.normalised)
        name_clash = Topic.objects.filter(normalised_name=self.normalised).exclude(pk=topic_id)
        if clash.exists() or name_clash.exists():
            raise ValidationError({"name": _("Ce nom désigne déjà un autre sujet.")})


class ArticleTopicQuerySet(models.QuerySet):
    def live(self):
        return self.filter(article__live=True)


class ArticleTopic(models.Model):
    """An article mentions a topic (`linked` when its first mention is a link)."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="topic_mentions"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)
    linked = models.BooleanField(default=False)

    objects = ArticleTopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("mention d’un sujet")
        verbose_name_plural = _("mentions de sujets")
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="article_topic_unique")
        ]

    def __str__(self):
        return f"{self.article_id} → {self.topic_id}"


class ArticleLinking(models.Model):
    """Per-article linking state: switch, removed links and the stored linked body."""

    article = models.OneToOneField(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="topic_linking",
    )
    enabled = models.BooleanField(_("liens automatiques activés"), default=True)
    removed_topic_ids = models.JSONField(_("liens retirés"), default=list, blank=True)
    linked_body_html = models.TextField(blank=True, default="")
    # Hash of the body the stored HTML was made from: a stale copy is never shown.
    body_fingerprint = models.CharField(max_length=64, blank=True, default="")
    # What the article page shows under the body, so a page view costs one query.
    topics_json = models.JSONField(default=list, blank=True)
    linked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("liens de l’article")
        verbose_name_plural = _("liens des articles")

    def __str__(self):
        return str(self.article_id)


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("À examiner")
    CONFIRMED = "confirmed", _("Confirmée")
    REJECTED = "rejected", _("Rejetée")


class TopicSuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=SuggestionStatus.PENDING)


class TopicSuggestion(models.Model):
    """A name the entity recogniser found that is no topic yet; rejected names stay rejected."""

    name = models.CharField(_("nom"), max_length=200)
    normalised = models.CharField(max_length=200, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=TopicKind.choices)
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    articles = models.ManyToManyField(
        "news.ArticlePage", related_name="topic_suggestions", blank=True
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("sujet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TopicSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion de sujet")
        verbose_name_plural = _("suggestions de sujets")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["normalised"], name="topic_suggestion_unique_name")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class TopicFollow(models.Model):
    """A reader follows a topic by email (double opt-in)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")
    email = models.EmailField(_("adresse e-mail"))
    confirmed = models.BooleanField(_("confirmé"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement à un sujet")
        verbose_name_plural = _("abonnements aux sujets")
        constraints = [
            models.UniqueConstraint(fields=["topic", "email"], name="topic_follow_unique_email")
        ]

    def __str__(self):
        return f"{self.email} → {self.topic_id}"


class NotificationState(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENT = "sent", _("Envoyée")


class TopicNotificationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=NotificationState.PENDING)


class TopicNotification(models.Model):
    """One follower is to be told (or was told) about one new article on a topic they follow.

    The unique (follow, article) pair makes queueing idempotent; the state makes sending
    resumable: a digest's rows turn `sent` in the same transaction as its email leaves.
    """

    follow = models.ForeignKey(TopicFollow, on_delete=models.CASCADE, related_name="notifications")
    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="topic_notifications"
    )
    state = models.CharField(
        _("état"),
        max_length=10,
        choices=NotificationState.choices,
        default=NotificationState.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = TopicNotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification d’un sujet suivi")
        verbose_name_plural = _("notifications des sujets suivis")
        constraints = [
            models.UniqueConstraint(
                fields=["follow", "article"], name="topic_notification_unique_follow_article"
            )
        ]
        indexes = [models.Index(fields=["state", "created_at"], name="topic_notif_state_created")]

    def __str__(self):
        return f"{self.follow_id} ← {self.article_id} ({self.state})"
