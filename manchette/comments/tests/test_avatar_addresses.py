"""Avatar addresses are written without a `reverse()` per comment, as `reverse()` writes them."""

import pytest
from django.urls import reverse, set_script_prefix

from manchette.comments import avatars

NAMES = ["Zoé Martin", "jean-paul", "Ænéas", "李 小龍", "", "  ", "!!", "Ørjan Ödegaard", "3 Mâts"]


@pytest.fixture(autouse=True)
def _fresh_pattern():
    avatars._avatar_pattern.cache_clear()
    yield
    avatars._avatar_pattern.cache_clear()
    set_script_prefix("/")


@pytest.mark.parametrize("prefix", ["/", "/journal/"])
def test_an_avatar_address_is_the_one_reverse_writes(prefix):
    set_script_prefix(prefix)
    for name in NAMES:
        for seed in ("u12", "lea@example.org", ""):
            hue = avatars.hue_for(seed or name or "?")
            expected = reverse("comments:avatar", args=[hue, avatars.initials(name)])
            assert avatars.avatar_url(name, seed) == expected, (name, seed)
            assert expected.startswith(prefix)


def test_a_thread_of_comments_reverses_the_avatar_route_once(monkeypatch):
    calls = []
    real = avatars.reverse

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(avatars, "reverse", counted)
    for n in range(50):
        avatars.avatar_url(f"Lecteur {n}", f"u{n}")
    assert len(calls) == 1


def test_a_thread_keeps_each_author_s_avatar_under_all_it_reads(settings, monkeypatch):
    from types import SimpleNamespace

    from manchette.comments import threads

    threads._kept_avatar_url.cache_clear()
    drawn = []
    real = avatars.avatar_url

    def counted(*args, **kwargs):
        drawn.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(threads, "avatar_url", counted)
    comment = SimpleNamespace(user_id=7, guest_email="", author_name="Zoé Martin")
    first = threads.node_for(comment).avatar
    assert threads.node_for(comment).avatar == first == real("Zoé Martin", "u7")
    assert len(drawn) == 1
    # A new key draws other colours, a script prefix other addresses: drawn again.
    settings.SECRET_KEY = "une-autre-clé-" + "x" * 50
    assert threads.node_for(comment).avatar == real("Zoé Martin", "u7") != first
    set_script_prefix("/journal/")
    assert threads.node_for(comment).avatar.startswith("/journal/")
    assert len(drawn) == 3
