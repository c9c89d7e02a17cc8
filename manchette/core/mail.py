"""Every email the site sends: a text and an HTML part, rendered from templates/emails/.

Call it from a task (never from a request): `send_templated_email` opens its own connection
unless one is given, so a batch can share one SMTP connection.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058 headers: mail clients offer a one-click unsubscribe (a POST)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_templated_email(to, template, context, *, unsubscribe_url=None, headers=None):
    """The message for `templates/emails/<template>.txt` and `.html` (subject from `subject`)."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    headers = dict(headers or {})
    if unsubscribe_url:
        headers.update(unsubscribe_headers(unsubscribe_url))
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_email(to, template, context, *, connection=None, **kwargs):
    message = build_templated_email(to, template, context, **kwargs)
    message.connection = connection
    return message.send()
