"""The task worker with its clock: `db_worker`, plus scheduled publishing every 30 seconds.

Scheduled publishing and unpublishing need no cron and no page view: a thread in each
worker runs Wagtail's `publish_scheduled` on a fixed tick. With several workers, one row in the
database (`ClockTurn`) lets one of them do a given tick: like the tasks, the clock keeps going
while Redis is down (a cache lock that cannot be taken would stop it).
"""

import logging
import threading

from django.core.management import call_command
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from manchette.core.leases import reclaim_tasks, worker_id
from manchette.core.turns import take_turn

logger = logging.getLogger("manchette.worker")
TICK_SECONDS = 30


# What the clock runs on each tick, in order: each command is idempotent and catches up on
# what it missed, so a worker that was down for a while simply does more on its next tick.
CLOCK_COMMANDS = [
    "publish_scheduled",  # Wagtail: scheduled publishing and unpublishing
    "send_comment_digests",  # comments: coalesced notification emails
    "send_moderation_digest",  # comments: what waits for the moderators (if switched on)
    "newsletter_tick",  # newsletter: scheduled issues, automatic digests, alerts, resumes
    "send_topic_digests",  # topics: new articles on the topics a reader follows, coalesced
    "apply_retention",  # privacy: forgets personal data past its time (works once a day)
]


def take_clock_turn(now=None, name="clock", every=TICK_SECONDS):
    """True for the one worker that starts this tick (a turn in the database, see
    `manchette.core.turns`): due once the last tick started at least `every` - 1 seconds ago.
    Jobs that run less often (the daily retention) take a turn of their own name."""
    return take_turn(name, every - 1, now)


def run_clock_tick():
    if not take_clock_turn():
        return False
    try:
        reclaim_tasks()  # tasks of workers that died: queued again
    except Exception:
        logger.exception("Taking back the tasks of dead workers failed")
    for command in CLOCK_COMMANDS:
        try:
            call_command(command, verbosity=0)
        except Exception:  # one failing job must not stop the others
            logger.exception("Clock job %s failed", command)
    return True


class Clock(threading.Thread):
    daemon = True

    def __init__(self):
        super().__init__(name="manchette-clock")
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            close_old_connections()
            run_clock_tick()
            connection.close()
            self.stopped.wait(TICK_SECONDS)


class Command(DbWorkerCommand):
    help = "Runs background tasks and scheduled publishing (db_worker + clock)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--no-clock", action="store_true", help="Do not run the clock.")
        # `host:pid`, so that a task this worker leaves behind when it dies is known to be
        # lost as soon as the process is gone (core/leases.py).
        parser.set_defaults(worker_id=worker_id())

    def handle(self, *args, **options):
        # What a previous worker left running when it died (on this machine: at once).
        reclaim_tasks()
        close_old_connections()
        if not options.pop("no_clock"):
            Clock().start()
        return super().handle(*args, **options)
