"""Sends the follow digests that are due: new articles on the topics a reader follows.

Run by the worker clock on each tick; each address gets at most one digest every
TOPICS_DIGEST_MINUTES (default 30), so a burst of articles is one email.
"""

import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger("manchette.topics")


class Command(BaseCommand):
    help = "Envoie les résumés des nouveaux articles aux lecteurs qui suivent des sujets."

    def handle(self, *args, **options):
        from manchette.topics.digests import send_follow_digests

        try:
            sent = send_follow_digests()
        except Exception:  # the clock must keep ticking; the rows stay pending for the next tick
            logger.exception("Topic follow digests failed")
            return
        if options["verbosity"] > 1:
            self.stdout.write(f"{sent} résumé(s) envoyé(s)")
