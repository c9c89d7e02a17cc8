"""A small WXR writer for the tests (and the bench): the shape WordPress's exporter writes,
with made-up content."""

from xml.sax.saxutils import escape

SITE = "https://ancien.example.org"
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>La Gazette d’avant</title>
	<link>{site}</link>
	<description>Un journal</description>
	<language>fr-FR</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{site}</wp:base_site_url>
	<wp:base_blog_url>{site}</wp:base_blog_url>
"""
TAIL = "</channel>\n</rss>\n"


def cdata(value):
    """CDATA as WordPress writes it: `]]>` split across two sections."""
    return "<![CDATA[" + str(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def tag(name, value):
    return f"<{name}>{cdata(value)}</{name}>"


def author(author_id, login, name, email=None):
    return (
        "<wp:author>"
        f"<wp:author_id>{author_id}</wp:author_id>"
        + tag("wp:author_login", login)
        + tag("wp:author_email", email or f"{login}@redaction.example.org")
        + tag("wp:author_display_name", name)
        + "</wp:author>\n"
    )


def category(term_id, slug, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{escape(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{escape(parent)}</wp:category_parent>"
        + tag("wp:cat_name", name)
        + "</wp:category>\n"
    )


def tag_term(term_id, slug, name):
    return (
        f"<wp:tag><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:tag_slug>{escape(slug)}</wp:tag_slug>" + tag("wp:tag_name", name) + "</wp:tag>\n"
    )


def term(term_id, taxonomy, slug, name, parent=""):
    return (
        f"<wp:term><wp:term_id>{term_id}</wp:term_id>"
        + tag("wp:term_taxonomy", taxonomy)
        + tag("wp:term_slug", slug)
        + tag("wp:term_parent", parent)
        + tag("wp:term_name", name)
        + "</wp:term>\n"
    )


def meta(key, value, element="wp:postmeta"):
    return f"<{element}>" + tag("wp:meta_key", key) + tag("wp:meta_value", value) + f"</{element}>"


def comment(comment_id, content, parent=0, approved="1", kind="", email=None, meta_items=(),
            author_name=None, date="2024-03-02 10:00:00", ip="192.0.2.10"):  # fmt: skip
    fields = {
        "wp:comment_id": comment_id,
        "wp:comment_author": author_name or f"Lecteur {comment_id}",
        "wp:comment_author_email": email or f"lecteur{comment_id}@example.net",
        "wp:comment_author_url": "",
        "wp:comment_author_IP": ip,
        "wp:comment_date": date,
        "wp:comment_date_gmt": date,
        "wp:comment_content": content,
        "wp:comment_approved": approved,
        "wp:comment_type": kind,
        "wp:comment_parent": parent,
        "wp:comment_user_id": 0,
    }
    inner = "".join(tag(k, v) for k, v in fields.items())
    inner += "".join(meta(k, v, "wp:commentmeta") for k, v in meta_items)
    return f"<wp:comment>{inner}</wp:comment>"


def item(post_id, title, content, *, slug=None, status="publish", post_type="post",
         date="2024-03-01 08:30:00", creator="camille", excerpt="", categories=(),
         tags=(), metas=(), comments=(), sticky=False, comment_status="open",
         link=None, password="", attachment_url=""):  # fmt: skip
    slug = slug if slug is not None else f"article-{post_id}"
    link = link or f"{SITE}/2024/03/01/{slug}/"
    parts = [
        tag("title", title),
        f"<link>{escape(link)}</link>",
        "<pubDate>Fri, 01 Mar 2024 08:30:00 +0000</pubDate>",
        tag("dc:creator", creator),
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>',
        "<description></description>",
        tag("content:encoded", content),
        tag("excerpt:encoded", excerpt),
        f"<wp:post_id>{post_id}</wp:post_id>",
        tag("wp:post_date", date),
        tag("wp:post_date_gmt", date if status != "draft" else "0000-00-00 00:00:00"),
        tag("wp:post_modified", date),
        tag("wp:post_modified_gmt", date),
        tag("wp:comment_status", comment_status),
        tag("wp:ping_status", "open"),
        tag("wp:post_name", slug),
        tag("wp:status", status),
        "<wp:post_parent>0</wp:post_parent>",
        "<wp:menu_order>0</wp:menu_order>",
        tag("wp:post_type", post_type),
        tag("wp:post_password", password),
        f"<wp:is_sticky>{1 if sticky else 0}</wp:is_sticky>",
    ]
    if attachment_url:
        parts.append(tag("wp:attachment_url", attachment_url))
    for slug_, name in categories:
        parts.append(
            f'<category domain="category" nicename="{escape(slug_)}">{cdata(name)}</category>'
        )
    for slug_, name in tags:
        parts.append(
            f'<category domain="post_tag" nicename="{escape(slug_)}">{cdata(name)}</category>'
        )
    parts += [meta(k, v) for k, v in metas]
    parts += list(comments)
    return "<item>" + "".join(parts) + "</item>\n"


def document(*elements, site=SITE):
    return HEAD.format(site=site) + "".join(elements) + TAIL
