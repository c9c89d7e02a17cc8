"""The one place the cache code reaches into a library's private internals.

Each use is wrapped here, and `manchette/core/tests/test_caching_internals.py` fails if an
upgrade of Django changes what it relies on.
"""


def known_empty(queryset):
    """`queryset` marked as already evaluated to no rows: iterating it then skips compiling
    the SQL only to find it empty (Django's private `_result_cache` and `_prefetch_done`,
    which `QuerySet.__iter__` and `_fetch_all` read)."""
    queryset._result_cache, queryset._prefetch_done = [], True
    return queryset
