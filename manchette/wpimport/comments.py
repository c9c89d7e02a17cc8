"""A post's comments: threads rebuilt from comment_parent, states, wpDiscuz pins and votes.

Comments are written with bulk_create, one level of the thread at a time: no signal, no
notification, no e-mail. Commenter e-mails are kept (never shown, as for every comment);
addresses are stored as the same keyed hash as a comment posted here.
"""

import html
import re

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from manchette.comments import text as comment_text
from manchette.comments.models import Comment, CommentStatus
from manchette.comments.posting import place_in_thread
from manchette.core.clients import hashed_network_of

from .ledger import digest
from .models import ImportedItem, ItemKind
from .posts import parse_date

STATUSES = {
    "1": CommentStatus.PUBLISHED,
    "0": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REJECTED,
}
NORMAL_TYPES = {"", "comment", "wpdiscuz_stick", "review"}
# a:2:{s:4:"like";i:3;s:7:"dislike";i:-1;} and nothing else (never PHP's unserialize).
PHP_ARRAY = re.compile(r"^a:(\d+):\{(.*)\}$", re.DOTALL)
PHP_PAIR = re.compile(r's:(\d+):"([a-z_]*)";i:(-?\d{1,9});')


def parse_votes(value):
    """{"like": n, "dislike": n} from wpDiscuz's serialized array, or None when the value
    is anything but an array of string keys and integers (with lengths that match)."""
    match = PHP_ARRAY.match((value or "").strip())
    if not match:
        return None
    body, pairs, position = match.group(2), {}, 0
    while position < len(body):
        pair = PHP_PAIR.match(body, position)
        if not pair or int(pair.group(1)) != len(pair.group(2).encode()):
            return None
        pairs[pair.group(2)] = int(pair.group(3))
        position = pair.end()
    return pairs if len(pairs) == int(match.group(1)) else None


def plain_body(content):
    """A comment's HTML as the plain text our comments store (paragraphs kept)."""
    if "<" not in (content or ""):  # most comments: plain text, perhaps with entities
        return comment_text.normalise(html.unescape(content or ""))
    soup = BeautifulSoup(content or "", "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for paragraph in soup.find_all("p"):
        paragraph.insert_after("\n\n")
    return comment_text.normalise(soup.get_text())


def email_of(value):
    value = (value or "").strip().lower()
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


def votes_of(meta):
    votes = parse_votes(meta.get("wpdiscuz_votes_seperate"))
    if votes is not None:
        up, down = abs(votes.get("like", 0)), abs(votes.get("dislike", 0))
        return up, down, up - down
    total = (meta.get("wpdiscuz_votes") or "").strip()
    score = int(total) if re.fullmatch(r"-?\d{1,9}", total) else 0
    return max(score, 0), max(-score, 0), score


def fingerprint(comment):
    return digest([comment.status, comment.body, comment.pinned, comment.parent_id])


class Comments:
    def __init__(self, ledger, report):
        self.ledger, self.report = ledger, report

    def status_of(self, data):
        kind = data.get("comment_type", "")
        if kind not in NORMAL_TYPES:
            return CommentStatus.REJECTED, kind  # pingbacks, trackbacks: never public
        return STATUSES.get(data.get("comment_approved", ""), CommentStatus.REJECTED), ""

    def build(self, data, article):
        status, kind = self.status_of(data)
        created = parse_date(data.get("comment_date_gmt"), data.get("comment_date"))
        up, down, score = votes_of(data["meta"])
        sticky = data["meta"].get("wpdiscuz_sticky", "") not in ("", "0")
        address = (data.get("comment_author_IP") or "").strip()
        body = plain_body(data.get("comment_content")) or "…"
        return Comment(
            article=article,
            author_name=(data.get("comment_author") or "").strip()[:80] or "Anonyme",
            guest_email=email_of(data.get("comment_author_email")),
            body=body,
            body_html=comment_text.render(body),
            status=status,
            moderation_reason=f"{kind} importé de WordPress" if kind else "",
            pinned=sticky or data.get("comment_type") == "wpdiscuz_stick",
            upvotes=up,
            downvotes=down,
            score=score,
            client_hash=hashed_network_of(address) if address else "",
            created_at=created,
            published_at=created if status == CommentStatus.PUBLISHED else None,
        )

    def import_for(self, item, article):
        """Brings over the comments of one post, parents before replies."""
        wanted, by_id = [], {}
        for data in item["comments"]:
            if data.get("comment_type") == "note":
                self.report.count("comment", "read")
                self.report.skip("comment", "note éditoriale (jamais publique)")
                continue
            wp_id = int(data.get("comment_id") or 0)
            by_id[wp_id] = data
            wanted.append(wp_id)
        rows = self.ledger.find_many(ItemKind.COMMENT, wanted) if wanted else {}
        existing = {}
        if rows:
            existing = {
                c.pk: c for c in Comment.objects.filter(pk__in=[r.object_id for r in rows.values()])
            }
        placed = {}  # wp id → Comment
        for level in self.levels(by_id):
            self.import_level(level, by_id, rows, existing, placed, article)

    def levels(self, by_id):
        depth = {}

        def depth_of(wp_id, seen=()):
            if wp_id not in depth:
                parent = int(by_id[wp_id].get("comment_parent") or 0)
                if parent in by_id and parent not in seen and len(seen) < 1000:
                    depth[wp_id] = depth_of(parent, (*seen, wp_id)) + 1
                else:
                    depth[wp_id] = 0
            return depth[wp_id]

        levels = {}
        for wp_id in by_id:
            levels.setdefault(depth_of(wp_id), []).append(wp_id)
        return [sorted(levels[d]) for d in sorted(levels)]

    def import_level(self, level, by_id, rows, existing, placed, article):
        new, new_ids, digests = [], [], []
        for wp_id in level:
            data = by_id[wp_id]
            self.report.count("comment", "read")
            source = digest(data)
            row = rows.get(wp_id)
            current = existing.get(row.object_id) if row else None
            if current is not None:
                placed[wp_id] = current
                self.update(current, row, data, source, wp_id)
                continue
            comment = self.build(data, article)
            # As a reply posted here: under its parent, or its nearest ancestor at max depth.
            place_in_thread(comment, placed.get(int(data.get("comment_parent") or 0)))
            new.append(comment)
            new_ids.append(wp_id)
            digests.append(source)
            placed[wp_id] = comment
        if not new:
            return
        Comment.objects.bulk_create(new)
        ImportedItem.objects.bulk_create(
            [
                ImportedItem(
                    site=self.ledger.site,
                    kind=ItemKind.COMMENT,
                    wp_id=wp_id,
                    object_id=comment.pk,
                    digest=source,
                    fingerprint=fingerprint(comment),
                )
                for wp_id, comment, source in zip(new_ids, new, digests, strict=True)
            ]
        )
        for comment in new:
            self.report.count("comment", "created")
            self.report.comments[comment.status] += 1

    def update(self, current, row, data, source, wp_id):
        if row.digest == source:
            self.report.count("comment", "unchanged")
            return
        if fingerprint(current) != row.fingerprint:
            self.report.conflict("comment", wp_id)
            return
        fresh = self.build(data, current.article_id and current.article)
        for name in ("author_name", "guest_email", "body", "body_html", "status", "pinned"):
            setattr(current, name, getattr(fresh, name))
        current.upvotes, current.downvotes, current.score = (
            fresh.upvotes,
            fresh.downvotes,
            fresh.score,
        )
        current.save()
        row.digest, row.fingerprint = source, fingerprint(current)
        row.save(update_fields=["digest", "fingerprint"])
        self.report.count("comment", "updated")
        self.report.comments[current.status] += 1
