"""The daily retention job (privacy/retention.py), run by the worker's clock.

The clock calls it on every tick; it works once a day, for the one worker whose clock takes
the "retention" turn (a row of `ClockTurn`, like the tick itself). `--now` runs it at once.
"""

from django.core.management.base import BaseCommand

from manchette.core.management.commands.worker import take_clock_turn
from manchette.privacy.retention import apply_retention

DAY_SECONDS = 86400


class Command(BaseCommand):
    help = "Forgets personal data past its retention period (daily; --now: at once)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run now, whatever the last run.")

    def handle(self, *args, **options):
        if not options["now"] and not take_clock_turn(name="retention", every=DAY_SECONDS):
            return
        counts = apply_retention()
        if options["verbosity"] > 0:
            for name, count in counts.items():
                self.stdout.write(f"{name}: {count}")
