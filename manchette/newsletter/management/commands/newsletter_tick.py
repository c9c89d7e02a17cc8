"""One tick of the newsletter clock (the worker runs it every 30 s; cron can too)."""

import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger("manchette.worker")


class Command(BaseCommand):
    help = "Sends due scheduled issues, automatic letters and alerts; resumes interrupted sends."

    def handle(self, *args, **options):
        from manchette.newsletter.scheduling import run_due_sends

        try:
            run_due_sends()
        except Exception:  # the clock must keep ticking for the other jobs
            logger.exception("Newsletter clock failed")
