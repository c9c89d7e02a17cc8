"""The toggle: a click records, another kind changes it, the same kind withdraws it."""

import pytest

from manchette.accounts.readers import Reader
from manchette.reactions import services
from manchette.reactions.factories import ReactionFactory
from manchette.reactions.models import ArticleReactionCount, Reaction, ReactionKind
from manchette.reactions.services import Outcome

pytestmark = pytest.mark.django_db


def counts(article):
    return {
        c.kind.slug: c.count
        for c in ArticleReactionCount.objects.filter(article=article).select_related("kind")
        if c.count
    }


def test_default_set_is_french_with_accented_labels_and_plain_slugs(kinds):
    offered = [(k.slug, k.label) for k in ReactionKind.objects.active()]
    assert offered == [
        ("instructif", "Instructif"),
        ("interessant", "Intéressant"),
        ("surprenant", "Surprenant"),
        ("inquietant", "Inquiétant"),
        ("agacant", "Agaçant"),
    ]
    # Shipped inline SVG icons: no emoji font needed, nothing fetched.
    for kind in ReactionKind.objects.all():
        assert kind.icon_html.startswith("<svg") and 'aria-hidden="true"' in kind.icon_html


def test_an_emoji_replaces_the_icon_and_one_of_them_is_required(kinds):
    from django.core.exceptions import ValidationError

    kind = kinds["agacant"]
    kind.emoji = "😤"
    assert "😤" in kind.icon_html and "<svg" not in kind.icon_html
    kind.icon = kind.emoji = ""
    with pytest.raises(ValidationError):
        kind.full_clean()


def test_first_click_records_the_reaction(article, kinds):
    reader = Reader(token="a" * 32)
    assert services.react(article, kinds["instructif"], reader) == Outcome.RECORDED
    assert Reaction.objects.of_reader(reader).get().kind == kinds["instructif"]
    assert counts(article) == {"instructif": 1}


def test_another_kind_changes_the_reaction_and_moves_the_count(article, kinds):
    reader = Reader(token="a" * 32)
    services.react(article, kinds["instructif"], reader)
    assert services.react(article, kinds["agacant"], reader) == Outcome.CHANGED
    assert Reaction.objects.filter(article=article).count() == 1
    assert counts(article) == {"agacant": 1}


def test_same_kind_again_withdraws_the_reaction(article, kinds):
    reader = Reader(token="a" * 32)
    services.react(article, kinds["surprenant"], reader)
    assert services.react(article, kinds["surprenant"], reader) == Outcome.WITHDRAWN
    assert not Reaction.objects.filter(article=article).exists()
    assert counts(article) == {}


def test_counters_equal_the_reactions_after_many_readers(article, kinds):
    for i in range(12):
        services.react(
            article, kinds["instructif" if i % 3 else "inquietant"], Reader(token=f"{i:032d}")
        )
    services.react(article, kinds["instructif"], Reader(token=f"{1:032d}"))  # withdraws
    services.react(article, kinds["agacant"], Reader(token=f"{2:032d}"))  # changes
    assert counts(article) == {"instructif": 6, "inquietant": 4, "agacant": 1}
    for kind_id, n in ArticleReactionCount.objects.filter(article=article).values_list(
        "kind_id", "count"
    ):
        assert Reaction.objects.filter(article=article, kind_id=kind_id).count() == n


def test_one_reaction_per_reader_and_article_is_enforced_by_the_database(article, kinds):
    from django.db import IntegrityError, transaction

    Reaction.objects.create(article=article, kind=kinds["instructif"], reader_token="t" * 32)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(article=article, kind=kinds["agacant"], reader_token="t" * 32)


def test_a_reaction_needs_exactly_one_identity(article, kinds, django_user_model):
    from django.db import IntegrityError, transaction

    user = django_user_model.objects.create_user("lecteur")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(
            article=article, kind=kinds["instructif"], user=user, reader_token="x" * 32
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(article=article, kind=kinds["instructif"])
    with pytest.raises(ValueError):
        services.react(article, kinds["instructif"], Reader())


def test_signed_in_reader_reacts_as_their_account(article, kinds, django_user_model):
    user = django_user_model.objects.create_user("lectrice")
    services.react(article, kinds["interessant"], Reader(user_id=user.pk))
    reaction = Reaction.objects.get(article=article)
    assert reaction.user == user and reaction.reader_token == ""
    # Another token is another reader; the account keeps its own reaction.
    services.react(article, kinds["interessant"], Reader(token="b" * 32))
    assert counts(article) == {"interessant": 2}


def test_a_reader_reacts_once_per_article_but_to_many_articles(article, kinds, section):
    from manchette.news.factories import ArticleFactory

    other = ArticleFactory(parent=section)
    reader = Reader(token="c" * 32)
    services.react(article, kinds["instructif"], reader)
    services.react(other, kinds["instructif"], reader)
    assert Reaction.objects.of_reader(reader).count() == 2


def test_deleting_an_account_takes_its_reactions_off_the_counters(
    article, kinds, django_user_model
):
    user = django_user_model.objects.create_user("partante")
    ReactionFactory(article=article, kind=kinds["agacant"], user=user)
    ReactionFactory(article=article, kind=kinds["agacant"])
    user.delete()
    assert counts(article) == {"agacant": 1}


def test_state_gives_counts_percentages_and_the_readers_choice(article, kinds):
    reader = Reader(token="d" * 32)
    ReactionFactory.create_batch(2, article=article, kind=kinds["instructif"])
    services.react(article, kinds["surprenant"], reader)
    state = services.reaction_state(article.pk, reader)
    assert state["reacted"] == "surprenant" and state["total"] == 3
    by_slug = {k["slug"]: k for k in state["kinds"]}
    assert by_slug["instructif"]["count"] == 2 and by_slug["instructif"]["percent"] == 67
    assert by_slug["surprenant"]["mine"] and by_slug["surprenant"]["percent"] == 33
    assert services.reaction_state(article.pk, Reader())["reacted"] is None


@pytest.mark.parametrize(
    "values", [[1, 1, 1], [0, 0, 0], [2, 1, 0, 0, 0], [7, 3, 1, 1, 1], [1, 1, 1, 1, 1, 1]]
)
def test_percentages_are_whole_and_add_up_to_100(values):
    result = services.percentages(values)
    assert all(isinstance(p, int) for p in result)
    assert sum(result) == (100 if sum(values) else 0)


def test_inactive_kinds_are_not_offered(article, kinds):
    kinds["agacant"].active = False
    kinds["agacant"].save()
    services.forget_offered_kinds()
    assert services.offered_kind("agacant") is None
    assert services.offered_kind("instructif") is not None
    assert "agacant" not in [k["slug"] for k in ReactionKind.objects.offered()]
