import logging

from manchette.core.logs import Throttled


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_flood_of_failures_is_logged_once_per_interval_with_the_count_left_out(caplog):
    clock = Clock()
    logger = logging.getLogger("manchette.tests.throttled")
    throttled = Throttled(seconds=60, clock=clock)
    logger.addFilter(throttled)
    try:
        with caplog.at_level(logging.ERROR, logger="manchette.tests.throttled"):
            for step in range(5):
                clock.now = 1000.0 + step
                logger.error("Exception ignored")
            clock.now = 1061.0
            logger.error("Exception ignored")
            clock.now = 1062.0
            logger.error("Exception ignored")
    finally:
        logger.removeFilter(throttled)
    assert [r.getMessage() for r in caplog.records] == [
        "Exception ignored",
        "Exception ignored (4 more in the last 60 s)",
    ]


def test_the_redis_cache_logger_is_throttled_by_the_settings():
    filters = logging.getLogger("django_redis.cache").filters
    assert [f.seconds for f in filters if isinstance(f, Throttled)] == [60.0]
