"""Sends the follow digests that are due: new articles on the topics a reader follows.

Run by the worker clock on each tick; each address gets at most one digest every
TOPICS_DIGEST_MINUTES (default 30), so a burst of articles is one email.
"""

from manchette.core.management.clock import ClockJobCommand


class Command(ClockJobCommand):
    help = "Envoie les résumés des nouveaux articles aux lecteurs qui suivent des sujets."
    logger = "manchette.topics"
    done = "{count} résumé(s) envoyé(s)"

    def job(self):
        from manchette.topics.digests import send_follow_digests

        return send_follow_digests()
