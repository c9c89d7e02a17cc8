"""The import, in two passes over the export files.

1. Check each file opens as a WordPress export (nothing is written for a refused file).
2. First pass: authors, categories, tags and attachments (what posts point to).
3. Second pass: each post with its comments, in one transaction, and each page (an
   information page); a failure rolls back that post or page only and is reported.
4. wpDiscuz's extracted tables (`--wpdiscuz`), then one purge of the page cache.

Wagtail's reference index (where each image is used) is not updated per article:
`manage.py rebuild_references_index` does it once afterwards (the report says so).
"""

from urllib.parse import urlsplit

from django.db import connection, transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from manchette.core.caching.purge import purge_site

from . import indexing, redirects, wxr
from .comments import Comments
from .ledger import Ledger
from .media import Media
from .pages import Pages
from .posts import Posts
from .report import Report
from .terms import Terms

SITE_FEEDS = ("/feed/", "/feed/rss2/", "/feed/atom/", "/comments/feed/", "/?feed=rss2")
SKIPPED_TYPES = {"revision", "nav_menu_item", "custom_css", "customize_changeset", "wp_block"}


ANALYZE_EVERY = 2000  # posts
# The tables the import fills and looks up as it goes.
GROWING_TABLES = (
    "wpimport_importeditem",
    "wagtailcore_page",
    "comments_comment",
    "wagtailredirects_redirect",
)


def refresh_statistics():
    """PostgreSQL's planner statistics for the tables the import fills: autovacuum renews
    them only after a tenth of a table changed, and plans made on a table ten times smaller
    than it now is read whole tables per post (seen on a 30,000-post bench)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(GROWING_TABLES))


class _DryRun(Exception):
    pass


def site_key(site):
    url = site.get("wp:base_site_url") or site.get("wp:base_blog_url") or site.get("link") or ""
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")).lower() or "wordpress"


def site_hosts(site):
    hosts = set()
    for key in ("wp:base_site_url", "wp:base_blog_url", "link"):
        host = urlsplit(site.get(key) or "").netloc.lower()
        if host:
            hosts |= {host, host.removeprefix("www."), "www." + host.removeprefix("www.")}
    return hosts


def failed_item(kind, data):
    """(kind, WordPress id) of a first-pass item, for the report."""
    if kind == "author":
        return "author", data.get("wp:author_id") or data.get("wp:author_login", "")
    if kind == "term":
        return ("tag" if data.get("taxonomy") == "post_tag" else "category"), data.get("id", "")
    return "attachment", data.get("wp:post_id", "")


def check(path):
    """Refused (with its French message) when the file is not an export we can read."""
    stream = wxr.open_export(path)
    try:
        for _element in wxr.read_export(stream, {}):
            return
    except wxr.Truncated:
        return
    finally:
        stream.close()


class Importer:
    def __init__(self, paths, uploads=None, wpdiscuz=None, progress=None):
        self.paths = [str(p) for p in paths]
        self.uploads, self.wpdiscuz = uploads, wpdiscuz
        self.progress = progress or (lambda *args: None)
        self.report = Report(self.paths)
        self.parts = None
        self.posts_seen = 0

    def setup(self, site):
        if self.parts is None:
            ledger = Ledger(site_key(site))
            terms = Terms(ledger, self.report)
            media = Media(ledger, self.report, self.uploads)
            posts = Posts(ledger, self.report, terms, media, site_hosts(site))
            self.parts = {
                "ledger": ledger,
                "terms": terms,
                "media": media,
                "posts": posts,
                "pages": Pages(ledger, self.report, terms, posts),
                "comments": Comments(ledger, self.report),
            }
            redirects.add(self.report, SITE_FEEDS, link="/flux/")
        return self.parts

    def run(self, dry_run=False):
        self.report.dry_run = dry_run
        for path in self.paths:
            try:
                check(path)
            except (wxr.Refused, OSError) as error:
                self.report.refused = f"{path} : {error}"
                return self.report
        if connection.vendor == "postgresql":
            # One commit per post: waiting for each to reach the disk would make the import
            # hours long. A crash loses the last few commits, whole; the next run redoes them.
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF")
        if not dry_run:
            with disable_reference_index_auto_update(), indexing.deferred():
                self.passes()
            purge_site()  # once, for the whole import
            return self.report
        try:
            with transaction.atomic(), disable_reference_index_auto_update(), indexing.deferred():
                self.passes()
                raise _DryRun  # everything done is rolled back
        except _DryRun:
            pass
        return self.report

    def passes(self):
        for number, handle in ((1, self.first_pass), (2, self.second_pass)):
            for path in self.paths:
                site = {}
                stream = wxr.open_export(path)
                try:
                    for kind, data in wxr.read_export(stream, site):
                        handle(self.setup(site), kind, data)
                        self.progress(number, path, stream.position())
                except wxr.Truncated as error:
                    self.report.truncated = f"{path} : {error}"
                finally:
                    stream.close()
        if self.wpdiscuz and self.parts:
            from .wpdiscuz import import_tables

            import_tables(self.wpdiscuz, self.parts["ledger"], self.report)
        if self.parts:
            # The admin's search index, in bulk: what this run (or a run killed before
            # this point) brought in, and what it updated.
            self.parts["posts"].reindex.flush()
            indexing.index_missing(self.parts["ledger"].site)

    def first_pass(self, parts, kind, data):
        try:
            with transaction.atomic():
                if kind == "author":
                    parts["terms"].import_author(data)
                elif kind == "term":
                    parts["terms"].import_term(data)
                elif data.get("wp:post_type") == "attachment":
                    parts["media"].import_attachment(data)
        except Exception as error:  # that item only: reported, and the import goes on
            self.report.fail(*failed_item(kind, data), error)

    def second_pass(self, parts, kind, data):
        if kind != "item":
            return
        post_type = data.get("wp:post_type", "")
        wp_id = data.get("wp:post_id", "")
        if post_type == "post":
            self.posts_seen += 1
            if self.posts_seen % ANALYZE_EVERY == 0:
                refresh_statistics()
            try:
                with transaction.atomic():
                    page = parts["posts"].import_post(data)
                    if page is not None:
                        parts["comments"].import_for(data, page)
            except Exception as error:
                self.report.fail("post", wp_id, error)
        elif post_type == "page":
            try:
                with transaction.atomic():
                    parts["pages"].import_page(data)
            except Exception as error:
                self.report.fail("page", wp_id, error)
        elif post_type != "attachment":
            self.report.skip(
                "other", f"type {post_type if post_type not in SKIPPED_TYPES else 'interne'}"
            )
