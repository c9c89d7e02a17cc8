"""Turns taken in the database: who runs a periodic job now, even while Redis is down.

A turn is one `core.ClockTurn` row per job name, moved forward by a conditional UPDATE that
two processes cannot both win (PostgreSQL re-checks the condition on the row the first one
updated). Decision 0007: what must keep running during a Redis outage lives in the database;
a cache lock (`cache.add`) answers None when the cache is down, and the job never runs.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone


def take_turn(name, seconds, now=None):
    """True for the one caller that may run `name` now: nobody took it in the last `seconds`
    (or the last holder gave it back with `release_turn`)."""
    from manchette.core.models import ClockTurn

    now = now or timezone.now()
    due = ClockTurn.objects.filter(name=name, started_at__lte=now - timedelta(seconds=seconds))
    if due.update(started_at=now):
        return True
    try:
        with transaction.atomic():
            ClockTurn.objects.create(name=name, started_at=now)
    except IntegrityError:  # the row exists: another run holds the turn
        return False
    return True


def release_turn(name):
    """Gives the turn back at once (a job that finished before its `seconds` ran out)."""
    from manchette.core.models import ClockTurn

    ClockTurn.objects.filter(name=name).delete()
