"""Posts → articles: status, dates, chapô, SEO fields, rubrique, topics, body, redirects.

An article is created or updated without Wagtail's publish action, so nothing that
publishing sets off (purges, topic linking, alerts) runs per article: the import purges
once at the end. Its first revision is recorded; an article whose latest revision is no
longer the importer's was edited in Manchette and is left alone (a conflict).
"""

import html
from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Revision

from manchette.comments.models import ArticleCommentSettings
from manchette.news.models import ArticleAuthor, ArticlePage, AuthorPage
from manchette.topics.models import ArticleTopic

from . import bodies, indexing, redirects
from .ledger import digest
from .models import ItemKind
from .terms import add_child, clean_slug, clean_text, free_child_slug


def earlier_import(ledger, report, kind, model, wp_id, source):
    """(ledger row, page, settled) for a WordPress item an earlier run may have imported as a
    `model` page. `settled`: nothing is to be written, and `page` is the answer: the item is
    unchanged, or the page was edited in Manchette since (a conflict), or deleted there (None,
    a conflict too). Each case is counted in the report."""
    row = ledger.find(kind, wp_id)
    page = model.objects.filter(pk=row.object_id).first() if row else None
    if row is not None and page is None:
        report.conflict(kind.value, wp_id, "supprimé dans Manchette")
        return row, None, True
    if page is None:
        return row, None, False
    ledger.remember(kind, wp_id, page.pk)
    if row.digest == source:
        report.count(kind.value, "unchanged")
        return row, page, True
    if str(page.latest_revision_id) != row.fingerprint:
        report.conflict(kind.value, wp_id, page.url or "")
        return row, page, True
    return row, page, False


DRAFT_STATUSES = {"draft", "pending", "private"}
SEO_TITLE_KEYS = ("_yoast_wpseo_title", "rank_math_title")
SEO_DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc", "rank_math_description")
PRIMARY_CATEGORY_KEYS = ("_yoast_wpseo_primary_category", "rank_math_primary_category")
ZERO_DATE = "0000-00-00 00:00:00"


def parse_date(gmt, local):
    """The post's moment: the GMT date, or the local one in the site's time zone."""
    for value, zone in ((gmt, ZoneInfo("UTC")), (local, ZoneInfo(settings.TIME_ZONE))):
        if value and value.strip() != ZERO_DATE:
            try:
                return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
            except ValueError:
                continue
    return None


def meta(item, keys):
    for key in keys:
        value = (item["meta"].get(key) or [""])[0].strip()
        if value:
            return value
    return ""


def plain(value):
    return clean_text(BeautifulSoup(value or "", "html.parser").get_text(" "))


def state(item):
    """("live" | "scheduled" | "draft" | None to skip, reason)."""
    status = item.get("wp:status", "")
    if status == "trash":
        return None, "corbeille"
    if status in ("auto-draft", "inherit"):
        return None, f"état {status}"
    if item.get("wp:post_password"):
        return "draft", ""
    if status == "publish":
        return "live", ""
    if status == "future":
        return "scheduled", ""
    if status in DRAFT_STATUSES:
        return "draft", ""
    return None, f"état {status or 'inconnu'}"


def old_date_paths(item, paths):
    """The addresses a post had before its date changed (`_wp_old_date`, in date permalinks)."""
    date = (item.get("wp:post_date") or "")[:10]
    found = []
    for old in item["meta"].get("_wp_old_date", []):
        if len(old) < 10 or len(date) < 10:
            continue
        for before, after in ((date.replace("-", "/"), old[:10].replace("-", "/")),
                              (date[:7].replace("-", "/"), old[:7].replace("-", "/"))):  # fmt: skip
            found += [
                urlsplit(p).path.replace(f"/{before}/", f"/{after}/")
                for p in paths
                if f"/{before}/" in urlsplit(p).path
            ]
    return found


def item_digest(item):
    return digest({k: v for k, v in item.items() if k != "comments"})


def write_revision(page, status, go_live_at):
    """What page.save_revision() and Wagtail's publish action write, in two queries and
    without their signals (purges, topic linking, alerts)."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        approved_go_live_at=go_live_at,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.live_revision = revision if status == "live" else None
    page.has_unpublished_changes = status != "live"
    type(page).objects.filter(pk=page.pk).update(
        latest_revision=revision,
        latest_revision_created_at=revision.created_at,
        draft_title=page.title,
        live_revision=page.live_revision,
        has_unpublished_changes=page.has_unpublished_changes,
    )
    return revision


def old_addresses(item, wp_id, keys):
    """A post's or page's old addresses: its link, `/?<key>=ID` for each key, its former
    slugs and dates, and its guid when it is a query address of the site."""
    link = item.get("link") or ""
    olds = [link, *(f"/?{key}={wp_id}" for key in keys)]
    for old_slug in item["meta"].get("_wp_old_slug", []):
        path = urlsplit(link).path
        current = unquote(item.get("wp:post_name", ""))
        if old_slug and current and current in unquote(path):
            olds.append(unquote(path).replace(current, old_slug))
    olds += old_date_paths(item, olds)
    guid = html.unescape(item.get("guid") or "")
    if any(f"?{key}=" in guid for key in keys):
        olds.append(guid)
    return olds


class Posts:
    def __init__(self, ledger, report, terms, media, hosts):
        self.ledger, self.report, self.terms, self.media = ledger, report, terms, media
        self.hosts = hosts
        self.pages = {}  # rubriques and authors, by id
        self.last_paths = {}  # rubrique id → path of the article last added there
        self.reindex = indexing.Pending()  # articles updated: their search entries are stale

    def link_target(self, url):
        """The page an old address of the site leads to, if imported already."""
        query = urlsplit(url).query
        # `?p=` names a post or a page (WordPress numbers them together), `?page_id=` a page.
        for key, kinds in (("p", (ItemKind.POST, ItemKind.PAGE)), ("page_id", (ItemKind.PAGE,))):
            prefix = f"{key}="
            for part in query.split("&"):
                if part.startswith(prefix) and part[len(prefix) :].isdigit():
                    wp_id = int(part[len(prefix) :])
                    for kind in kinds:
                        if found := self.ledger.lookup(kind, wp_id):
                            return found
                    return None
        return redirects.target_of(url)

    def import_post(self, item):
        """Creates or updates the article of one post; returns it (None when skipped)."""
        wp_id = int(item.get("wp:post_id") or 0)
        self.report.count("post", "read")
        status, reason = state(item)
        if status is None:
            self.report.skip("post", reason)
            return None
        source = item_digest(item)
        row, page, settled = earlier_import(
            self.ledger, self.report, ItemKind.POST, ArticlePage, wp_id, source
        )
        if settled:
            return page
        page, created = self.save_article(item, wp_id, status, page)
        self.ledger.record(
            ItemKind.POST, wp_id, page.pk, source, str(page.latest_revision_id), row=row
        )
        self.report.count("post", "created" if created else "updated")
        if not created:
            self.reindex.add(ArticlePage, page.pk)
        self.after_save(item, wp_id, page, status, created)
        return page

    def fields(self, item, wp_id, status):
        title = clean_text(item.get("title")) or f"Article {wp_id}"
        context = bodies.Context(wp_id, self.report, self.media.image, self.link_target, self.hosts)
        body = bodies.convert(item.get("content:encoded", ""), context)
        standfirst = plain(item.get("excerpt:encoded")) or bodies.first_paragraph(body) or title
        moment = parse_date(item.get("wp:post_date_gmt"), item.get("wp:post_date"))
        modified = parse_date(item.get("wp:post_modified_gmt"), item.get("wp:post_modified"))
        seo_title = meta(item, SEO_TITLE_KEYS)
        thumbnail = meta(item, ("_thumbnail_id",))
        image = self.media.image(int(thumbnail)) if thumbnail.isdigit() else None
        return {
            "title": title[:255],
            "standfirst": standfirst[:600],
            "body": body,
            "seo_title": "" if "%%" in seo_title or "%" in seo_title[:1] else seo_title[:255],
            "search_description": plain(meta(item, SEO_DESCRIPTION_KEYS)),
            "featured": item.get("wp:is_sticky") == "1",
            "lead_image": image,
            "first_published_at": moment if status == "live" else None,
            "last_published_at": max(filter(None, [moment, modified]), default=None)
            if status == "live"
            else None,
            "go_live_at": moment if status == "scheduled" else None,
            "live": status == "live",
            # Readers of the old feed know the post by it (news/feeds.py).
            "feed_guid": html.unescape(item.get("guid") or "").strip()[:255],
        }

    def section_of(self, item):
        slugs = [unquote(c["slug"]) for c in item["categories"] if c["domain"] == "category"]
        primary = meta(item, PRIMARY_CATEGORY_KEYS)
        if primary.isdigit() and self.terms.slug_of_category(int(primary)):
            slugs.insert(0, self.terms.slug_of_category(int(primary)))
        for slug in slugs:
            section_id = self.terms.section_for(slug)
            if section_id:
                if section_id not in self.pages:
                    self.pages[section_id] = Page.objects.get(pk=section_id).specific
                return self.pages[section_id]
        return self.terms.fallback_section()

    def author(self, login):
        author_id = self.ledger.maps.get("login", {}).get(login)
        if author_id and author_id not in self.pages:
            self.pages[author_id] = AuthorPage.objects.filter(pk=author_id).first()
        return self.pages.get(author_id)

    def save_article(self, item, wp_id, status, page):
        values = self.fields(item, wp_id, status)
        created = page is None
        if created:
            section = self.section_of(item)
            slug = clean_slug(item.get("wp:post_name"), values["title"])
            page = ArticlePage(slug=free_child_slug(section, slug[:80].strip("-") or slug))
        for name, value in values.items():
            setattr(page, name, value)
        author = self.author(item.get("dc:creator", ""))
        links = [ArticleAuthor(author=author, sort_order=0)] if author else []
        page.has_unpublished_changes = status != "live"
        if created:
            add_child(section, page, self.last_paths)
            for link in links:
                link.article = page
            ArticleAuthor.objects.bulk_create(links)
            # In memory for the revision's copy; a new page has no admin comments to look up.
            page.author_links, page.wagtail_admin_comments = links, []
        else:
            page.author_links = links
            page.save(clean=False)
        write_revision(page, status, values["go_live_at"])
        return page, created

    def after_save(self, item, wp_id, page, status, created):
        self._topics(item, page, created)
        if item.get("wp:comment_status") == "closed":
            ArticleCommentSettings.objects.update_or_create(
                article=page, defaults={"closed": True, "changed_at": timezone.now()}
            )
        if status != "draft":
            self._redirects(item, wp_id, page)

    def _topics(self, item, page, created):
        topic_ids = set()
        for category in item["categories"]:
            kind = ItemKind.CATEGORY if category["domain"] == "category" else ItemKind.TAG
            if category["domain"] in ("category", "post_tag"):
                topic_id = self.terms.topic_for(kind, unquote(category["slug"]))
                if topic_id:
                    topic_ids.add(topic_id)
        existing = set()
        if not created and topic_ids:
            existing = set(
                ArticleTopic.objects.filter(article=page).values_list("topic_id", flat=True)
            )
        if topic_ids - existing:
            ArticleTopic.objects.bulk_create(
                [ArticleTopic(article=page, topic_id=t) for t in topic_ids - existing]
            )

    def _redirects(self, item, wp_id, page):
        redirects.add(self.report, old_addresses(item, wp_id, ("p",)), page=page)
