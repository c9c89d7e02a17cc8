"""gunicorn settings for Manchette (`gunicorn -c deploy/gunicorn.conf.py manchette.wsgi`).

Every value can be changed by the environment of the systemd unit, so one file serves every
machine. Sync workers: the pages are CPU-bound (template rendering) and served from the
page cache; nginx in front buffers slow clients, so a sync worker is never held by one.
"""

import gc
import multiprocessing
import os

# A unix socket (nginx on the same host) or host:port (nginx elsewhere, or the bench).
bind = os.environ.get("GUNICORN_BIND", "unix:/run/manchette/gunicorn.sock")
# One worker per core (plus none: the cache-hit path is pure CPU, more processes only queue).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Connections waiting for a free worker during a spike (nginx keeps its own queue too).
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so slow leaks never add up (jitter: not all at once).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# Load the app once in the master: workers share its memory pages (copy-on-write).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes"}
# Access logs are nginx's job; gunicorn logs errors only.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "warning")
# nginx (on this host) is the only proxy whose X-Forwarded-* gunicorn believes; the app
# reads X-Forwarded-For itself, through TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "manchette-web"


# The objects loaded before the first request (Django, Wagtail, the URLconf, templates: about a
# million) are frozen out of the garbage collector. Otherwise each full collection walks them
# all, 270 ms measured on a worker in the middle of a run of comment posts, a stall for
# whichever request triggers it; and walking them writes to every page the workers share with
# the master (copy-on-write). Frozen in the master just before each fork (the app is
# preloaded), and in the worker once it has loaded the app (when it is not).


def pre_fork(server, worker):
    gc.freeze()


def post_worker_init(worker):
    gc.freeze()
