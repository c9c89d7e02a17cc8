from django_tasks import task

from manchette.core.mail import send_templated_email


@task()
def send_signin_link(email, next_url="", browser=""):
    from django.conf import settings

    from manchette.accounts.policy import may_use_email_link
    from manchette.accounts.services import find_user, signin_url

    if not may_use_email_link(find_user(email)):
        # The page said the same as for anyone: only this message differs, in the mailbox.
        login_url = settings.SITE_URL + settings.WAGTAILADMIN_LOGIN_URL
        send_templated_email(email, "signin_admin_account", {"login_url": login_url})
        return
    send_templated_email(email, "signin_link", {"signin_url": signin_url(email, next_url, browser)})
