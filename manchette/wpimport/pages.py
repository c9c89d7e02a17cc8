"""WordPress pages (`post_type=page`) → information pages (news.InfoPage) under the home page.

The statuses are the posts' (`posts.state`): published → live, scheduled, draft, pending,
private or password → a draft, which no old address leads to. The slug is kept, so a page
usually answers at its old address itself (`/mentions-legales/`); a slug one of our routes
or another page of the home page has is suffixed (`recherche-page`, `politique-2`) and
reported. `?page_id=ID`, `?p=ID`, the page's former slugs and, for a child page, its old
address (`/qui-sommes-nous/equipe/` → `/equipe/`) answer 301. An information page of the
same slug made in Manchette before the import is adopted, never overwritten.
"""

from manchette.news.models import InfoPage

from . import bodies, redirects
from .models import ItemKind
from .posts import (
    SEO_DESCRIPTION_KEYS,
    SEO_TITLE_KEYS,
    earlier_import,
    item_digest,
    meta,
    old_addresses,
    parse_date,
    plain,
    state,
    write_revision,
)
from .terms import add_child, clean_slug, clean_text, free_child_slug

PAGE_KEYS = ("page_id", "p")  # WordPress answers both for a page


class Pages:
    def __init__(self, ledger, report, terms, posts):
        self.ledger, self.report, self.posts = ledger, report, posts
        self.home, self.reserved = terms.home, terms.reserved

    def not_imported(self, item, wp_id, reason):
        self.report.skip("page", reason)
        self.report.pages.append(
            {"id": wp_id, "title": clean_text(item.get("title")), "url": item.get("link", "")}
        )

    def import_page(self, item):
        """Creates, adopts or updates the information page of one WordPress page."""
        wp_id = int(item.get("wp:post_id") or 0)
        self.report.count("page", "read")
        status, reason = state(item)
        if status is None:
            return self.not_imported(item, wp_id, reason)
        source = item_digest(item)
        row, page, settled = earlier_import(
            self.ledger, self.report, ItemKind.PAGE, InfoPage, wp_id, source
        )
        if settled:
            return page
        adopted = False
        if page is not None:
            self.save(item, wp_id, status, page)
            self.report.count("page", "updated")
            self.posts.reindex.add(InfoPage, page.pk)
        else:
            slug = clean_slug(item.get("wp:post_name"), clean_text(item.get("title")))[:80]
            page = InfoPage.objects.child_of(self.home).filter(slug=slug).first()
            adopted = page is not None
            if adopted:  # written in Manchette already: kept as it is
                self.report.count("page", "adopted")
            else:
                page = self.save(item, wp_id, status, None, slug)
                self.report.count("page", "created")
        # An adopted page's fingerprint is none of our revisions: a later change in
        # WordPress is a conflict, never written over the newsroom's page.
        fingerprint = "" if adopted else str(page.latest_revision_id)
        self.ledger.record(ItemKind.PAGE, wp_id, page.pk, source, fingerprint, row=row)
        if status != "draft":  # a draft, private or protected page: no old address leads here
            redirects.add(self.report, old_addresses(item, wp_id, PAGE_KEYS), page=page)
        return page

    def fields(self, item, wp_id, status):
        title = clean_text(item.get("title")) or f"Page {wp_id}"
        context = bodies.Context(
            wp_id, self.report, self.posts.media.image, self.posts.link_target, self.posts.hosts
        )
        moment = parse_date(item.get("wp:post_date_gmt"), item.get("wp:post_date"))
        modified = parse_date(item.get("wp:post_modified_gmt"), item.get("wp:post_modified"))
        seo_title = meta(item, SEO_TITLE_KEYS)
        live = status == "live"
        return {
            "title": title[:255],
            "body": bodies.convert(item.get("content:encoded", ""), context),
            # Yoast's and Rank Math's templates (`%%title%% %%sep%%`) are not titles.
            "seo_title": "" if "%%" in seo_title or "%" in seo_title[:1] else seo_title[:255],
            "search_description": plain(meta(item, SEO_DESCRIPTION_KEYS)),
            "first_published_at": moment if live else None,
            "last_published_at": max(filter(None, [moment, modified]), default=None)
            if live
            else None,
            "go_live_at": moment if status == "scheduled" else None,
            "live": live,
        }

    def save(self, item, wp_id, status, page, slug=None):
        values = self.fields(item, wp_id, status)
        if page is None:
            wanted = slug or "page"
            if wanted in self.reserved:
                wanted = f"{wanted}-page"
            free = free_child_slug(self.home, wanted)
            if free != slug:
                self.report.skip("page", f"adresse « {slug} » prise, devenue « {free} »")
            page = InfoPage(slug=free, **values)
            add_child(self.home, page)
        else:
            for name, value in values.items():
                setattr(page, name, value)
            page.save(clean=False)
        write_revision(page, status, values["go_live_at"])
        return page
