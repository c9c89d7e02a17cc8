"""Bench-only settings: the production settings, with the anti-abuse timers relaxed.

Only `make bench` (bench/run.py) uses this module; no deployment ever should. The relaxations
let one client on 127.0.0.1 post hundreds of comments and reactions in a few seconds, which
the production limits rightly refuse:

- the minimum time to fill the comment form is 0 (the signed timestamp is still required);
- reaction and search rate limits are raised (they are settings);
- 127.0.0.1 is a trusted proxy, so the driver gives each post its own X-Forwarded-For
  address, as distinct readers behind nginx would have; the per-address and per-email
  limits of the comment form (fixed in the code) still apply, per simulated reader.

Everything else (DEBUG off, manifest static files, page cache, CSRF) is production's.
"""

import os

from manchette.settings.production import *  # noqa: F403

if os.environ.get("MANCHETTE_BENCH") != "1":
    raise RuntimeError("bench.settings is for bench/run.py only (MANCHETTE_BENCH=1).")

# The bench seeds the demo content (`seed_demo`): the demo app, which has no model or URL.
INSTALLED_APPS = [*INSTALLED_APPS, "manchette.demo"]  # noqa: F405
COMMENTS_MIN_FILL_SECONDS = 0
REACTIONS_REACT_RATE = "100000/m"
REACTIONS_STATE_RATE = "100000/m"
READER_NEW_IDENTITY_RATE = "100000/h"
SEARCH_RATE = "100000/m"
TRUSTED_PROXIES = ["127.0.0.1"]
# The bench drives plain HTTP on 127.0.0.1: secure cookies would never come back.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Access to the bench's own logs is enough; request logging would measure the terminal.
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405
