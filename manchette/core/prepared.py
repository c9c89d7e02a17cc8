"""Prepared queries: an ORM query built and compiled once per process, run again with new values.

Building a Django query (filters, joins, annotations) and compiling it to SQL costs more CPU
than SQLite takes to run it: on a whole render of an article, 40 % of the time went there, for
the same few queries every time with another id or path. `PreparedQuery(build, name=kind…)`
calls `build` once per database (and per `variant`) with placeholder values, compiles the
query, notes where each placeholder sits among the SQL's parameters, and from then on runs
that SQL with the values given, through Django's own iterables: model instances,
`select_related`, `values()`, converters, and `prefetch_related` (its queries are built as
usual) come out exactly as from the query built afresh.

What may not be prepared, and is refused when it is met (ValueError at the first call):
a value that does not reach the SQL as one parameter of its own (`__in` lists, `__contains`
patterns), and a query whose SQL depends on anything but the values passed: such a query
names what it depends on in `variant` (a slice's bounds, a flag that adds a condition), and
the time must never be part of it (`timezone.now()` would be frozen).
"""

import copy
import threading

from django.db import connections, router

# Placeholders: values no page ever asks for, within every backend's integer range.
_INT_BASE = -2_147_000_000
MAX_VARIANTS = 64


def _placeholder(kind, index):
    if kind is int:
        return _INT_BASE - index
    if kind is str:
        return f"\x00manchette-prepared-{index}\x00"
    raise ValueError(f"Prepared queries take int and str values, not {kind!r}")


class _Compiled:
    def __init__(self, queryset, alias, placeholders):
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        params = list(params)
        slots = {}
        for name, placeholder in placeholders.items():
            slots[name] = [
                i
                for i, param in enumerate(params)
                if type(param) is type(placeholder) and param == placeholder
            ]
            if not slots[name]:
                raise ValueError(
                    f"The value {name!r} does not reach the SQL as a parameter of its own: "
                    "this query cannot be prepared."
                )
        self.queryset, self.alias, self.compiler = queryset, alias, compiler
        self.sql, self.params, self.slots = sql, params, slots
        # The columns' converters (dates, booleans, JSON…), as Django works them out for each
        # run, here once per connection: asking the backend and each field for them cost more
        # than running a short query (an article's page row has thirty-odd columns).
        self.select = tuple(column for column, *_ in compiler.select[: compiler.col_count])
        self.kept_converters = None

    def converters(self, connection, expressions):
        """The compiler's `get_converters(expressions)` on `connection`, kept for the compiled
        query's columns."""
        kept = self.kept_converters
        mine = len(expressions) == len(self.select) and all(
            mine is theirs for mine, theirs in zip(self.select, expressions, strict=True)
        )
        if mine and kept is not None and kept[0] is connection:
            return kept[1]
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        converters = compiler.get_converters(expressions)
        if mine:
            self.kept_converters = (connection, converters)
        return converters

    def queryset_for(self, values):
        params = self.params.copy()
        for name, positions in self.slots.items():
            value = values[name]
            for position in positions:
                params[position] = value
        compiler = copy.copy(self.compiler)
        # This thread's connection (each thread has its own).
        compiler.connection = connection = connections[self.alias]
        sql, params = self.sql, tuple(params)
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        converters = self.converters
        compiler.get_converters = lambda expressions: converters(connection, expressions)
        queryset = self.queryset._chain()
        # This clone only: Django asks the query for its compiler when it runs it.
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return queryset


class PreparedQuery:
    """`build(**placeholders)` returns the query; `kinds` says each value's type (int, str).

    A query whose SQL changes with something other than its values says so: `variants=True`
    passes the caller's `variant` (a hashable: a slice's bounds, an order) to `build` as its
    first argument; `state`, a function, names what `build` itself reads that changes the
    SQL (whether the site has a private page): one compiled query per (state, variant).
    """

    def __init__(self, build, *, variants=False, state=None, **kinds):
        self.build = build
        self.variants = variants
        self.state = state
        self.kinds = kinds
        self.compiled = {}
        self.lock = threading.Lock()

    def _build(self, variant):
        placeholders = {
            name: _placeholder(kind, i) for i, (name, kind) in enumerate(self.kinds.items())
        }
        if self.variants:
            queryset = self.build(variant, **placeholders)
        else:
            queryset = self.build(**placeholders)
        # The database the query would be read from (the routers are asked once).
        alias = queryset._db or router.db_for_read(queryset.model)
        return _Compiled(queryset, alias, placeholders)

    def _compiled(self, variant):
        key = (self.state() if self.state else None, variant)
        found = self.compiled.get(key)
        if found is None:
            found = self._build(variant)
            if self.state and self.state() != key[0]:
                return found  # the state changed while building: used once, not kept
            with self.lock:
                if len(self.compiled) >= MAX_VARIANTS:
                    self.compiled.clear()
                self.compiled[key] = found
        return found

    def queryset(self, variant=None, **values):
        """A fresh queryset that runs the prepared SQL with `values`: evaluate it (iterate,
        `list()`), never chain it (a chained queryset would run the prepared SQL as well)."""
        if values.keys() != self.kinds.keys():
            raise TypeError(f"Expected the values {sorted(self.kinds)}, got {sorted(values)}")
        return self._compiled(variant).queryset_for(values)

    def all(self, variant=None, **values):
        """The rows, as the built query's iterable makes them (instances, dicts…)."""
        queryset = self.queryset(variant, **values)
        queryset._fetch_all()
        return queryset._result_cache

    def first(self, variant=None, **values):
        """The first row or None: `build` slices the query itself (`[:1]`)."""
        rows = self.all(variant, **values)
        return rows[0] if rows else None
