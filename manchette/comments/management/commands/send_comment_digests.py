"""Sends the comment notification digests that are due (run by the worker clock)."""

from manchette.core.management.clock import ClockJobCommand


class Command(ClockJobCommand):
    help = "Envoie les notifications de commentaires en attente (une par abonné et par rafale)."
    logger = "manchette.comments"
    done = "{count} notification(s) envoyée(s)"

    def job(self):
        from manchette.comments.notifications import send_due_notifications

        return send_due_notifications()
