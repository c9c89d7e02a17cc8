"""Authors, categories and tags: author pages, rubriques and topics.

Top-level categories become rubriques (an existing rubrique with the same slug is adopted);
child categories and tags become topics (an existing topic with the same name, or alias, is
adopted). Each answers its old address with a 301.
"""

import html
import re
import zlib
from urllib.parse import unquote

from django.db.models import F
from django.urls import get_resolver
from django.utils.text import slugify
from wagtail.models import Page

from manchette.core.site_structure import home_page
from manchette.news.models import AuthorIndexPage, AuthorPage, SectionPage
from manchette.topics.models import Topic, TopicAlias
from manchette.topics.names import fold, normalise_name

from . import redirects
from .ledger import digest
from .models import ItemKind

FALLBACK_SECTION = ("archives", "Archives")
# Small words a name keeps in lower case (« Réforme des retraites », « Banque de France »).
PARTICLES = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "au", "aux", "sur"}


def clean_text(value):
    return html.unescape(value or "").strip()


def clean_slug(value, fallback):
    slug = slugify(unquote(value or ""), allow_unicode=True)[:200]
    return slug or slugify(fallback, allow_unicode=True)[:200] or "sans-titre"


def slug_name(slug, name):
    """A term's slug as a name, written as its name writes the same words: the slug
    `emmanuel-macron` of the tag « Macron » gives « Emmanuel Macron ». WordPress's suffix
    for a repeated slug (`-2`) is left out, unless the name ends with that number too."""
    words = [w for w in unquote(slug or "").replace("_", "-").split("-") if w]
    name_words = {fold(w): w for w in re.findall(r"\w+", name)}
    if len(words) > 1 and words[-1].isdigit() and fold(words[-1]) not in name_words:
        words.pop()
    proper = any(c.isupper() for c in name)
    out = []
    for word in words:
        if fold(word) in name_words:
            out.append(name_words[fold(word)])
        elif proper and word not in PARTICLES:
            out.append(word.capitalize())
        else:
            out.append(word)
    return " ".join(out)


def reserved_slugs():
    """First path segments our own routes answer (a rubrique there would be hidden)."""
    reserved = {"admin", "media", "static", "_util", "documents"}
    for pattern in get_resolver().url_patterns:
        first = str(pattern.pattern).lstrip("^").split("/")[0]
        if first and first.replace("-", "").replace("_", "").replace(".", "").isalnum():
            reserved.add(first)
    return reserved


def free_child_slug(parent, slug):
    """`slug`, or `slug-2`, `slug-3`… when a child of `parent` has it. Looked up by slug
    alone (its index), not among the children: a rubrique may have tens of thousands."""

    def taken(candidate):
        pages = Page.objects.filter(slug=candidate).values_list("path", "depth")
        return any(p.startswith(parent.path) and d == parent.depth + 1 for p, d in pages)

    candidate, counter = slug, 2
    while taken(candidate):
        candidate = f"{slug}-{counter}"
        counter += 1
    return candidate


def add_child(parent, page, last_paths=None):
    """`parent.add_child(instance=page)` as treebeard does it (parent row locked, last child's
    path + 1), without Wagtail's full_clean: the importer's slug is already free and its
    values already clean, and the validation costs a dozen queries a page.

    `last_paths` (parent id → path of the child last added here) saves reading every child
    of a rubrique to find the last one, which grows with the rubrique: the path after it is
    taken only if someone else added a page there since, and then the children are read."""
    locked = Page.objects.select_for_update().only("path", "depth").get(pk=parent.pk)
    last = (last_paths or {}).get(parent.pk)
    if last is None or Page.objects.filter(path=Page(path=last)._inc_path()).exists():
        last = (
            Page.objects.filter(path__startswith=locked.path, depth=locked.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
    page.depth = locked.depth + 1
    page.path = Page(path=last)._inc_path() if last else Page._get_path(locked.path, page.depth, 1)
    page._cached_parent_obj = parent  # treebeard's own cache: get_parent() costs no query
    page._is_site_root = False  # Wagtail's own shortcut: a new page roots no site
    page.save(clean=False, force_insert=True)  # a new row: no query to look for it first
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    if last_paths is not None:
        last_paths[parent.pk] = page.path
    return page


def create_child(parent, page):
    """Adds `page` under `parent` as a live page with its first revision."""
    add_child(parent, page)
    revision = page.save_revision(log_action=False, clean=False)
    page.live_revision = revision if page.live else None
    page.has_unpublished_changes = not page.live
    page.save(update_fields=["live_revision", "has_unpublished_changes"], clean=False)
    return page


class Terms:
    """Imports authors and terms for one run, remembering their new ids in the ledger."""

    def __init__(self, ledger, report):
        self.ledger, self.report = ledger, report
        self.home = home_page()
        self.reserved = reserved_slugs()
        self.category_parent = {}  # category slug → parent slug

    # Authors

    def author_index(self):
        index = AuthorIndexPage.objects.first()
        if index is None:
            index = create_child(self.home, AuthorIndexPage(title="La rédaction", slug="auteurs"))
        return index

    def import_author(self, data):
        login = data.get("wp:author_login", "")
        name = clean_text(data.get("wp:author_display_name")) or login
        wp_id = int(data.get("wp:author_id") or 0) or zlib.crc32(login.encode())
        self.report.count("author", "read")
        row = self.ledger.find(ItemKind.AUTHOR, wp_id)
        source = digest(data)
        if row is not None:
            page = AuthorPage.objects.filter(pk=row.object_id).first()
            if page is not None:
                self.ledger.remember("login", login, page.pk)
                self.report.count("author", "unchanged")
                return
        index = self.author_index()
        slug = clean_slug(data.get("wp:author_nicename") or name, login)
        page = AuthorPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = create_child(index, AuthorPage(title=name[:255], slug=slug, live=True))
            self.report.count("author", "created")
        else:
            self.report.count("author", "adopted")
        self.ledger.record(ItemKind.AUTHOR, wp_id, page.pk, source, row=row)
        self.ledger.remember("login", login, page.pk)
        olds = [f"/author/{login}/", f"/author/{login}/feed/", f"/?author={wp_id}"]
        redirects.add(self.report, olds, page=page)

    # Categories and tags

    def import_term(self, term):
        if term["taxonomy"] not in ("category", "post_tag"):
            self.report.skip("terms", term["taxonomy"] or "?")
            return
        kind = ItemKind.CATEGORY if term["taxonomy"] == "category" else ItemKind.TAG
        slug = unquote(term["slug"])
        if self.ledger.maps.get(kind, {}).get(slug):
            return  # the same term again (exporters repeat categories and tags as wp:term)
        self.report.count(kind.value, "read")
        wp_id = int(term["id"] or 0)
        if kind == ItemKind.CATEGORY:
            self.category_parent[slug] = unquote(term["parent"] or "")
            self.ledger.remember("category_slug", wp_id, slug)  # for primary categories
        top_level = kind == ItemKind.CATEGORY and not term["parent"]
        row = self.ledger.find(kind, wp_id) if wp_id else None
        if row is not None:
            self.report.count(kind.value, "unchanged")
            self.ledger.remember(kind, slug, ("section" if top_level else "topic", row.object_id))
            return
        made = self._section(term, slug) if top_level else self._topic(term, slug, kind)
        target = ("section" if top_level else "topic", made.pk)
        if wp_id:
            self.ledger.record(kind, wp_id, target[1], digest(term))
        self.ledger.remember(kind, slug, target)
        self._redirect_term(kind, slug, wp_id, made, top_level)

    def _section(self, term, slug):
        name = clean_text(term["name"]) or slug
        section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
        if section is not None:
            self.report.count("category", "adopted")
            return section
        wanted = slug
        if slug in self.reserved:
            wanted = f"{slug}-rubrique"
            self.report.skip("category", f"adresse « {slug} » réservée, devenue « {wanted} »")
        wanted = free_child_slug(self.home, wanted)
        section = SectionPage(
            title=name[:255], slug=wanted, intro=clean_text(term["description"]), live=True
        )
        self.report.count("category", "created")
        return create_child(self.home, section)

    def _topic(self, term, slug, kind):
        name = clean_text(term["name"]) or slug
        normalised = normalise_name(name)
        topic = Topic.objects.filter(normalised_name=normalised).first()
        if topic is None:
            alias = TopicAlias.objects.filter(normalised=normalised).select_related("topic")
            topic = alias.first().topic if alias.exists() else None
        if topic is not None:
            self.report.count(kind.value, "adopted")
        else:
            # Our topic addresses are ASCII (`été` → `ete`); taken or empty: made from the name.
            wanted = slugify(slug)[:200]
            free = wanted and not Topic.objects.filter(slug=wanted).exists()
            topic = Topic(name=name[:200], slug=wanted if free else "", confirmed=True)
            topic.description = clean_text(term["description"])
            topic.save()
            self.report.count(kind.value, "created")
        self._aliases(topic, [name, slug_name(slug, name)], kind)
        return topic

    def _aliases(self, topic, names, kind):
        """The term's other names become the topic's aliases, so the linker finds them too
        (a name another topic already bears is left to it, and reported)."""
        wanted = {}
        for alias in names:
            alias = alias[:200].strip()
            key = normalise_name(alias)
            if key and key != topic.normalised_name:
                wanted.setdefault(key, alias)
        if not wanted:
            return
        taken = dict(
            TopicAlias.objects.filter(normalised__in=wanted).values_list("normalised", "topic_id")
        )
        taken.update(
            Topic.objects.filter(normalised_name__in=wanted).values_list("normalised_name", "pk")
        )
        for key, alias in wanted.items():
            if key not in taken:
                TopicAlias.objects.create(topic=topic, name=alias)
                self.report.aliases["created"] += 1
            elif taken[key] == topic.pk:
                self.report.aliases["unchanged"] += 1
            else:
                self.report.aliases["other_topic"] += 1
                self.report.skip(kind.value, f"autre nom « {alias} » déjà pris par un autre sujet")

    def _redirect_term(self, kind, slug, wp_id, made, is_section):
        if kind == ItemKind.TAG:
            bases, query = [f"/tag/{slug}/"], f"/?tag={slug}"
        else:
            bases, query = [f"/category/{self.category_path(slug)}/"], f"/?cat={wp_id}"
            if "/" in bases[0].removeprefix("/category/").strip("/"):
                bases.append(f"/category/{slug}/")
        feeds = [b + "feed/" for b in bases]
        if is_section:
            groups = [([*bases, query], made, None), (feeds, None, f"/flux/{made.slug}/")]
        else:
            groups = [([*bases, query], None, made.url), (feeds, None, f"{made.url}flux/")]
        redirects.add_groups(self.report, groups)

    def category_path(self, slug):
        """`parent/child` as WordPress writes a child category's address."""
        parts, seen = [slug], {slug}
        while (parent := self.category_parent.get(parts[0])) and parent not in seen:
            parts.insert(0, parent)
            seen.add(parent)
        return "/".join(parts)

    def slug_of_category(self, wp_id):
        return self.ledger.maps.get("category_slug", {}).get(wp_id)

    def section_for(self, slug):
        """The rubrique of a category: its own, or its top-level ancestor's."""
        top = self.category_path(slug).split("/")[0]
        target = self.ledger.maps.get(ItemKind.CATEGORY, {}).get(top)
        return target[1] if target and target[0] == "section" else None

    def topic_for(self, kind, slug):
        target = self.ledger.maps.get(kind, {}).get(slug)
        return target[1] if target and target[0] == "topic" else None

    def fallback_section(self):
        slug, title = FALLBACK_SECTION
        section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
        if section is None:
            section = create_child(self.home, SectionPage(title=title, slug=slug, live=True))
        return section
