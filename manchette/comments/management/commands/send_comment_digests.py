"""Sends the comment notification digests that are due (run by the worker clock)."""

import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger("manchette.comments")


class Command(BaseCommand):
    help = "Envoie les notifications de commentaires en attente (une par abonné et par rafale)."

    def handle(self, *args, **options):
        from manchette.comments.notifications import send_due_notifications

        try:
            sent = send_due_notifications()
        except Exception:  # the clock must keep ticking; the rows stay queued for the next tick
            logger.exception("Comment digests failed")
            return
        if options["verbosity"] > 1:
            self.stdout.write(f"{sent} notification(s) envoyée(s)")
