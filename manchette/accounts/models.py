from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's user, in the first migration so it never has to be swapped later."""

    display_name = models.CharField(_("nom affiché"), max_length=80, blank=True)

    class Meta:
        # Readers sign in and comment by address, in any case: every lookup by address (sign-in,
        # the facts of a new comment, a moderator's history of an author) reads this index.
        indexes = [models.Index(Lower("email"), name="accounts_user_email_lower")]
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username
