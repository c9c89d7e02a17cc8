from django_tasks import task

from manchette.core.mail import send_templated_email


@task()
def send_signin_link(email, next_url="", browser=""):
    from manchette.accounts.services import signin_url

    send_templated_email(email, "signin_link", {"signin_url": signin_url(email, next_url, browser)})
