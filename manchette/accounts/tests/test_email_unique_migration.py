"""The migration that makes the address unique copes with accounts that already share one."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("accounts", "0002_email_lower_index")]
AFTER = [("accounts", "0003_user_email_unique")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_oldest_account_keeps_a_shared_address_and_blank_ones_stay():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    first = User.objects.create(username="premier", email="Double@Example.org")
    second = User.objects.create(username="second", email="double@example.org")
    staff = [User.objects.create(username=f"staff{n}", email="") for n in range(2)]
    alone = User.objects.create(username="seul", email="seul@example.org")
    try:
        new = migrate(AFTER)
        emails = dict(new.get_model("accounts", "User").objects.values_list("pk", "email"))
        assert emails[first.pk] == "Double@Example.org"
        assert emails[second.pk] == ""
        assert emails[alone.pk] == "seul@example.org"
        assert all(emails[s.pk] == "" for s in staff)
    finally:
        migrate(executor_leaf())


def executor_leaf():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
