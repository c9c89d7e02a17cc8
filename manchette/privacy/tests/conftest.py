"""One of everything the site can hold about one reader (`reader_data`)."""

from dataclasses import dataclass

import pytest

EMAIL = "zephyrine.quelquefois@example.org"
NAME = "Zéphyrine Quelquefois"
# The hash of the nonce in her browser's cookie (`accounts.proof.nonce_key`).
BROWSER_KEY = "b" * 64


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    """Test transactions never commit: side effects registered with on_commit run at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def worker_record(task_path, *args, finished_at=None):
    """A finished job as the database task backend keeps it (the tests run tasks inline)."""
    from django.utils import timezone
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    return DBTaskResult.objects.create(
        status=TaskResultStatus.SUCCESSFUL,
        args_kwargs={"args": list(args), "kwargs": {}},
        task_path=task_path,
        backend_name="default",
        run_after=now,
        finished_at=finished_at or now,
    )


@dataclass
class ReaderData:
    user: object
    article: object
    own_comment: object
    guest_comment: object
    awaiting_comment: object
    someone_elses: object
    reply_to_own: object


@pytest.fixture
def reader_data(django_user_model):
    """A signed-up reader who did everything once, with a guest comment under their address."""
    from manchette.accounts import proof
    from manchette.accounts.readers import Reader
    from manchette.comments import votes
    from manchette.comments.factories import CommentFactory
    from manchette.comments.models import GuestEmail, SubscriptionKind
    from manchette.comments.moderation import reject_comment
    from manchette.comments.notifications import subscribe
    from manchette.news.factories import ArticleFactory
    from manchette.newsletter import subscriptions
    from manchette.newsletter.factories import default_list
    from manchette.reactions.factories import ReactionFactory
    from manchette.topics.factories import TopicFactory
    from manchette.topics.follows import confirm_follow, request_follow

    user = django_user_model.objects.create_user(
        "lecteur-zq", EMAIL, display_name=NAME, first_name="Zéphyrine", last_name="Quelquefois"
    )
    article = ArticleFactory(title="Un article lu de près")
    own = CommentFactory(
        article=article, user=user, guest_email="", author_name=NAME, client_hash="h-own"
    )
    guest = CommentFactory(
        article=article, guest_email=EMAIL, author_name="Zéphyrine Q.", client_hash="h-guest"
    )
    awaiting = CommentFactory(
        article=article,
        guest_email=EMAIL,
        author_name="Zéphyrine Q.",
        pending=True,
        awaiting_confirmation=True,
        browser_key=BROWSER_KEY,
    )
    GuestEmail.objects.create(email=EMAIL)
    someone_elses = CommentFactory(article=article, author_name="Paul Autre")
    reply = CommentFactory(parent=own, author_name="Paul Autre", guest_email="paul@example.org")
    as_reader = Reader(user_id=user.pk)
    votes.vote(someone_elses, as_reader, 1)
    votes.report(someone_elses, as_reader, "abuse", "Insultant envers Zéphyrine Q.")
    reject_comment(awaiting, reason=f"Doublon du commentaire de {NAME}")
    ReactionFactory(article=article, user=user)
    subscribe(article=article, email=EMAIL, kind=SubscriptionKind.REPLIES, user=user)
    lst = default_list()
    subscriptions.subscribe(
        EMAIL, [lst], source="encadré", text=subscriptions.consent_text([lst]), ip_hash="ip-zq"
    )
    confirm_follow(request_follow(TopicFactory(name="Bretagne"), EMAIL))
    # Her browser proved the address once (the POST of a confirmation page); Paul's his own.
    proof.remember_browser(BROWSER_KEY, EMAIL, "Zéphyrine Q.")
    proof.remember_browser(proof.nonce_key("nonce-de-paul"), "paul@example.org", "Paul Autre")
    worker_record("manchette.accounts.tasks.send_signin_link", EMAIL, "/compte/donnees/")
    return ReaderData(user, article, own, guest, awaiting, someone_elses, reply)
