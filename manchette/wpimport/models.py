"""What the importer brought over, keyed on (site, kind, WordPress id): a second run finds it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    AUTHOR = "author", _("auteur")
    CATEGORY = "category", _("catégorie")
    TAG = "tag", _("étiquette")
    ATTACHMENT = "attachment", _("fichier joint")
    POST = "post", _("article")
    COMMENT = "comment", _("commentaire")


class ImportedItem(models.Model):
    """One WordPress object and the Manchette object made from it.

    `digest` is a hash of the WordPress data as last imported (unchanged data: nothing to do);
    `fingerprint` is a hash of the Manchette object as the importer left it (a different
    fingerprint now: someone edited it since, and the importer does not overwrite them).
    """

    site = models.CharField(_("site WordPress"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=ItemKind.choices)
    wp_id = models.BigIntegerField(_("identifiant WordPress"))
    object_id = models.BigIntegerField(_("identifiant Manchette"))
    digest = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64, blank=True, default="")
    imported_at = models.DateTimeField(_("importé le"), default=timezone.now)

    class Meta:
        verbose_name = _("élément importé de WordPress")
        verbose_name_plural = _("éléments importés de WordPress")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "wp_id"], name="one_import_per_wordpress_item"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.wp_id} → {self.object_id}"
