"""Every lookup of an account by address reads the index on LOWER(email), however many
readers have an account (a comment's facts look the author up on each post)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from manchette.accounts import services

pytestmark = pytest.mark.django_db

INDEX = "accounts_user_email_lower"


def plan(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is tiny: without this the planner rightly prefers reading it whole.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


def test_address_lookups_read_the_lower_email_index():
    User = get_user_model()
    for n in range(30):
        User.objects.create_user(f"lecteur{n}", email=f"Lecteur{n}@Example.org")

    assert services.find_user("  LECTEUR7@example.ORG ").username == "lecteur7"
    sql, params = services.with_email("lecteur7@example.org").query.sql_with_params()
    assert INDEX in plan(sql, params)
    # The author's accounts in the one query of a new comment's facts (comments.holding).
    author = "SELECT id FROM accounts_user WHERE %s <> '' AND LOWER(email) = %s"
    assert INDEX in plan(author, ["lecteur7@example.org"] * 2)
