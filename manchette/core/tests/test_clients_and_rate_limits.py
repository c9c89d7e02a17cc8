import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from manchette.core.clients import NO_ADDRESS, client_ip, hashed_client_ip
from manchette.core.ratelimit import hit, ratelimit

rf = RequestFactory()


def request(remote="203.0.113.9", forwarded=None, method="get", **extra):
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return getattr(rf, method)("/", REMOTE_ADDR=remote, **extra)


def test_forwarded_for_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request(forwarded="1.2.3.4")) == "203.0.113.9"


def test_forwarded_for_is_ignored_from_an_untrusted_peer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request(remote="198.51.100.7", forwarded="1.2.3.4")) == "198.51.100.7"


def test_behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    # A forged left-most value cannot win: the proxy appended the real peer.
    spoofed = request(remote="127.0.0.1", forwarded="6.6.6.6, 192.0.2.44, 10.1.2.3")
    assert client_ip(spoofed) == "192.0.2.44"
    assert client_ip(request(remote="127.0.0.1", forwarded="not-an-ip")) == "127.0.0.1"


def test_over_the_unix_socket_forwarded_for_is_believed_only_when_configured(settings):
    # gunicorn bound to a unix socket gives no REMOTE_ADDR: nginx's X-Forwarded-For is the
    # only address there is, believed when TRUSTED_PROXIES names the socket (`unix`).
    settings.TRUSTED_PROXIES = ["unix", "127.0.0.1"]
    assert client_ip(request(remote="", forwarded="6.6.6.6, 192.0.2.44")) == "192.0.2.44"
    assert client_ip(request(remote="", forwarded="192.0.2.45")) == "192.0.2.45"
    assert client_ip(request(remote="")) == NO_ADDRESS
    # Nothing else is believed by that entry: an address that is not a proxy's still wins.
    assert client_ip(request(remote="198.51.100.7", forwarded="1.2.3.4")) == "198.51.100.7"
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    assert client_ip(request(remote="", forwarded="192.0.2.44")) == NO_ADDRESS


def test_hashed_address_is_stable_and_not_the_address(settings):
    first, second = hashed_client_ip(request()), hashed_client_ip(request())
    assert first == second and "203.0.113.9" not in first
    assert hashed_client_ip(request(remote="203.0.113.10")) != first


def test_rate_limit_counts_within_a_window(db):
    assert all(hit("scope", "client-a", "3/m") for _ in range(3))
    assert not hit("scope", "client-a", "3/m")
    assert hit("scope", "client-b", "3/m")
    assert hit("other-scope", "client-a", "3/m")


def test_limited_view_answers_429_in_french(db):
    @ratelimit("test-post", "2/m", key=lambda r: r.POST.get("email"))
    def view(req):
        return HttpResponse("ok")

    statuses = [
        view(request(method="post", data={"email": "a@example.org"})).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    limited = view(request(method="post", data={"email": "a@example.org"}))
    assert "Trop de tentatives" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    # Changing address does not get around the per-email limit.
    other_ip = request(remote="198.51.100.1", method="post", data={"email": "A@example.org "})
    assert view(other_ip).status_code == 429
    # GETs are not limited.
    assert all(view(request()).status_code == 200 for _ in range(5))


@pytest.mark.redis
def test_rate_limits_are_kept_in_redis_so_every_process_shares_them(db):
    from django.core.cache import caches
    from django_redis import get_redis_connection

    assert type(caches["default"]).__name__ == "RedisCache"
    assert all(hit("redis-scope", "client", "2/m") for _ in range(2))
    assert not hit("redis-scope", "client", "2/m")
    # Another process sees the same counter: it lives in the Redis server, not in memory.
    server = get_redis_connection("default")
    keys = server.keys("*rl:redis-scope:*")
    assert len(keys) == 1 and server.zcard(keys[0]) == 2  # the refused attempt is not kept


def test_network_bucket_is_the_ipv4_address_or_the_ipv6_64(settings):
    from manchette.core.clients import client_network, hashed_client_network

    assert client_network(request(remote="203.0.113.9")) == "203.0.113.9"
    assert client_network(request(remote="2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_network(request(remote="::ffff:203.0.113.9")) == "203.0.113.9"
    same = hashed_client_network(request(remote="2001:db8:1:2::1"))
    assert same == hashed_client_network(request(remote="2001:db8:1:2:ffff::9"))
    assert same != hashed_client_network(request(remote="2001:db8:1:3::1"))
    assert "2001" not in same and len(same) == 32
    # Not the same hash as the address's own (hashed_client_ip): one cannot stand for the other.
    assert hashed_client_network(request()) != hashed_client_ip(request())


def test_rate_limits_count_an_ipv6_64_as_one_client(db):
    @ratelimit("test-v6", "2/m")
    def view(req):
        return HttpResponse("ok")

    statuses = [
        view(request(remote=f"2001:db8:5:6::{i + 1}", method="post")).status_code for i in range(3)
    ]
    assert statuses == [200, 200, 429]
