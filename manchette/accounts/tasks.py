from django.conf import settings
from django_tasks import task

from manchette.accounts.policy import may_use_email_link
from manchette.accounts.services import find_user, signin_url
from manchette.core.mail import send_templated_email
from manchette.core.outbox import enqueue_with_data


def request_signin(email, next_url="", browser=""):
    """Enqueues the sign-in email (the caller answers the same whether the account exists)."""
    email = email.strip().lower()
    enqueue_with_data(send_signin_link, email, next_url, browser)


@task()
def send_signin_link(email, next_url="", browser=""):
    if not may_use_email_link(find_user(email)):
        # The page said the same as for anyone: only this message differs, in the mailbox.
        login_url = settings.SITE_URL + settings.WAGTAILADMIN_LOGIN_URL
        send_templated_email(email, "signin_admin_account", {"login_url": login_url})
        return
    send_templated_email(email, "signin_link", {"signin_url": signin_url(email, next_url, browser)})
