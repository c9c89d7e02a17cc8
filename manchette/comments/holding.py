"""The holding rules: what the database says about a new comment (one query), and whether
the comment is published, held for the moderators or rejected."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.comments import text as comment_text
from manchette.comments.models import Comment, CommentStatus, HoldReason, Premoderation

BURST_WINDOW = timedelta(minutes=10)


def find_word(body, words):
    """The first of `words` found in `body` (any case), or None."""
    lowered = body.lower()
    for word in words:
        if word and word in lowered:
            return word
    return None


@dataclass
class PostingFacts:
    """What the database says about a new comment, read in one query (see `posting_facts`)."""

    closed: bool = False
    maybe_banned: bool = False  # a ban names this address or account (active or expired)
    confirmed: bool = False  # this browser proved the guest's address (proof.ProvenBrowser)
    repeated: bool = False  # the same text from this author or address in the last day
    recent: int = 0  # comments from this address in the last BURST_WINDOW
    history: int = 0  # the author's last comments (5 at most)…
    history_bad: int = 0  # …and how many of them were rejected or marked as spam
    # A guest never published before, asked only of a text with a link or a sum of money.
    first_guest: bool = False


# The author's last five comments: the last five by address and the last five by account,
# each read in index order, then merged (one OR would sort all of the author's comments).
_LAST_COMMENTS = """
    SELECT status, created_at FROM (
        SELECT status, created_at FROM comments_comment
        WHERE guest_email = %(email)s
        ORDER BY created_at DESC LIMIT 5
    ) by_address
    UNION ALL
    SELECT status, created_at FROM (
        SELECT status, created_at FROM comments_comment
        WHERE user_id IN (SELECT id FROM author_accounts) AND guest_email <> %(email)s
        ORDER BY created_at DESC LIMIT 5
    ) by_account
    ORDER BY created_at DESC LIMIT 5
"""

# Every fact a new comment's rules need, in one statement: each Django query costs more to
# build than to run, and a post used to need up to seven. No value is ever put in the text
# (only bound parameters), and each subquery reads an index, so the cost stays flat as
# comments and bans pile up. The author is Comment.objects.by_email(): a guest address, or an
# account's (any case). `test_posting_cost.py` checks every fact against the ORM.
POSTING_FACTS_SQL = """
WITH author_accounts AS (
    SELECT id FROM accounts_user WHERE %(email)s <> '' AND LOWER(email) = %(email)s
),
-- Named once, read twice below: PostgreSQL plans it once (and computes it at most once).
last_comments AS (LAST_COMMENTS)
SELECT
    EXISTS (
        SELECT 1 FROM comments_articlecommentsettings
        WHERE article_id = %(article_id)s AND closed = %(true)s
    ),
    EXISTS (
        SELECT 1 FROM comments_ban
        WHERE (email = %(email)s AND %(email)s <> '') OR user_id = %(user_id)s
    ),
    CASE WHEN %(want_confirmed)s THEN EXISTS (
        SELECT 1 FROM accounts_provenbrowser
        WHERE nonce_hash = %(browser_key)s AND email = %(email)s
    ) ELSE %(false)s END,
    CASE WHEN %(want_repeated)s THEN (
        EXISTS (
            SELECT 1 FROM comments_comment
            WHERE client_hash = %(client_hash)s AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
        OR EXISTS (
            SELECT 1 FROM comments_comment
            WHERE guest_email = %(email)s AND %(email)s <> '' AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
        OR EXISTS (
            SELECT 1 FROM comments_comment
            WHERE user_id IN (SELECT id FROM author_accounts) AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
    ) ELSE %(false)s END,
    CASE WHEN %(want_burst)s THEN (
        SELECT COUNT(*) FROM comments_comment
        WHERE client_hash = %(client_hash)s AND created_at >= %(burst_since)s
    ) ELSE 0 END,
    CASE WHEN %(want_history)s THEN (SELECT COUNT(*) FROM last_comments) ELSE 0 END,
    CASE WHEN %(want_history)s THEN (
        SELECT COUNT(*) FROM last_comments WHERE status IN (%(rejected)s, %(spam)s)
    ) ELSE 0 END,
    CASE WHEN %(want_first_guest)s THEN NOT (
        EXISTS (
            SELECT 1 FROM comments_comment
            WHERE guest_email = %(email)s AND status = %(published)s
        )
        OR EXISTS (
            SELECT 1 FROM comments_comment
            WHERE user_id IN (SELECT id FROM author_accounts) AND status = %(published)s
        )
    ) ELSE %(false)s END
""".replace("LAST_COMMENTS", _LAST_COMMENTS)


def posting_facts(
    *,
    article_id,
    email,
    user_id=None,
    client_hash="",
    body="",
    rules,
    hold=True,
    browser_key="",
    now=None,
):
    """The facts for a new comment (`PostingFacts`) in a single query.

    `hold`: the holding-rule statistics are wanted (only those `rules` switch on);
    `browser_key`: the posting browser's key (`proof.browser_key`), to learn whether that
    browser proved the guest's address.
    """
    email = (email or "").strip().lower()
    now = now or timezone.now()
    promoting = comment_text.count_links(body) > 0 or comment_text.has_money_amount(body)
    created_at = Comment._meta.get_field("created_at")
    params = {
        "article_id": article_id,
        "email": email,
        "user_id": user_id,
        "client_hash": client_hash or "",
        "body": body,
        "day_ago": created_at.get_db_prep_value(now - timedelta(days=1), connection),
        "burst_since": created_at.get_db_prep_value(now - BURST_WINDOW, connection),
        "want_confirmed": bool(browser_key and email),
        "browser_key": browser_key or "",
        "want_repeated": bool(hold and rules.hold_repeated),
        "want_burst": bool(hold and client_hash and rules.burst_count),
        "want_history": bool(hold and rules.hold_bad_history and email),
        "want_first_guest": bool(hold and email and user_id is None and promoting),
        "published": CommentStatus.PUBLISHED.value,
        "rejected": CommentStatus.REJECTED.value,
        "spam": CommentStatus.SPAM.value,
        "true": True,
        "false": False,
    }
    with connection.cursor() as cursor:
        cursor.execute(POSTING_FACTS_SQL, params)
        closed, banned, confirmed_, repeated, recent, history, bad, first = cursor.fetchone()
    return PostingFacts(
        closed=bool(closed),
        maybe_banned=bool(banned),
        confirmed=bool(confirmed_),
        repeated=bool(repeated),
        recent=int(recent),
        history=int(history),
        history_bad=int(bad),
        first_guest=bool(first),
    )


def hold_decision(*, body, email, client_hash, newsroom, rules, facts):
    """(status, hold reason, detail) for a new comment, before the email-confirmation step."""
    word = find_word(body, rules.word_list(rules.banned_words))
    if word:
        return CommentStatus.REJECTED, HoldReason.BANNED_WORD, word
    if newsroom:
        return CommentStatus.PUBLISHED, HoldReason.NONE, ""
    word = find_word(body, rules.word_list(rules.suspect_words))
    if word:
        return CommentStatus.PENDING, HoldReason.SUSPECT_WORD, word
    links = comment_text.count_links(body)
    # `max_links` is where the rule starts: with 2, a comment with two links waits.
    if links and links >= rules.max_links:
        return CommentStatus.PENDING, HoldReason.LINKS, _("%(n)d liens") % {"n": links}
    if facts.first_guest:
        # A first comment selling something: a link or a sum of money waits for a moderator.
        detail = _("lien") if links else _("montant")
        return CommentStatus.PENDING, HoldReason.FIRST_GUEST_PROMOTION, detail
    if rules.hold_repeated and facts.repeated:
        return CommentStatus.PENDING, HoldReason.REPEATED, ""
    recent = facts.recent
    if client_hash and rules.burst_count and recent >= rules.burst_count:
        return CommentStatus.PENDING, HoldReason.BURST, _("%(n)d en 10 min") % {"n": recent}
    if rules.hold_bad_history and email:
        bad, count = facts.history_bad, facts.history
        if count >= 3 and bad * 2 > count:
            return CommentStatus.PENDING, HoldReason.HISTORY, f"{bad}/{count}"
    if rules.premoderation == Premoderation.ALL:
        return CommentStatus.PENDING, HoldReason.PREMODERATION, ""
    return CommentStatus.PUBLISHED, HoldReason.NONE, ""
