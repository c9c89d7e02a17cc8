"""The admin's search index (Wagtail's), written in bulk once the items are in.

Saving a page or a topic normally indexes it at once, and the database backend then
recomputes an average over the whole index: one import of 50,000 articles would pay that
50,000 times, each time over a bigger table. During an import `deferred()` leaves out that
per-item indexing (in this thread only; other threads index as usual), and `index_missing()`
indexes, a few hundred at a time, every imported object that has no index entry yet: those
of this run, and those of a run killed before it reached the end. Updated items are indexed
again at once, in batches (`Pending`).
"""

import threading
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.search.models import IndexEntry
from wagtail.search.signal_handlers import post_save_signal_handler

from manchette.news.models import ArticlePage, AuthorPage, InfoPage, SectionPage
from manchette.topics.models import Topic

from .models import ImportedItem, ItemKind

BATCH = 500
# What each kind of imported item may have become.
MODELS = (
    (ArticlePage, (ItemKind.POST,)),
    (InfoPage, (ItemKind.PAGE,)),
    (AuthorPage, (ItemKind.AUTHOR,)),
    (SectionPage, (ItemKind.CATEGORY,)),
    (Topic, (ItemKind.CATEGORY, ItemKind.TAG)),
)

_local = threading.local()
_lock = threading.Lock()
_users = {"count": 0, "models": []}


def _handler(sender, instance, **kwargs):
    if not getattr(_local, "deferred", 0):
        post_save_signal_handler(instance, **kwargs)


@contextmanager
def deferred():
    """No per-item search indexing in this thread while inside."""
    with _lock:
        if _users["count"] == 0:
            models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
            for model in models:
                if post_save.disconnect(post_save_signal_handler, sender=model):
                    post_save.connect(_handler, sender=model)
                    _users["models"].append(model)
        _users["count"] += 1
    _local.deferred = getattr(_local, "deferred", 0) + 1
    try:
        yield
    finally:
        _local.deferred -= 1
        with _lock:
            _users["count"] -= 1
            if _users["count"] == 0:
                for model in _users["models"]:
                    post_save.disconnect(_handler, sender=model)
                    post_save.connect(post_save_signal_handler, sender=model)
                _users["models"] = []


def index_objects(model, ids):
    """Indexes these objects of `model`, in batches."""
    ids = list(ids)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(ids), BATCH):
        objects = list(model.get_indexed_objects().filter(pk__in=ids[start : start + BATCH]))
        for backend in backends:
            backend.add_bulk(model, objects)


def index_missing(site):
    """Indexes the imported objects of `site` that have no search index entry."""
    for model, kinds in MODELS:
        content_type = ContentType.objects.get_for_model(model)
        entry = IndexEntry.objects.filter(
            content_type_id=content_type.pk, object_id=Cast(OuterRef("pk"), TextField())
        )
        imported = ImportedItem.objects.filter(site=site, kind__in=kinds).values("object_id")
        missing = (
            model.objects.filter(pk__in=imported)
            .exclude(Exists(entry))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        last = 0
        while batch := list(missing.filter(pk__gt=last)[:BATCH]):
            index_objects(model, batch)
            last = batch[-1]


class Pending:
    """Objects updated by the import, indexed again a batch at a time."""

    def __init__(self):
        self.ids = {}

    def add(self, model, pk):
        self.ids.setdefault(model, set()).add(pk)
        if len(self.ids[model]) >= BATCH:
            index_objects(model, self.ids.pop(model))

    def flush(self):
        for model, ids in self.ids.items():
            index_objects(model, ids)
        self.ids = {}
