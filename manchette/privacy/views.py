"""« Mes données »: a reader sees, downloads and erases what the site holds about them.

The page is for a signed-in reader: their address is proven by the e-mailed sign-in link. A
guest (no account) asks for that same link at « Vos données » (`request_link`), which brings
them back here signed in. Every response is private and never stored by a cache
(`never_cache`: private, no-store).
"""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from manchette.accounts.views import email_signin_link
from manchette.core.ratelimit import ratelimit
from manchette.privacy import erasure, export
from manchette.privacy.forms import EraseForm, LinkForm
from manchette.privacy.owner import Owner

LINK_PAGE = reverse_lazy("privacy:request-link")


def _user_key(request):
    return f"u:{request.user.pk}" if request.user.is_authenticated else ""


def _summary(owner):
    data = export.collect(owner)
    newsletter = data["newsletter"] or {}
    return {
        "comments": len(data["comments"]),
        "votes": len(data["comment_votes"]),
        "reports": len(data["comment_reports"]),
        "reactions": len(data["reactions"]),
        "comment_subscriptions": len(data["comment_subscriptions"]),
        "newsletter_lists": len(newsletter.get("subscriptions", [])),
        "topic_follows": len(data["topic_follows"]),
        "proven_browsers": len(data["proven_browsers"]),
    }


def _page(request, form, status=200, refusal=""):
    owner = Owner.of(request.user)
    context = {"form": form, "summary": _summary(owner), "email": owner.email, "refusal": refusal}
    return render(request, "privacy/mine.html", context, status=status)


@never_cache
@login_required(login_url=LINK_PAGE)
@require_http_methods(["GET"])
def mine(request):
    return _page(request, EraseForm())


@never_cache
@login_required(login_url=LINK_PAGE)
@ratelimit("data-export", "20/h", key=_user_key, methods=("GET",))
@require_http_methods(["GET"])
def download(request):
    response = HttpResponse(
        export.as_json(Owner.of(request.user)), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-{stamp}.json"'
    return response


@never_cache
@login_required(login_url=LINK_PAGE)
@ratelimit("data-erase", "5/h", key=_user_key)
@require_POST
def erase(request):
    form = EraseForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        erasure.erase(Owner.of(request.user), keep_comments=form.keep_comments)
    except erasure.ErasureRefused as refused:
        return _page(request, form, status=403, refusal=refused.message)
    logout(request)
    return render(request, "privacy/erased.html", {"kept": form.keep_comments})


@never_cache
@ratelimit("data-link", "5/h", key=lambda r: r.POST.get("email", "")[:254])
@require_http_methods(["GET", "POST"])
def request_link(request):
    """« Vos données »: e-mails the sign-in link that leads to « Mes données ». The answer is
    the same whether or not the address is known to the site."""
    if request.user.is_authenticated:
        return HttpResponseRedirect(reverse("privacy:mine"))
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        response = render(request, "privacy/link_sent.html", {"email": email})
        return email_signin_link(request, email, reverse("privacy:mine"), response)
    return render(request, "privacy/link.html", {"form": form})
