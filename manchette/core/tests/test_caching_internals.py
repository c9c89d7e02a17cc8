"""The private library internals the cache code relies on, wrapped in `core/internals.py`:
these tests fail if an upgrade changes them."""

import pytest
from django.db.models.query import QuerySet
from wagtail.models import PageViewRestriction

from manchette.core.internals import known_empty

pytestmark = pytest.mark.django_db


def test_django_querysets_still_keep_their_results_where_known_empty_writes_them():
    queryset = PageViewRestriction.objects.all()
    assert queryset._result_cache is None and queryset._prefetch_done is False
    # `_fetch_all` is where Django reads them: a renamed attribute would not be read.
    assert "_result_cache" in QuerySet._fetch_all.__code__.co_names
    assert "_prefetch_done" in QuerySet._fetch_all.__code__.co_names


def test_a_known_empty_queryset_is_iterated_without_a_query(django_assert_num_queries):
    queryset = known_empty(PageViewRestriction.objects.none())
    with django_assert_num_queries(0):
        assert list(queryset) == [] and not queryset.exists()
