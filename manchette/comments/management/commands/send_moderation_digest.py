"""Sends the moderators' digest of what waits, when it is due (run by the worker clock)."""

import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger("manchette.comments")


class Command(BaseCommand):
    help = "Envoie aux modérateurs le récapitulatif des commentaires en attente et signalés."

    def handle(self, *args, **options):
        from manchette.comments.moderation_digest import send_moderation_digest

        try:
            sent = send_moderation_digest()
        except Exception:  # the clock must keep ticking
            logger.exception("Moderation digest failed")
            return
        if options["verbosity"] > 1:
            self.stdout.write(f"{sent} récapitulatif(s) envoyé(s)")
