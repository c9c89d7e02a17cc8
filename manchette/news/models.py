import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.images.models import Image
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from manchette.core.caching.cached_pages import CachedPageMixin
from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.caching.versions import (
    SHARED_COPY_SECONDS,
    SITE_VERSION_KEY,
    LocalEntries,
    read_versions,
    request_memo,
    scope_key,
)
from manchette.core.frenchtext import search_document
from manchette.core.pagination import cursor_of, listing_page, old_page_redirect
from manchette.core.prepared import PreparedQuery
from manchette.core.visibility import VisiblePageQuerySet
from manchette.news.blocks import ArticleBodyBlock
from manchette.news.forms import ArticlePageForm
from manchette.news.panels import HookedPanel

ARTICLES_PER_PAGE = 12
LATEST_PER_SECTION = 4
# Renditions shown in lists of teasers (components/teaser.html), fetched with the articles.
TEASER_RENDITIONS = ("fill-480x270", "fill-960x540")
# Columns no teaser, feed item or front page shows, left out of listings (a feed item's guid
# reads `translation_key`: kept): the body's JSON
# alone was decoded for every teaser, and each column read is converted and set on the
# instance (a listing of 25 articles: 1.4 CPU ms less).
NOT_IN_TEASERS = (
    "body",
    "search_document",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
    "source",
    "dateline",
    "seo_title",
    "search_description",
    "draft_title",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "show_in_menus",
    "has_unpublished_changes",
    "alias_of",
    "latest_revision",
    "live_revision",
)


class SectionPage(CachedPageMixin, Page):
    """A rubrique (International, France, Économie…): the parent of its articles."""

    intro = models.TextField(_("présentation"), blank=True)
    menu_order = models.PositiveSmallIntegerField(_("ordre dans le menu"), default=0)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.ArticlePage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("menu_order")]

    objects = PageManager.from_queryset(VisiblePageQuerySet)()

    class Meta:
        verbose_name = _("rubrique")
        verbose_name_plural = _("rubriques")

    def serve(self, request, *args, **kwargs):
        articles = ArticlePage.objects.listing().filter(section=self)
        return old_page_redirect(request, articles, ARTICLES_PER_PAGE) or super().serve(
            request, *args, **kwargs
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.listing().filter(section=self)
        cursor = cursor_of(request)
        members = ArticlePage.objects.filter(section=self)
        # Lazy: read only when the listing's fragment is rendered (see the template).
        context["articles"] = SimpleLazyObject(
            lambda: listing_page(articles, cursor, ARTICLES_PER_PAGE, members)
        )
        return context


class AuthorIndexPage(CachedPageMixin, Page):
    """The newsroom's list of authors (/auteurs/)."""

    intro = models.TextField(_("présentation"), blank=True)

    # The site has one list of authors.
    max_count = 1
    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.AuthorPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("liste des auteurs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = (
            AuthorPage.objects.visible()
            .child_of(self)
            .prefetch_related(
                Prefetch("photo", queryset=Image.objects.prefetch_renditions("fill-96x96"))
            )
            .order_by("title")
        )
        return context


class AuthorPage(CachedPageMixin, Page):
    """A journalist: bio, photo and their articles."""

    role = models.CharField(_("fonction"), max_length=120, blank=True)
    bio = models.TextField(_("biographie"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte dans l’administration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_page",
        help_text=_("Ses nouveaux articles sont signés de son nom d’office."),
    )

    objects = PageManager.from_queryset(VisiblePageQuerySet)()

    parent_page_types = ["news.AuthorIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def serve(self, request, *args, **kwargs):
        articles = ArticlePage.objects.listing().filter(author_links__author=self)
        return old_page_redirect(request, articles, ARTICLES_PER_PAGE) or super().serve(
            request, *args, **kwargs
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.listing().filter(author_links__author=self)
        members = ArticlePage.objects.filter(author_links__author=self)
        context["articles"] = listing_page(articles, cursor_of(request), ARTICLES_PER_PAGE, members)
        return context


class InfoPage(CachedPageMixin, Page):
    """A page of its own under the home page, outside the news: « Mentions légales »,
    « Qui sommes-nous », « Nous contacter »… (a WordPress site's pages are imported as these).
    Its body has the article's blocks."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("contenu"), blank=True)

    objects = PageManager.from_queryset(VisiblePageQuerySet)()

    parent_page_types = ["core.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("page d’information")
        verbose_name_plural = _("pages d’information")


class ArticleQuerySet(VisiblePageQuerySet):
    def listing(self):
        """Articles the public may see, newest first, with what a list of teasers shows, in
        three queries (and none of what it does not: `NOT_IN_TEASERS`)."""
        return (
            self.visible()
            .defer(*NOT_IN_TEASERS)
            .select_related("section")
            .prefetch_related(
                Prefetch("author_links", queryset=ArticleAuthor.objects.byline()),
                Prefetch(
                    "lead_image", queryset=Image.objects.prefetch_renditions(*TEASER_RENDITIONS)
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def front_page(self):
        """The lead story and each section's latest articles, in a constant number of queries,
        each an index seek (none reads the archive: its size changes nothing).

        The newest FRONT_WINDOW articles come in one seek of the index on
        (first_published_at, id): enough for every rubrique that publishes at all often. A
        rubrique still short of LATEST_PER_SECTION after them (one that seldom publishes)
        is looked up on its own, in one more query for all such rubriques. The rubriques are
        read once and given to their articles (no join: the same few instances)."""
        window = FRONT_NEWEST.all(FRONT_WINDOW)
        lead = FRONT_LEAD.first() or (window[0][0] if window else None)
        sections = {section.pk: section for section in FRONT_SECTIONS.all()}
        latest = {pk: [] for pk in sections}
        for pk, section_id in window:
            keys = latest.get(section_id)
            if pk != lead and keys is not None and len(keys) < LATEST_PER_SECTION:
                keys.append(pk)
        short = [pk for pk, keys in latest.items() if len(keys) < LATEST_PER_SECTION]
        if short and len(window) == FRONT_WINDOW:
            latest.update(_section_latest(short, lead))
        wanted = {pk for keys in latest.values() for pk in keys}
        lead_article, by_section = None, {}
        articles = FRONT_ARTICLES.all([*wanted, lead] if lead else wanted)
        attach_teaser_rows(articles)
        for article in articles:  # newest first
            if article.section_id in sections:
                ArticlePage.section.field.set_cached_value(article, sections[article.section_id])
            if article.pk == lead:
                lead_article = article
            else:
                by_section.setdefault(article.section, []).append(article)
        sections = sorted(by_section.items(), key=lambda item: (item[0].menu_order, item[0].title))
        return {"lead": lead_article, "sections": sections}

    def published_since(self, since):
        return self.visible().filter(first_published_at__gte=since)


class ArticlePage(CachedPageMixin, Page):
    """A news article, in the order of the reference page."""

    kicker = models.CharField(_("surtitre"), max_length=80, blank=True)
    standfirst = models.TextField(_("chapô"), max_length=600)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("corps de l’article"))
    section = models.ForeignKey(
        SectionPage,
        verbose_name=_("rubrique"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    source = models.CharField(
        _("source / crédit"), max_length=120, blank=True, help_text=_("Par exemple « avec AFP ».")
    )
    dateline = models.CharField(_("lieu"), max_length=80, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(_("texte alternatif de l’image"), max_length=250, blank=True)
    lead_image_caption = models.CharField(_("légende"), max_length=250, blank=True)
    lead_image_credit = models.CharField(_("crédit photo"), max_length=120, blank=True)
    featured = models.BooleanField(
        _("à la une"), default=False, help_text=_("Mis en avant en tête de la page d’accueil.")
    )
    search_document = models.TextField(editable=False, blank=True, default="")
    # The id an imported article had in its old site's feeds (WordPress's guid): readers
    # that knew it do not take it for a new article. Empty for ours (feeds.py).
    feed_guid = models.CharField(
        _("identifiant dans les flux"), max_length=255, blank=True, default="", editable=False
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

    base_form_class = ArticlePageForm
    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = [
        FieldPanel("kicker"),
        TitleFieldPanel("title", heading=_("Titre")),
        FieldPanel("standfirst"),
        MultipleChooserPanel(
            "author_links",
            chooser_field_name="author",
            heading=_("Auteurs"),
            label=_("Auteur"),
            help_text=_("Dans l’ordre de la signature ; glissez pour changer l’ordre."),
        ),
        FieldRowPanel([FieldPanel("source"), FieldPanel("dateline")], heading=_("Signature")),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading=_("Image principale"),
        ),
        FieldPanel("body"),
        FieldPanel("featured"),
        HookedPanel(heading=_("Sujets de l’article")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # The front page's lead: the newest featured article, however few there are.
            models.Index(
                fields=["page_ptr"], condition=Q(featured=True), name="news_article_featured"
            )
        ]

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and isinstance(parent.specific, SectionPage):
            self.section = parent.specific
        self.search_document = search_document(self.title, self.standfirst, self.plain_text())
        return super().save(*args, **kwargs)

    @property
    def authors(self):
        """The byline's authors, in order (also in a preview, from the unsaved draft)."""
        kept = {
            **getattr(self, "_prefetched_objects_cache", {}),  # a listing's, with the authors
            **getattr(self, "_cluster_related_objects", {}),  # a draft's, not saved
        }
        if "author_links" in kept or not self.pk:
            links = self.author_links.all()
        else:
            links = BYLINE.all(article_id=self.pk)
        return [link.author for link in links if link.author_id]

    @property
    def updated_at(self):
        """The last publication date, when it differs from the first by more than a few minutes."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and (last - first).total_seconds() > 300:
            return last
        return None

    @property
    def image_alt(self):
        return self.lead_image_alt or (self.lead_image.title if self.lead_image else "")

    def social_image_url(self):
        """Absolute URL of the 1200×630 picture shown when the article is shared."""
        if not self.lead_image:
            return ""
        url = self.lead_image.get_rendition("fill-1200x630").url
        return url if url.startswith("http") else settings.SITE_URL + url

    def plain_text(self):
        parts = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(block.value.source)
            elif block.block_type == "heading":
                parts.append(block.value)
            elif block.block_type == "quote":
                parts.append(block.value["quote"])
        return "\n".join(parts)

    def related_articles(self, limit=3, request=None, scope=None):
        """The rubrique's latest articles but this one. With the `request` and the `scope`
        (the rubrique's path) the page passes, which ones they are is kept in the process
        under the versions the "related" fragment is cached under (see `RELATED_IDS`)."""
        if self.section_id is None or limit != 3:
            return list(_related(self.section_id, self.pk, limit))
        if request is None or scope is None:
            articles = RELATED.all(section_id=self.section_id, pk=self.pk)
        else:
            articles = _related_by_kept_ids(self, request, scope)
        # The rubrique is this article's own: given to each, not joined and read again.
        for article in articles:
            ArticlePage.section.field.set_cached_value(article, self.section)
        attach_teaser_rows(articles)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: worked out only when a fragment of the page is rendered, not when the
        # fragment comes from the cache (see the {% fragment %} tags of the template).
        context["authors"] = SimpleLazyObject(lambda: self.authors)
        # Cached under the rubrique's path: a publication there purges it (article_paths).
        section_url = self.section.url if self.section_id else None
        scope = urlsplit(section_url).path if section_url else request.path
        context["related_scope"] = scope
        context["related"] = SimpleLazyObject(
            lambda: self.related_articles(request=request, scope=scope)
        )
        context["og_image_url"] = SimpleLazyObject(self.social_image_url)
        # Other apps (topics, reactions, comments) add what they show here, also
        # as lazy values.
        for provider in hooks.get_hooks("manchette_article_context"):
            context.update(provider(self, request) or {})
        return context


class ArticleAuthorQuerySet(models.QuerySet):
    def byline(self):
        return self.select_related("author").order_by("sort_order", "pk")


class ArticleAuthor(Orderable):
    """One name of an article's byline, in its place."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(
        AuthorPage, verbose_name=_("auteur"), on_delete=models.CASCADE, related_name="article_links"
    )

    objects = ArticleAuthorQuerySet.as_manager()

    panels = [PageChooserPanel("author", "news.AuthorPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur de l’article")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="news_article_author_once")
        ]


def _related(section_id, pk, limit=3):
    return ArticlePage.objects.listing().filter(section_id=section_id).exclude(pk=pk)[:limit]


# "À lire aussi", on every article: prepared once per process (core/prepared.py), once for
# each state of the site's view restrictions (the listing's condition depends on it). What
# the listing prefetches comes from prepared queries too (`attach_teaser_rows`).
RELATED = PreparedQuery(
    lambda section_id, pk: _related(section_id, pk).select_related(None).prefetch_related(None),
    state=any_view_restriction,
    section_id=int,
    pk=int,
)


# Which articles "À lire aussi" shows, kept in each process: the query sorts the rubrique's
# whole list by date (hundreds of rows) to find three. Kept under what the "related" fragment
# is cached under: the site version (purge_site: a move, a view restriction) and the
# rubrique's path's "content" version, which every publication or unpublication of one of its
# articles bumps (news.signals.article_paths), plus the article and the view-restrictions
# state; again after RELATED_IDS_SECONDS, like the processes' copies of shared values. The
# rows themselves are read afresh, through `visible()`: what is no longer public never shows.
RELATED_IDS = LocalEntries(size=2048)
RELATED_IDS_SECONDS = SHARED_COPY_SECONDS


def _related_ids_key(article, request, scope):
    memo = request_memo(request)
    versions = read_versions([SITE_VERSION_KEY, scope_key("content", scope)], memo)
    return (*versions, article.section_id, article.pk, any_view_restriction())


def _related_by_kept_ids(article, request, scope):
    key = _related_ids_key(article, request, scope)
    entry = RELATED_IDS.get(key)
    now = time.time()
    if entry is not None and entry[0] > now:
        order = {pk: n for n, pk in enumerate(entry[1])}
        articles = RELATED_BY_IDS.all(entry[1]) if order else []
        articles.sort(key=lambda found: order[found.pk])
        return articles
    articles = RELATED.all(section_id=article.section_id, pk=article.pk)
    RELATED_IDS.set(key, (now + RELATED_IDS_SECONDS, tuple(found.pk for found in articles)))
    return articles


class PreparedIds:
    """A query on a list of ids (`build(ids)` filters `__in` them), prepared once per list
    size: the ids are padded with 0, which no row has, to the next power of two (at least
    4), so that a page listing 25 articles and one listing 3 each run a compiled query. A
    list longer than PREPARED_IDS_MAX is built afresh, as Django would."""

    def __init__(self, build, state=None):
        self.build, self.state, self.by_size = build, state, {}

    def _prepared(self, size):
        prepared = self.by_size.get(size)
        if prepared is None:
            kinds = {f"id{n}": int for n in range(size)}
            prepared = PreparedQuery(
                lambda **ids: self.build(list(ids.values())), state=self.state, **kinds
            )
            prepared = self.by_size.setdefault(size, prepared)
        return prepared

    def all(self, ids):
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        if len(ids) > PREPARED_IDS_MAX:
            return list(self.build(ids))
        size = 4
        while size < len(ids):
            size *= 2
        values = ids + [0] * (size - len(ids))
        return self._prepared(size).all(**{f"id{n}": pk for n, pk in enumerate(values)})


PREPARED_IDS_MAX = 256
# The articles of "À lire aussi" by their kept ids (`_related_by_kept_ids`): public ones only.
RELATED_BY_IDS = PreparedIds(
    lambda ids: (
        ArticlePage.objects.listing().filter(pk__in=ids).select_related(None).prefetch_related(None)
    ),
    state=any_view_restriction,
)
TEASER_BYLINES = PreparedIds(lambda ids: ArticleAuthor.objects.byline().filter(article_id__in=ids))
TEASER_IMAGES = PreparedIds(lambda ids: Image.objects.filter(pk__in=ids))
TEASER_IMAGE_RENDITIONS = PreparedIds(
    lambda ids: Image.get_rendition_model().objects.filter(
        image_id__in=ids, filter_spec__in=TEASER_RENDITIONS
    )
)


def attach_teaser_rows(articles):
    """What `listing()` prefetches for teasers (bylines, lead images and their renditions),
    for a list of articles, through prepared queries (`PreparedIds`), kept where Django's
    prefetch keeps them: the same queries, without building them again on every page."""
    if not articles:
        return
    links = {article.pk: [] for article in articles}
    for link in TEASER_BYLINES.all(links):
        links[link.article_id].append(link)
    for article in articles:
        byline = ArticleAuthor.objects.all()
        byline._result_cache, byline._prefetch_done = links[article.pk], True
        article._prefetched_objects_cache = {"author_links": byline}
    image_ids = [article.lead_image_id for article in articles if article.lead_image_id]
    if not image_ids:
        return
    images = {image.pk: image for image in TEASER_IMAGES.all(image_ids)}
    for image in images.values():
        image.prefetched_renditions = []
    for rendition in TEASER_IMAGE_RENDITIONS.all(images):
        image = images[rendition.image_id]
        type(rendition).image.field.set_cached_value(rendition, image)  # as a prefetch does
        image.prefetched_renditions.append(rendition)
    for article in articles:
        if article.lead_image_id:
            ArticlePage.lead_image.field.set_cached_value(
                article, images.get(article.lead_image_id)
            )


# The byline of one article, as `author_links.all()` reads it, with the authors.
BYLINE = PreparedQuery(
    lambda article_id: ArticleAuthor.objects.filter(article_id=article_id).select_related("author"),
    article_id=int,
)


# The flash info model lives in its own module; Django finds the app's models here.
from manchette.news.flash_info import (  # noqa: E402
    PRIORITY_RANK,
    Flash,
    FlashPriority,
    FlashQuerySet,
    FlashState,
    FlashStatus,
)

__all__ = [
    "PRIORITY_RANK",
    "ArticleAuthor",
    "ArticlePage",
    "AuthorIndexPage",
    "AuthorPage",
    "Flash",
    "FlashPriority",
    "FlashQuerySet",
    "FlashState",
    "FlashStatus",
    "SectionPage",
]


# The front page (`ArticleQuerySet.front_page`): prepared once per process (core/prepared.py),
# for each state of the site's view restrictions.
FRONT_WINDOW = 100


def _newest_visible():
    return ArticlePage.objects.visible().order_by("-first_published_at", "-pk")


FRONT_NEWEST = PreparedQuery(
    lambda size: _newest_visible().values_list("pk", "section_id")[:size],
    variants=True,
    state=any_view_restriction,
)
FRONT_LEAD = PreparedQuery(
    lambda: _newest_visible().filter(featured=True).values_list("pk", flat=True)[:1],
    state=any_view_restriction,
)
FRONT_SECTIONS = PreparedQuery(
    lambda: SectionPage.objects.visible().order_by("path"), state=any_view_restriction
)


# The front page's articles, with what their teasers show (`attach_teaser_rows`): prepared
# once per size of the list (`PreparedIds`) and state of the view restrictions.
FRONT_ARTICLES = PreparedIds(
    lambda ids: (
        ArticlePage.objects.listing().select_related(None).prefetch_related(None).filter(pk__in=ids)
    ),
    state=any_view_restriction,
)


def _section_latest(section_ids, lead):
    """{section id: its latest LATEST_PER_SECTION article ids but the lead}, for rubriques
    that the front page's window did not fill: one row per rubrique, each key a scalar
    subquery (the n-th newest: LIMIT 1 OFFSET n)."""
    latest = _newest_visible().exclude(pk=lead).filter(section=OuterRef("pk")).values_list("pk")
    columns = {f"latest_{n}": Subquery(latest[n : n + 1]) for n in range(LATEST_PER_SECTION)}
    rows = SectionPage.objects.filter(pk__in=section_ids).annotate(**columns)
    return {
        pk: [key for key in keys if key is not None]
        for pk, *keys in rows.values_list("pk", *columns)
    }
