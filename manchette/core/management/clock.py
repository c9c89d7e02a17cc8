"""The shape of a job the worker's clock runs on every tick (CLOCK_COMMANDS): one call, and
a failure is logged, never raised, so the clock keeps ticking for the other jobs and the
rows the job works on stay queued for the next tick."""

import logging

from django.core.management.base import BaseCommand


class ClockJobCommand(BaseCommand):
    """Subclasses name the `job` (a callable returning how many things it did, or None), the
    `logger` its failures go to, and `done` (a format for the count, shown with -v 2)."""

    logger = "manchette.worker"
    done = ""

    def job(self):
        raise NotImplementedError

    def handle(self, *args, **options):
        try:
            count = self.job()
        except Exception:
            logging.getLogger(self.logger).exception("%s failed", self.__module__)
            return
        if self.done and options["verbosity"] > 1:
            self.stdout.write(self.done.format(count=count))
