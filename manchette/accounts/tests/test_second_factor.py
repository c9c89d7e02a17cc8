"""Admin accounts with an authenticator app give a code after their password: until then their
session opens nothing, in the admin or on the public site."""

import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture
def editor():
    User = get_user_model()
    return User.objects.create_user(
        "redac", "redac@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def with_app(user):
    return TOTPDevice.objects.create(user=user, name="app", key=random_hex(20), confirmed=True)


def code(key_hex, shift=0):
    totp = TOTP(bytes.fromhex(key_hex))
    totp.time = time.time() + shift * 30
    return f"{totp.token():06d}"


def sign_in(client):
    answer = client.post("/admin/login/", {"username": "redac", "password": PASSWORD})
    assert answer.status_code == 302
    return answer


def test_the_password_alone_opens_nothing_until_the_code(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wait after a wrong code: tested below
    device = with_app(editor)
    sign_in(client)
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        answer = client.get(path)
        assert answer.status_code == 302
        assert answer["Location"].startswith("/admin/double-authentification/?next=")
    # The public site does not know this session as signed in either.
    state = client.get("/commentaires/etat/").json()
    assert state["signed_in"] is False and state["name"] == ""

    wrong = client.post("/admin/double-authentification/", {"code": "000000"})
    assert wrong.status_code == 400
    assert "pas le bon" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    right = client.post(
        "/admin/double-authentification/", {"code": code(device.key), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/commentaires/etat/").json()["signed_in"] is True


def test_after_a_wrong_code_even_the_right_one_waits(client, editor):
    device = with_app(editor)
    sign_in(client)
    client.post("/admin/double-authentification/", {"code": "000000"})
    hurried = client.post("/admin/double-authentification/", {"code": code(device.key)})
    assert hurried.status_code == 400
    assert "patientez" in hurried.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_serves_once(client, editor):
    device = with_app(editor)
    used = code(device.key)
    sign_in(client)
    assert client.post("/admin/double-authentification/", {"code": used}).status_code == 302
    client.post("/admin/logout/")
    sign_in(client)
    replay = client.post("/admin/double-authentification/", {"code": used})
    assert replay.status_code == 400
    assert "déjà servi" in replay.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_get_with_a_code_verifies_nothing(client, editor):
    device = with_app(editor)
    sign_in(client)
    page = client.get(f"/admin/double-authentification/?code={code(device.key)}")
    assert page.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_next_never_leaves_the_site(client, editor):
    device = with_app(editor)
    sign_in(client)
    answer = client.post(
        "/admin/double-authentification/",
        {"code": code(device.key), "next": "https://ailleurs.example/admin/"},
    )
    assert answer["Location"] == "/admin/"


def test_guessing_codes_is_limited_per_account(client, editor, settings):
    settings.ADMIN_SECOND_FACTOR_ACCOUNT_RATE = "3/h"
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = with_app(editor)
    sign_in(client)
    statuses = [
        client.post("/admin/double-authentification/", {"code": f"00000{i}"}).status_code
        for i in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    limited = client.post("/admin/double-authentification/", {"code": code(device.key)})
    assert limited.status_code == 429
    assert "Trop de tentatives" in limited.content.decode()


def test_required_sends_an_admin_without_app_to_set_one_up(client, editor, settings):
    settings.ADMIN_SECOND_FACTOR = "required"
    sign_in(client)
    answer = client.get("/admin/pages/")
    assert answer["Location"].startswith("/admin/double-authentification/activer/")
    page = client.get("/admin/double-authentification/activer/")
    assert page.status_code == 200 and b"<svg" in page.content
    assert not TOTPDevice.objects.exists()  # a GET writes nothing
    key = client.session["manchette_new_totp_key"]
    done = client.post("/admin/double-authentification/activer/", {"code": code(key)})
    assert done.status_code == 302
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed and device.key == key
    assert client.get("/admin/pages/").status_code == 200


def test_optional_lets_an_admin_without_app_in_and_off_asks_nobody(client, editor, settings):
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    settings.ADMIN_SECOND_FACTOR = "off"
    with_app(editor)
    sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_replacing_the_app_needs_the_current_code_first(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    old = with_app(editor)
    sign_in(client)
    client.post("/admin/double-authentification/", {"code": code(old.key)})
    page = client.get("/admin/double-authentification/activer/")
    assert "remplacera" in page.content.decode()
    key = client.session["manchette_new_totp_key"]
    client.post("/admin/double-authentification/activer/", {"code": code(key)})
    assert list(TOTPDevice.objects.values_list("key", flat=True)) == [key]
    client.post("/admin/logout/")
    sign_in(client)
    old_code = client.post("/admin/double-authentification/", {"code": code(old.key, 1)})
    assert old_code.status_code == 400
    # The enrolment's own code served once; the app's next one opens the admin.
    assert client.post("/admin/double-authentification/", {"code": code(key)}).status_code == 400
    assert client.post("/admin/double-authentification/", {"code": code(key, 1)}).status_code == 302


def test_a_lost_phone_is_reset_by_command(client, editor, settings):
    from django.core.management import call_command

    settings.ADMIN_SECOND_FACTOR = "required"
    with_app(editor)
    call_command("reset_second_factor", "redac")
    assert not TOTPDevice.objects.exists()
    sign_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/double-authentification/activer/")


def test_the_account_page_offers_to_set_up_an_app(client, editor):
    sign_in(client)
    page = client.get("/admin/account/").content.decode()
    assert "Activer la double authentification" in page
    assert "/admin/double-authentification/activer/" in page
