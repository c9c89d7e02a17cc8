"""wpDiscuz's own tables, extracted as tab-separated files (`--wpdiscuz DIR`, see
docs/migrating-from-wordpress.md): each reader's vote and the comment subscriptions.

`wc_users_voted.tsv`: id, user_id, comment_id, vote_type, is_guest, post_id, date.
`wc_comments_subscription.tsv`: id, email, subscribtion_id, post_id, subscribtion_type,
activation_key, confirm, subscription_date, imported_from (wpDiscuz's spelling).
Rows that do not parse are counted as failed; rows already imported are left alone.
"""

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from manchette.comments.models import CommentVote, Subscription, SubscriptionKind

from .models import ItemKind

VOTES_FILE = "wc_users_voted.tsv"
SUBSCRIPTIONS_FILE = "wc_comments_subscription.tsv"
BATCH = 1000
INTEGER = re.compile(r"-?\d{1,18}")
KINDS = {
    "post": SubscriptionKind.FOLLOW_UPS,
    "all_comment": SubscriptionKind.FOLLOW_UPS,
    "comment": SubscriptionKind.REPLIES,
}


def rows(path):
    """Dicts of a TSV file with a header line (as `mysql --batch` writes it), in batches."""
    csv.field_size_limit(1 << 20)
    with path.open(encoding="utf-8", newline="") as handle:
        batch = []
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            batch.append(row)
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


def integer(value):
    value = (value or "").strip()
    return int(value) if INTEGER.fullmatch(value) else None


def moment(value):
    value = (value or "").strip()
    if INTEGER.fullmatch(value):
        return datetime.fromtimestamp(int(value), tz=UTC)
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def import_votes(path, ledger, report):
    for batch in rows(path):
        ids = {integer(row.get("comment_id")) for row in batch} - {None}
        comments = {
            wp: item.object_id for wp, item in ledger.find_many(ItemKind.COMMENT, ids).items()
        }
        votes = []
        for row in batch:
            report.count("vote", "read")
            comment_id = comments.get(integer(row.get("comment_id")))
            value = integer(row.get("vote_type"))
            voter = (row.get("user_id") or "").strip()[:60]
            if comment_id is None:
                report.skip("vote", "commentaire non importé")
                continue
            if value not in (1, -1) or not voter:
                report.fail("vote", row.get("id"), "ligne illisible")
                continue
            created = moment(row.get("date"))
            vote = CommentVote(comment_id=comment_id, voter=f"wp:{voter}", value=value)
            if created:
                vote.created_at = created
            votes.append(vote)
        existing = set(
            CommentVote.objects.filter(comment_id__in=comments.values()).values_list(
                "comment_id", "voter"
            )
        )
        fresh = [v for v in votes if (v.comment_id, v.voter) not in existing]
        CommentVote.objects.bulk_create(fresh, ignore_conflicts=True)
        report.count("vote", "created", len(fresh))
        report.count("vote", "unchanged", len(votes) - len(fresh))


def import_subscriptions(path, ledger, report):
    for batch in rows(path):
        ids = {integer(row.get("post_id")) for row in batch} - {None}
        articles = {wp: item.object_id for wp, item in ledger.find_many(ItemKind.POST, ids).items()}
        wanted = []
        for row in batch:
            report.count("subscription", "read")
            article_id = articles.get(integer(row.get("post_id")))
            email = (row.get("email") or "").strip().lower()
            kind = KINDS.get((row.get("subscribtion_type") or "").strip())
            if article_id is None:
                report.skip("subscription", "article non importé")
                continue
            try:
                validate_email(email)
            except ValidationError:
                kind = None
            if kind is None:
                report.fail("subscription", row.get("id"), "ligne illisible")
                continue
            subscription = Subscription(
                article_id=article_id,
                email=email,
                kind=kind,
                confirmed=(row.get("confirm") or "").strip() == "1",
            )
            if created := moment(row.get("subscription_date")):
                subscription.created_at = created
            wanted.append(subscription)
        existing = set(
            Subscription.objects.filter(article_id__in=articles.values()).values_list(
                "article_id", "email", "kind"
            )
        )
        fresh = [s for s in wanted if (s.article_id, s.email, s.kind) not in existing]
        Subscription.objects.bulk_create(fresh, ignore_conflicts=True)
        report.count("subscription", "created", len(fresh))
        report.count("subscription", "unchanged", len(wanted) - len(fresh))


def import_tables(folder, ledger, report):
    """Votes and subscriptions from the extracts found in `folder` (either may be absent)."""
    folder = Path(folder)
    for name, function in ((VOTES_FILE, import_votes), (SUBSCRIPTIONS_FILE, import_subscriptions)):
        path = folder / name
        if path.is_file():
            function(path, ledger, report)
        else:
            report.skip("wpdiscuz", f"{name} absent")
