"""The transaction a reader's own write runs in (a comment, a reaction, a vote).

On PostgreSQL each commit waits for its write-ahead log to reach the disk: 1 to 4 ms on this
project's test machine, as much as the rest of a comment post. A reader's comment, reaction or
vote does not need that wait: with `synchronous_commit` off for that one transaction, a crash
of the database host can lose the last fraction of a second of such writes (never corrupt
anything, never split a transaction: the comment and its queued e-mail go together or not at
all), which is the promise SQLite's `synchronous=NORMAL` already makes for every write here.
Editors' work, accounts, consent proofs and newsletters keep the durable commit.

`ASYNC_COMMIT_READER_WRITES` (on by default) turns this off for a newsroom that wants every
comment on disk before the reader is answered.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction


@contextmanager
def reader_write(using=DEFAULT_DB_ALIAS):
    """`transaction.atomic()`, committed without waiting for the disk on PostgreSQL when it is
    the outermost transaction (inside another one, the outer transaction decides)."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and settings.ASYNC_COMMIT_READER_WRITES and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield
