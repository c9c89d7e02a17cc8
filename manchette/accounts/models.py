from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's user, in the first migration so it never has to be swapped later."""

    display_name = models.CharField(_("nom affiché"), max_length=80, blank=True)

    class Meta:
        # Readers sign in and comment by address, in any case: every lookup by address (sign-in,
        # the facts of a new comment, a moderator's history of an author) reads this index.
        indexes = [models.Index(Lower("email"), name="accounts_user_email_lower")]
        constraints = [
            # One account per address in any case, enforced by the database (two first uses
            # of a sign-in link at once cannot create two). Staff may be created without one.
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="accounts_user_email_ci_unique"
            )
        ]
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username


class ProvenBrowser(models.Model):
    """A browser that proved, by the POST of an emailed confirmation page, that its reader
    reads `email`. The browser keeps only a random id (the reader cookie, `accounts.readers`);
    the row keeps its keyed hash (`proof.nonce_key`), so a stolen database names no usable
    cookie nor that browser's anonymous votes, and deleting the row forgets the browser."""

    nonce_hash = models.CharField(max_length=64)
    email = models.EmailField(_("adresse e-mail"))
    name = models.CharField(_("nom affiché"), max_length=80, blank=True)
    proven_at = models.DateTimeField(_("prouvée le"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nonce_hash", "email"], name="accounts_browser_unique")
        ]
        indexes = [models.Index(fields=["email"], name="accounts_browser_email")]
        verbose_name = _("navigateur prouvé")
        verbose_name_plural = _("navigateurs prouvés")

    def __str__(self):
        return self.email
