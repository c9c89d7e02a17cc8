"""What the importer brought over, keyed on (site, kind, WordPress id): a second run finds it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    AUTHOR = "author", _("auteur")
    CATEGORY = "category", _("catégorie")
    TAG = "tag", _("étiquette")
    ATTACHMENT = "attachment", _("fichier joint")
    POST = "post", _("article")
    PAGE = "page", _("page")
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


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("en attente")
    RUNNING = "running", _("en cours")
    DONE = "done", _("terminé")
    FAILED = "failed", _("échoué")


class ImportRun(models.Model):
    """An import started from the admin: its file, where it is, and its report."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("lancé le"), default=timezone.now)
    file_name = models.CharField(_("fichier"), max_length=255)
    # Under VAR_DIR/imports, never under MEDIA_ROOT: an export holds commenters' addresses.
    path = models.CharField(max_length=500, editable=False)
    dry_run = models.BooleanField(_("essai à blanc"), default=False)
    status = models.CharField(
        _("état"), max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    report = models.JSONField(default=dict, blank=True)
    lines = models.TextField(blank=True, default="")
    exit_code = models.SmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("import WordPress")
        verbose_name_plural = _("imports WordPress")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name
