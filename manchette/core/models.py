from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from manchette.core.caching.cached_pages import CachedPageMixin


class HomePage(CachedPageMixin, Page):
    """The front page: the lead story, then the latest articles of each section."""

    intro = models.CharField(_("accroche"), max_length=200, blank=True)

    # One front page per site: everything else hangs below it.
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.AuthorIndexPage", "news.InfoPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("page d’accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What the front page lists belongs to the apps that own it (news: the lead story and
        # the sections), which fill it in through the `manchette_front_page_context` hook.
        for fill in hooks.get_hooks("manchette_front_page_context"):
            fill(context)
        return context


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("x", "X"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("tiktok", "TikTok"),
]


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What the newsroom changes without a developer: identity, social accounts, policies."""

    site_name = models.CharField(_("nom du site"), max_length=80, default="Manchette")
    tagline = models.CharField(_("devise"), max_length=140, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    facebook = models.URLField(_("Facebook"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    mastodon = models.URLField(_("Mastodon"), blank=True)
    bluesky = models.URLField(_("Bluesky"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    newsletter_policy = RichTextField(
        _("texte d’inscription à la newsletter"),
        blank=True,
        features=["bold", "italic", "link"],
        default="Inscrivez-vous pour suivre toute notre actualité.",
    )
    comment_policy = RichTextField(
        _("charte des commentaires"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in SOCIAL_NETWORKS], heading=_("Réseaux sociaux")
        ),
        MultiFieldPanel(
            [FieldPanel("newsletter_policy"), FieldPanel("comment_policy")], heading=_("Textes")
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")

    def __str__(self):
        return self.site_name

    @classmethod
    def current(cls):
        """The settings, from the cache: kept under the site's version, which `purge_site`
        renews whenever they are saved."""
        from manchette.core.caching.versions import shared_get, shared_set, under_site_version

        key = under_site_version("chrome:settings")
        settings = shared_get(key)
        if settings is None:
            settings = cls.load()
            if settings.logo_id:
                settings.logo  # noqa: B018 (fetched once, kept with the cached settings)
            shared_set(key, settings, timeout=3600)
        return settings

    def social_links(self):
        return [
            {"network": name, "label": label, "url": getattr(self, name)}
            for name, label in SOCIAL_NETWORKS
            if getattr(self, name)
        ]


class ClockTurn(models.Model):
    """When the worker's clock last started a tick (`manage.py worker`): the row that lets one
    worker of several take a given tick. It lives in the database with the tasks, so that a
    Redis outage does not stop scheduled publishing."""

    name = models.CharField(_("nom"), max_length=40, primary_key=True)
    started_at = models.DateTimeField(_("dernier départ"))

    class Meta:
        verbose_name = _("tour de l’horloge")
        verbose_name_plural = _("tours de l’horloge")

    def __str__(self):
        return self.name
