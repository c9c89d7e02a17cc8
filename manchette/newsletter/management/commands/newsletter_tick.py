"""One tick of the newsletter clock (the worker runs it every 30 s; cron can too)."""

from manchette.core.management.clock import ClockJobCommand


class Command(ClockJobCommand):
    help = "Sends due scheduled issues, automatic letters and alerts; resumes interrupted sends."

    def job(self):
        from manchette.newsletter.scheduling import run_due_sends

        return run_due_sends()
