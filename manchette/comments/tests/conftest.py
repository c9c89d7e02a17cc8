import pytest


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    """Test transactions never commit: side effects registered with on_commit run at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
