"""Newsroom staff for the desk's browser tests: accounts in the groups the migrations made
(made again after the previous test's flush), and signing in to the Wagtail admin."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from manchette.core.site_structure import create_roles
from manchette.newsletter.roles import grant_editors as grant_newsletter
from manchette.topics.roles import grant_editors as grant_topics

PASSWORD = "mot-de-passe-de-test"


def make_staff(username, group_name, first_name="", last_name=""):
    create_roles(apps)  # the flush of the previous test took the groups away
    grant_topics(apps)
    grant_newsletter(apps)
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        PASSWORD,
        first_name=first_name,
        last_name=last_name,
        display_name=f"{first_name} {last_name}".strip(),
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_role("textbox", name="Nom d’utilisateur").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(live_server.url + "/admin/")
