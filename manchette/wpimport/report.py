"""What an import did, per kind of item, for the terminal and as JSON."""

import json
import resource
import sys
import time
from collections import Counter, defaultdict

from django.utils.translation import gettext as _

OUTCOMES = ("read", "created", "adopted", "updated", "unchanged", "conflicts", "skipped", "failed")
SAMPLE_IDS = 5


class Report:
    """Counters filled by every step of the import; `exit_code` sums them up."""

    def __init__(self, files=()):
        self.started = time.monotonic()
        self.files = list(files)
        self.kinds = defaultdict(Counter)
        self.skipped = defaultdict(Counter)
        self.failures = []
        self.conflicts = []
        self.comments = Counter()
        self.redirects = Counter()
        self.aliases = Counter()  # topics' other names, from tags and child categories
        self.media = Counter()
        self.missing_media = []
        self.dropped = defaultdict(lambda: {"count": 0, "samples": []})
        self.links = Counter()
        self.pages = []
        self.refused = ""
        self.truncated = ""
        self.dry_run = False

    def count(self, kind, outcome, number=1):
        self.kinds[kind][outcome] += number

    def skip(self, kind, reason):
        self.kinds[kind]["skipped"] += 1
        self.skipped[kind][reason] += 1

    def fail(self, kind, wp_id, error):
        self.kinds[kind]["failed"] += 1
        if len(self.failures) < 100:
            self.failures.append({"kind": kind, "id": wp_id, "error": str(error)[:300]})

    def conflict(self, kind, wp_id, url=""):
        self.kinds[kind]["conflicts"] += 1
        if len(self.conflicts) < 1000:
            self.conflicts.append({"kind": kind, "id": wp_id, "url": url})

    def drop(self, what, wp_id, number=1):
        entry = self.dropped[what]
        entry["count"] += number
        if len(entry["samples"]) < SAMPLE_IDS and wp_id not in entry["samples"]:
            entry["samples"].append(wp_id)

    @property
    def exit_code(self):
        if self.refused or self.truncated:
            return 2
        return 1 if any(c["failed"] for c in self.kinds.values()) else 0

    def as_dict(self):
        kinds = {
            kind: {
                **{outcome: counter[outcome] for outcome in OUTCOMES},
                "skipped_reasons": dict(self.skipped[kind]),
            }
            for kind, counter in sorted(self.kinds.items())
        }
        return {
            "files": self.files,
            "dry_run": self.dry_run,
            "refused": self.refused,
            "truncated": self.truncated,
            "kinds": kinds,
            "failures": self.failures,
            "conflicts": self.conflicts,
            "comments_by_status": dict(self.comments),
            "redirects": dict(self.redirects),
            "topic_aliases": dict(self.aliases),
            "media": dict(self.media),
            "missing_media": self.missing_media[:1000],
            "html_dropped": {what: dict(entry) for what, entry in sorted(self.dropped.items())},
            "internal_links": dict(self.links),
            "pages_not_imported": self.pages[:1000],
            "duration_seconds": round(time.monotonic() - self.started, 1),
            "peak_memory_mb": peak_memory_mb(),
            "exit_code": self.exit_code,
        }

    def write_json(self, path):
        with open(path, "w", encoding="utf-8") as out:
            json.dump(self.as_dict(), out, ensure_ascii=False, indent=2)

    def lines(self):
        """The report as a person reads it, in French."""
        data = self.as_dict()
        if data["refused"]:
            return [data["refused"]]  # one line: nothing else happened
        out = []
        if data["truncated"]:
            out.append(data["truncated"])
        for kind, counts in data["kinds"].items():
            figures = ", ".join(f"{outcome} {counts[outcome]}" for outcome in OUTCOMES)
            out.append(f"{kind} : {figures}")
            for reason, number in counts["skipped_reasons"].items():
                out.append(f"    {_('ignorés')} ({reason}) : {number}")
        for title, key in (
            (_("Commentaires par état"), "comments_by_status"),
            (_("Redirections 301"), "redirects"),
            (_("Autres noms des sujets"), "topic_aliases"),
            (_("Médias"), "media"),
            (_("Liens internes"), "internal_links"),
        ):
            if data[key]:
                figures = ", ".join(f"{name} {number}" for name, number in data[key].items())
                out.append(f"{title} : {figures}")
        for what, entry in data["html_dropped"].items():
            samples = ", ".join(str(s) for s in entry["samples"])
            out.append(
                _("HTML retiré : %(what)s ×%(count)s (ex. %(samples)s)")
                % {"what": what, "count": entry["count"], "samples": samples}
            )
        for failure in data["failures"][:20]:
            out.append(_("Échec : %(kind)s %(id)s : %(error)s") % failure)
        for conflict in data["conflicts"][:20]:
            out.append(
                _("Modifié depuis l’import, laissé tel quel : %(kind)s %(id)s %(url)s") % conflict
            )
        for page in data["pages_not_imported"][:20]:
            out.append(_("Page non importée : %(title)s %(url)s") % page)
        out.append(
            _("Durée : %(seconds)s s, mémoire maximale : %(memory)s Mo")
            % {"seconds": data["duration_seconds"], "memory": data["peak_memory_mb"]}
        )
        if not data["refused"] and not data["dry_run"]:
            out.append(
                _(
                    "Lancez maintenant « manage.py rebuild_references_index » puis "
                    "« manage.py link_topics »."
                )
            )
        return out


def peak_memory_mb():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Kilobytes on Linux, bytes on macOS.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
