"""Two first uses of one sign-in link at once create one account (PostgreSQL, real threads)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from manchette.accounts import services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
THREADS = 6


def test_concurrent_first_uses_of_a_link_create_one_account():
    nonce, cookie = services.new_browser_nonce()
    token = services.signin_token("course@example.org", services.browser_hash(nonce))
    manager = type(get_user_model().objects)
    real_create = manager.create_user
    # Every use has looked for the account and found none before any inserts it: the race.
    barrier = threading.Barrier(THREADS)

    def create_user_together(self, *args, **kwargs):
        barrier.wait(timeout=30)
        return real_create(self, *args, **kwargs)

    def first_use(_):
        try:
            client = Client()
            client.cookies[services.SIGNIN_COOKIE] = cookie
            response = client.post(f"/compte/connexion/{token}/")
            return response.status_code, client.session.get("_auth_user_id")
        finally:
            connection.close()

    with (
        mock.patch.object(manager, "create_user", create_user_together),
        ThreadPoolExecutor(max_workers=THREADS) as pool,
    ):
        results = list(pool.map(first_use, range(THREADS)))
    accounts = get_user_model().objects.filter(email__iexact="course@example.org")
    assert accounts.count() == 1
    assert [code for code, _user in results] == [302] * THREADS
    assert {user for _code, user in results} == {str(accounts.get().pk)}
