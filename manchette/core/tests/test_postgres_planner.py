"""The site's PostgreSQL sessions plan for short queries: no parallel workers, random reads
priced as on an SSD (`DB_SESSION_OPTIONS`). With the server's defaults, a topic's page on a
200,000-article archive took 371 ms to 1.2 s (a parallel scan of every article by date under
its LIMIT) against 4 ms."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        return cursor.fetchone()[0]


def test_no_parallel_workers_for_a_request():
    assert setting("max_parallel_workers_per_gather") == "0"


def test_random_reads_priced_as_on_an_ssd():
    assert float(setting("random_page_cost")) == pytest.approx(1.1)
