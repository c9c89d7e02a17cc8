"""Reader pages of the newsletter. None of them is cached; none reveals whether an address is known.

The sign-up boxes live in cached pages, so they carry no CSRF token: with JavaScript a token
is fetched just before posting; without it, `subscribe` shows the form again, filled in, with
a fresh token, and the reader confirms.
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from manchette.accounts import proof
from manchette.core.clients import client_network, hashed_client_ip
from manchette.core.ratelimit import hit, limited_response, ratelimit
from manchette.newsletter import links, subscriptions
from manchette.newsletter.forms import LinkRequestForm, PreferencesForm, SubscribeForm
from manchette.newsletter.models import NewsletterList, Subscription, SubscriptionStatus

# Per network (an IPv6 /64 is one reader, as for every other limit) and per address.
SUBSCRIBE_RATE_PER_IP = "10/h"
SUBSCRIBE_RATE_PER_EMAIL = "3/h"


def _csrf_failed(request):
    def placeholder(request):  # pragma: no cover - never called
        return None

    return CsrfViewMiddleware(placeholder).process_view(request, placeholder, (), {}) is not None


def _subscribe_form_data(request):
    data = request.POST.copy()
    if "choose_lists" not in data:
        # The one-field box: the lists offered by default.
        data.setlist(
            "lists",
            [
                str(pk)
                for pk in NewsletterList.objects.active()
                .filter(offered_by_default=True)
                .values_list("pk", flat=True)
            ],
        )
    return data


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        initial = {
            "lists": list(NewsletterList.objects.active().filter(offered_by_default=True)),
            "email": request.GET.get("email", "")[:254],
        }
        return render(
            request, "newsletter/subscribe.html", {"form": SubscribeForm(initial=initial)}
        )

    form = SubscribeForm(_subscribe_form_data(request))
    if _csrf_failed(request):
        # Posted from a cached page without a token: ask the reader to confirm, nothing lost.
        form.is_valid()
        return render(
            request,
            "newsletter/subscribe.html",
            {"form": form, "needs_confirmation": True, "hide_errors": True},
        )
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)

    email = form.cleaned_data["email"]
    allowed = hit("newsletter-subscribe", client_network(request), SUBSCRIBE_RATE_PER_IP)
    allowed = hit("newsletter-subscribe:email", email, SUBSCRIBE_RATE_PER_EMAIL) and allowed
    if not allowed:
        return limited_response(request)
    lists = list(form.cleaned_data["lists"])
    subscriptions.subscribe(
        email,
        lists,
        source=form.cleaned_data["source"],
        text=subscriptions.consent_text(lists),
        ip_hash=hashed_client_ip(request),
    )
    return render(request, "newsletter/subscribe_done.html", {"email": email})


@never_cache
@require_GET
def csrf_token(request):
    """A fresh CSRF token for the sign-up boxes of cached pages (fetched on submit only)."""
    return JsonResponse({"csrfToken": get_token(request)})


def _invalid_link(request, exc, what):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired": getattr(exc, "expired", False), "what": what, "form": LinkRequestForm()},
        status=400,
    )


def _confirm(request, consent):
    subscriber = subscriptions.confirm_subscription(consent, ip_hash=hashed_client_ip(request))
    return {"preferences_url": links.preferences_url(subscriber)}


# A bad or expired link: the page offers to start again, or to get a fresh link by e-mail.
INVALID = {
    "invalid_template": "newsletter/invalid_link.html",
    "invalid_context": lambda: {"form": LinkRequestForm()},
}

# A button, not an automatic confirmation: mail scanners that open links confirm nothing.
confirm = proof.ProofFlow(
    purpose="newsletter-confirm",
    template="newsletter/confirm.html",
    load=links.consent_for,
    act=_confirm,
    context=lambda consent: {"consent": consent, "lists": consent.lists.all()},
    max_age=lambda: settings.NEWSLETTER_CONFIRM_MAX_AGE,
    rate=("newsletter-confirm", "30/h"),
    **INVALID,
).as_view()

# RFC 8058: mail providers POST "List-Unsubscribe=One-Click" with no token. The done page
# offers no preferences page: this link travels in every forwarded issue, so managing the
# other lists takes a link emailed to the subscriber (the request form).
unsubscribe = proof.ProofFlow(
    purpose="newsletter-unsubscribe",
    template="newsletter/unsubscribe.html",
    load=links.unsubscribe_target,
    act=lambda request, target: subscriptions.unsubscribe(*target),
    context=lambda target: {"list": target[1]},
    one_click=True,
    rate=("newsletter-unsubscribe", "120/m"),
    **INVALID,
).as_view()


@never_cache
@ratelimit("newsletter-preferences", "30/h")
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = links.subscriber_from_preferences_token(token)
    except links.InvalidLink as exc:
        return _invalid_link(request, exc, "preferences")
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if "unsubscribe_all" in request.POST:
            form = PreferencesForm({"lists": []})
        if form.is_valid():
            subscriptions.update_preferences(
                subscriber, form.cleaned_data["lists"], ip_hash=hashed_client_ip(request)
            )
            saved = True
    current = Subscription.objects.filter(
        subscriber=subscriber, status=SubscriptionStatus.ACTIVE
    ).values_list("newsletter_list_id", flat=True)
    if request.method == "GET" or saved:
        form = PreferencesForm(initial={"lists": list(current)})
    return render(
        request,
        "newsletter/preferences.html",
        {"form": form, "subscriber": subscriber, "saved": saved},
    )


@never_cache
@ratelimit("newsletter-link", "5/h", key=lambda request: request.POST.get("email", "").lower())
@require_http_methods(["GET", "POST"])
def request_link(request):
    """Asks for a new preferences link by email: the same answer for every address."""
    if request.method == "POST":
        form = LinkRequestForm(request.POST)
        if form.is_valid():
            subscriptions.request_preferences_link(form.cleaned_data["email"])
            return render(request, "newsletter/link_sent.html", {})
        return render(request, "newsletter/link_request.html", {"form": form}, status=400)
    return render(request, "newsletter/link_request.html", {"form": LinkRequestForm()})
