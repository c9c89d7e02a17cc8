"""Benchmark: one newsletter issue sent to N subscribers through an SMTP sink on 127.0.0.1.

    .venv/bin/python bench/newsletter_send.py                 # 10,000 then 100,000 subscribers
    .venv/bin/python bench/newsletter_send.py --sizes 2000    # a quick run

A throwaway SQLite database under /tmp is migrated and filled; the issue is sent by a separate
worker process (the same code path as the task worker: `sending.send_issue`), which reports
its emails per second and its memory: resident size before sending and peak resident size
(getrusage). Memory that does not grow between 10k and 100k shows sending streams the list.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(db_path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "manchette.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django

    django.setup()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingSink:
    """Accepts every message and only counts it (the sink must not be the bottleneck)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run_worker(db_path, issue_id, port):
    """The worker side: send the issue and print what it measured, as JSON."""
    import resource

    setup_django(db_path)
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    from manchette.newsletter import sending

    sending.prepare_deliveries(issue_id)
    before = rss_kb()
    started = time.perf_counter()
    sent = sending.send_issue(issue_id)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sent": sent, "seconds": seconds, "rss_before_kb": before, "peak_kb": peak}))


def populate(largest):
    from django.core.management import call_command
    from django.db import transaction

    from manchette.news.factories import ArticleFactory
    from manchette.newsletter.models import (
        NewsletterList,
        Subscriber,
        SubscriberStatus,
        Subscription,
        SubscriptionStatus,
    )

    call_command("migrate", verbosity=0)
    articles = [ArticleFactory(title=f"Article de banc d’essai {i}") for i in range(6)]
    chunk = 5000
    with transaction.atomic():
        for start in range(0, largest, chunk):
            Subscriber.objects.bulk_create(
                [
                    Subscriber(email=f"abonne{i}@exemple.fr", status=SubscriberStatus.ACTIVE)
                    for i in range(start, min(largest, start + chunk))
                ]
            )
    return articles, NewsletterList, Subscription, SubscriptionStatus


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument(
        "--worker", nargs=3, metavar=("DB", "ISSUE", "PORT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        run_worker(args.worker[0], int(args.worker[1]), int(args.worker[2]))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="manchette-bench-newsletter-", dir="/tmp"))
    db_path = workdir / "bench.sqlite3"
    os.environ["VAR_DIR"] = str(workdir)
    try:
        setup_django(db_path)
        from aiosmtpd.controller import Controller

        from manchette.newsletter.models import NewsletterIssue, NewsletterIssueItem

        print(f"Préparation de {max(sizes)} abonnés dans {db_path}…", flush=True)
        articles, NewsletterList, Subscription, SubscriptionStatus = populate(max(sizes))
        handler = CountingSink()
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        results = []
        try:
            for size in sizes:
                newsletter_list = NewsletterList.objects.create(
                    name=f"Banc {size}", slug=f"banc-{size}"
                )
                subscriber_ids = range(1, size + 1)
                for start in range(0, size, 5000):
                    Subscription.objects.bulk_create(
                        [
                            Subscription(
                                subscriber_id=pk,
                                newsletter_list=newsletter_list,
                                status=SubscriptionStatus.ACTIVE,
                            )
                            for pk in subscriber_ids[start : start + 5000]
                        ]
                    )
                issue = NewsletterIssue.objects.create(
                    newsletter_list=newsletter_list,
                    subject=f"Banc d’essai : {size} abonnés",
                    intro="Bonjour,\n\nVoici l’essentiel de l’actualité.",
                    status="queued",
                )
                NewsletterIssueItem.objects.bulk_create(
                    [
                        NewsletterIssueItem(issue=issue, article=a, sort_order=i)
                        for i, a in enumerate(articles)
                    ]
                )
                received_before = handler.count
                output = subprocess.run(
                    [sys.executable, __file__, "--worker", str(db_path), str(issue.pk), str(port)],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    env={**os.environ, "LOG_LEVEL": "WARNING"},
                ).stdout
                stats = json.loads(output.strip().splitlines()[-1])
                stats["size"] = size
                stats["received"] = handler.count - received_before
                results.append(stats)
                print(
                    f"{size:>7} abonnés : {stats['received']} reçus par le puits SMTP, "
                    f"{stats['sent'] / stats['seconds']:.0f} emails/s, "
                    f"mémoire du worker : {stats['rss_before_kb'] / 1024:.1f} Mo avant l’envoi, "
                    f"pic {stats['peak_kb'] / 1024:.1f} Mo",
                    flush=True,
                )
        finally:
            controller.stop()
        if len(results) > 1:
            small, large = results[0], results[-1]
            growth = (large["peak_kb"] - small["peak_kb"]) / 1024
            print(
                f"Pic mémoire : {small['peak_kb'] / 1024:.1f} Mo à {small['size']} abonnés, "
                f"{large['peak_kb'] / 1024:.1f} Mo à {large['size']} ({growth:+.1f} Mo pour "
                f"{large['size'] / small['size']:.0f}× plus d’abonnés)."
            )
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
