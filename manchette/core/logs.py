"""Logging helpers.

`Throttled` keeps a flood of the same failure to one record per interval. With Redis down,
every cache call of every request fails and django-redis logs each one with its traceback:
a hundred tracebacks for a handful of page views, written while the site is already slower.
The first failure is logged whole; the next ones in the interval are counted, and the first
record after it says how many were left out.
"""

import logging
import time


class Throttled(logging.Filter):
    def __init__(self, seconds=60, clock=time.monotonic):
        super().__init__()
        self.seconds = float(seconds)
        self.clock = clock
        self.until = None
        self.left_out = 0

    def filter(self, record):
        now = self.clock()
        if self.until is not None and now < self.until:
            self.left_out += 1
            return False
        if self.left_out:
            record.msg = f"{record.msg} ({self.left_out} more in the last {self.seconds:g} s)"
            self.left_out = 0
        self.until = now + self.seconds
        return True
