"""Reader reactions to an article: the kinds the newsroom offers, one reaction per reader, and
per-article counters so reading the counts never scans the votes."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from manchette.accounts.readers import CappedByNetwork, network_cap_constraints
from manchette.reactions.icons import ReactionIcon, icon_svg

KINDS_CACHE_KEY = "reactions:kinds"
COUNTS_CACHE_KEY = "reactions:counts:{article_id}"
COUNTS_CACHE_SECONDS = 300


class ReactionKindQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).order_by("sort_order", "pk")

    def offered(self):
        """The active kinds as plain dicts, in order: one query, then a cache hit."""
        kinds = cache.get(KINDS_CACHE_KEY)
        if kinds is None:
            kinds = [
                {"id": k.pk, "slug": k.slug, "label": k.label, "icon_html": k.icon_html}
                for k in self.active()
            ]
            cache.set(KINDS_CACHE_KEY, kinds, timeout=None)
        return kinds


class ReactionKind(Orderable):
    """A reaction readers can give (instructif, surprenant…): edited by the newsroom."""

    label = models.CharField(_("libellé"), max_length=40)
    slug = models.SlugField(
        _("identifiant"),
        max_length=40,
        unique=True,
        allow_unicode=False,
        help_text=_("Sans accents ni espaces ; ne le changez plus une fois en ligne."),
    )
    icon = models.CharField(
        _("icône"),
        max_length=16,
        choices=ReactionIcon.choices,
        blank=True,
        help_text=_("Une icône fournie avec le site (dessin en ligne, identique partout)."),
    )
    emoji = models.CharField(
        _("ou émoji"),
        max_length=16,
        blank=True,
        help_text=_("Un émoji à la place de l’icône (par exemple 💡) ; laissez vide sinon."),
    )
    active = models.BooleanField(
        _("proposée aux lecteurs"),
        default=True,
        help_text=_("Décochez pour ne plus la proposer, sans perdre les réactions passées."),
    )

    objects = ReactionKindQuerySet.as_manager()

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("icon"), FieldPanel("emoji")]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("type de réaction")
        verbose_name_plural = _("types de réaction")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.label

    def clean(self):
        if not self.icon and not self.emoji:
            raise ValidationError({"icon": _("Choisissez une icône ou saisissez un émoji.")})

    def save(self, *args, **kwargs):
        if self.sort_order is None:
            last = ReactionKind.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    @property
    def icon_html(self):
        """The emoji when there is one, else the shipped inline SVG; decorative either way."""
        if self.emoji:
            return format_html(
                '<span class="reactions__emoji" aria-hidden="true">{}</span>', self.emoji
            )
        return icon_svg(self.icon)

    icon_html.fget.short_description = _("icône")


class ReactionQuerySet(models.QuerySet):
    def of_reader(self, reader):
        return self.filter(**reader.lookup)

    def since(self, moment):
        return self.filter(updated_at__gte=moment)

    def most_reacted(self, since=None, kind=None, section=None, limit=10):
        """Articles with the most reactions given since `since` (a week by default), best first."""
        since = since or timezone.now() - timedelta(days=7)
        reactions = self.since(since).filter(article__live=True)
        if kind is not None:
            reactions = reactions.filter(kind=kind)
        if section is not None:
            reactions = reactions.filter(article__section=section)
        return list(
            reactions.values("article_id", "article__title", "article__section__title")
            .annotate(total=Count("pk"))
            .order_by("-total", "article_id")[:limit]
        )


class Reaction(CappedByNetwork):
    """One reader's current reaction to one article: a signed-in user, or an anonymous token
    (which also takes one of its network's few slots on the article)."""

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    kind = models.ForeignKey(
        ReactionKind, verbose_name=_("réaction"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lecteur inscrit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    # The random identifier carried by the reader's signed token (never the signed value).
    reader_token = models.CharField(_("jeton du lecteur"), max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("réaction")
        verbose_name_plural = _("réactions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"],
                condition=Q(user__isnull=False),
                name="reaction_one_per_user_and_article",
            ),
            models.UniqueConstraint(
                fields=["article", "reader_token"],
                condition=~Q(reader_token=""),
                name="reaction_one_per_token_and_article",
            ),
            # Exactly one identity: an account or a token.
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(reader_token=""))
                | (Q(user__isnull=True) & ~Q(reader_token="")),
                name="reaction_has_one_identity",
            ),
            *network_cap_constraints("article", "reaction"),
        ]

    def __str__(self):
        return f"{self.kind} — {self.article_id}"


class ArticleReactionCountQuerySet(models.QuerySet):
    def counts_for(self, article_id):
        """{kind_id: count} for an article: a cache hit, or one query."""
        key = COUNTS_CACHE_KEY.format(article_id=article_id)
        counts = cache.get(key)
        if counts is None:
            counts = dict(self.filter(article_id=article_id).values_list("kind_id", "count"))
            cache.set(key, counts, timeout=COUNTS_CACHE_SECONDS)
        return counts


class ArticleReactionCount(models.Model):
    """How many readers currently give each reaction to an article; kept by the services."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="reaction_counts"
    )
    kind = models.ForeignKey(ReactionKind, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(default=0)

    objects = ArticleReactionCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("compteur de réactions")
        verbose_name_plural = _("compteurs de réactions")
        constraints = [
            models.UniqueConstraint(fields=["article", "kind"], name="reaction_count_per_kind"),
        ]

    def __str__(self):
        return f"{self.article_id} / {self.kind_id}: {self.count}"
