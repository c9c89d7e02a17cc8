"""One reader cannot stuff votes or hide comments by dropping their cookie (issue 13).

Anonymous readers are one cookie, which costs nothing to drop: their votes also count per
network bucket (an IPv4 address, an IPv6 /64), at most PER_NETWORK per comment, and their
reports once per network, where a signed-in reader's report weighs two.
"""

import pytest
from django.core import signing
from django.test import Client

from manchette.accounts.readers import LEGACY_VOTER_COOKIE, PER_NETWORK, READER_COOKIE
from manchette.comments.factories import CommentFactory
from manchette.comments.models import CommentStatus, CommentVote, HoldReason

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
SCRIPT = "203.0.113.66"


def vote(comment, client=None, ip=SCRIPT, value="up", **extra):
    return (client or Client()).post(
        f"/commentaires/{comment.pk}/vote/", {"value": value}, REMOTE_ADDR=ip, **extra
    )


def report(comment, client=None, ip=SCRIPT, **extra):
    return (client or Client()).post(
        f"/commentaires/{comment.pk}/signaler/", {"reason": "abuse"}, REMOTE_ADDR=ip, **extra
    )


def signed_in(django_user_model, name):
    client = Client()
    client.force_login(django_user_model.objects.create_user(name, f"{name}@example.org"))
    return client


def test_25_cookieless_votes_from_one_address_count_as_the_cap_at_most():
    comment = CommentFactory()
    statuses = [vote(comment, **JSON).status_code for _ in range(25)]
    comment.refresh_from_db()
    assert comment.score == comment.upvotes == PER_NETWORK == 3
    assert statuses[:PER_NETWORK] == [200] * PER_NETWORK
    # Past the cap a clear refusal, then the throttle on new identities.
    assert set(statuses[PER_NETWORK:]) <= {409, 429} and 409 in statuses
    refused = vote(comment, **JSON)
    assert refused.status_code in (409, 429) and refused.json()["error"]


def test_past_the_cap_the_reader_is_told_why_in_french():
    comment = CommentFactory()
    for _ in range(PER_NETWORK):
        vote(comment, **JSON)
    refused = vote(comment, **JSON)
    assert refused.status_code == 409
    assert "Plusieurs lecteurs de votre réseau" in refused.json()["error"]
    page = vote(comment)  # without JavaScript: the vote page with the reason
    assert page.status_code == 409
    assert "Connectez-vous" in page.content.decode()
    assert CommentVote.objects.count() == PER_NETWORK


def test_withdrawing_a_vote_frees_its_place_for_another_reader_of_the_network():
    comment = CommentFactory()
    readers = [Client() for _ in range(PER_NETWORK)]
    for reader in readers:
        vote(comment, reader, **JSON)
    assert vote(comment, readers[0], **JSON).json()["mine"] == 0  # withdrawn
    assert vote(comment, **JSON).status_code == 200
    comment.refresh_from_db()
    assert comment.score == PER_NETWORK


def test_signed_in_readers_behind_one_address_all_count(django_user_model):
    comment = CommentFactory()
    for i in range(PER_NETWORK + 2):
        assert vote(comment, signed_in(django_user_model, f"membre{i}"), **JSON).status_code == 200
    comment.refresh_from_db()
    assert comment.score == PER_NETWORK + 2


def test_3_cookieless_reports_from_one_address_do_not_hide_a_comment():
    comment = CommentFactory()
    for _ in range(3):
        assert report(comment).status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.report_count == 3  # the moderators still see every report


def test_two_signed_in_readers_reports_send_a_comment_back_to_moderation(django_user_model):
    comment = CommentFactory()
    report(comment, signed_in(django_user_model, "alice"))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    report(comment, signed_in(django_user_model, "bruno"))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert comment.held_reason == HoldReason.REPORTS


def test_anonymous_reports_from_three_networks_do():
    comment = CommentFactory()
    for ip in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        report(comment, ip=ip)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_a_kept_comment_is_not_hidden_again_by_the_same_reports(django_user_model):
    from manchette.comments import moderation

    comment = CommentFactory()
    alice, bruno = signed_in(django_user_model, "alice"), signed_in(django_user_model, "bruno")
    report(comment, alice)
    report(comment, bruno)
    moderation.approve_comment(comment)
    report(comment, alice)  # already reported: nothing more
    report(comment)  # one anonymous report: weight 1
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_behind_a_trusted_proxy_each_forwarded_address_counts_separately(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    comment = CommentFactory()
    for i in range(5):
        response = vote(comment, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{i + 10}", **JSON)
        assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.score == 5
    # ...and a forged left-most X-Forwarded-For does not make one address many.
    for i in range(5):
        vote(comment, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{i}, 192.0.2.99", **JSON)
    comment.refresh_from_db()
    assert comment.score == 5 + PER_NETWORK


def test_ipv6_addresses_in_one_64_are_one_network():
    comment = CommentFactory()
    for i in range(6):
        vote(comment, ip=f"2001:db8:1:2::{i + 1:x}", **JSON)
    comment.refresh_from_db()
    assert comment.score == PER_NETWORK
    assert vote(comment, ip="2001:db8:1:3::1", **JSON).status_code == 200  # another /64
    comment.refresh_from_db()
    assert comment.score == PER_NETWORK + 1


def test_votes_without_javascript_still_work_and_set_the_one_reader_cookie():
    comment = CommentFactory()
    reader = Client()
    response = vote(comment, reader)
    assert response.status_code == 303
    assert response.cookies[READER_COOKIE]["httponly"]
    assert LEGACY_VOTER_COOKIE not in response.cookies
    comment.refresh_from_db()
    assert comment.score == 1
    assert vote(comment, reader, value="down").status_code == 303  # the same reader switches
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (0, 1)


def test_a_reader_who_reported_then_reacts_is_one_reader():
    comment = CommentFactory()
    reader = Client()
    report(comment, reader)
    token = reader.cookies[READER_COOKIE].value
    vote(comment, reader, **JSON)
    assert reader.cookies[READER_COOKIE].value == token
    assert CommentVote.objects.get().voter == comment.reports.get().reporter


def test_the_old_vote_cookie_is_read_once_then_replaced():
    comment = CommentFactory()
    CommentVote.objects.create(comment=comment, voter="v:ancienjeton12345678", value=1)
    comment.upvotes = comment.score = 1
    comment.save()
    reader = Client()
    reader.cookies[LEGACY_VOTER_COOKIE] = signing.dumps(
        "ancienjeton12345678", salt="comments.voter"
    )
    response = vote(comment, reader, **JSON)
    assert response.json()["mine"] == 0  # the earlier vote was theirs: withdrawn
    assert response.cookies[READER_COOKIE].value
    assert response.cookies[LEGACY_VOTER_COOKIE].value == ""  # deleted


def test_a_forged_reader_cookie_is_refused_and_cleared():
    comment = CommentFactory()
    reader = Client()
    reader.cookies[READER_COOKIE] = "pas:un-jeton"
    response = vote(comment, reader, **JSON)
    assert response.status_code == 400 and response.json()["error"]
    assert response.cookies[READER_COOKIE].value == ""
    assert not CommentVote.objects.exists()


def test_a_reader_who_only_reads_gets_no_cookie(client):
    comment = CommentFactory()
    article = comment.article
    client.get(article.url)
    assert not client.get(article.url).cookies
    assert not client.get(f"/commentaires/article/{article.pk}/").cookies
    # The state endpoint is fetched when the reader starts writing (CSRF token only).
    assert READER_COOKIE not in client.get(f"/commentaires/etat/?article={article.pk}").cookies
    assert not client.get(f"/reactions/{article.pk}/", **JSON).cookies


def test_an_anonymous_vote_keeps_its_query_budget(django_assert_max_num_queries):
    comment = CommentFactory()
    reader = Client()
    vote(comment, reader, **JSON)  # warms the caches
    # The comment, the reader's vote, the network's taken places, the insert, the counters and
    # their new values, with the savepoints around them: one query more than before the cap.
    with django_assert_max_num_queries(10):
        assert vote(comment, Client(), **JSON).status_code == 200


def test_forgetting_networks_keeps_the_votes_and_reports():
    from manchette.accounts.readers import forget_networks
    from manchette.comments.models import CommentReport

    comment = CommentFactory()
    for ip in ("198.51.100.1", "198.51.100.2"):
        for _ in range(2):
            vote(comment, ip=ip, **JSON)
            report(comment, ip=ip)
    assert forget_networks(CommentVote.objects.all()) == 4
    assert forget_networks(CommentReport.objects.all()) == 4
    assert set(CommentVote.objects.values_list("network", "slot")) == {("", None)}
    assert not CommentReport.objects.exclude(network="").exists()
    comment.refresh_from_db()
    assert comment.score == 4
