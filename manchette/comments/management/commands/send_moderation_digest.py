"""Sends the moderators' digest of what waits, when it is due (run by the worker clock)."""

from manchette.core.management.clock import ClockJobCommand


class Command(ClockJobCommand):
    help = "Envoie aux modérateurs le récapitulatif des commentaires en attente et signalés."
    logger = "manchette.comments"
    done = "{count} récapitulatif(s) envoyé(s)"

    def job(self):
        from manchette.comments.moderation_digest import send_moderation_digest

        return send_moderation_digest()
