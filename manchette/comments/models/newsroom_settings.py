"""« Réglages des commentaires »: the newsroom's switches and holding rules, edited in the
Wagtail admin and read by every post through the shared cache."""

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from manchette.core.caching.versions import bump_generation, shared_get, shared_set


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
        _("nombre de liens à partir duquel un commentaire attend"), default=2
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
