"""What a newsletter email holds, rendered once per issue and personalised per subscriber.

Rendering the templates for each of 100,000 subscribers would dominate the sending time; the
issue is rendered once with a placeholder link, and each message only swaps in its own signed
unsubscribe link. The headers are those of `manchette.core.mail`
(List-Unsubscribe and List-Unsubscribe-Post, RFC 8058).
"""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from manchette.core.mail import unsubscribe_headers
from manchette.newsletter.content import UNSUBSCRIBE_PLACEHOLDER, issue_context
from manchette.newsletter.links import unsubscribe_url


class RenderedIssue:
    """An issue rendered once; `message(subscriber)` only fills in that subscriber's links."""

    def __init__(self, issue):
        self.issue = issue
        context = issue_context(issue)
        self.subject = " ".join(
            render_to_string("emails/newsletter_issue_subject.txt", context).split()
        )
        self.text = render_to_string("emails/newsletter_issue.txt", context)
        self.html = render_to_string("emails/newsletter_issue.html", context)
        self.domain = urlsplit(settings.SITE_URL).hostname or "localhost"

    def message(self, subscriber, *, test=False):
        unsubscribe = unsubscribe_url(subscriber, self.issue.newsletter_list_id, self.issue.pk)
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
        headers = {
            **unsubscribe_headers(unsubscribe),
            "List-Id": f"{self.issue.newsletter_list.name} <{self.issue.newsletter_list.slug}."
            f"{self.domain}>",
            # Stable per (issue, subscriber): a resent message is recognisably the same one.
            "Message-ID": make_msgid(
                f"newsletter.{self.issue.pk}.{subscriber.pk}{'.test' if test else ''}",
                domain=self.domain,
            )
            if test
            else f"<newsletter.{self.issue.pk}.{subscriber.pk}@{self.domain}>",
        }
        subject = f"[TEST] {self.subject}" if test else self.subject
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers=headers,
        )
        message.attach_alternative(html, "text/html")
        return message
