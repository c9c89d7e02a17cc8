from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods, require_POST

from manchette.accounts import proof, services
from manchette.accounts.forms import ProfileForm, SigninForm
from manchette.accounts.tasks import request_signin
from manchette.core.ratelimit import ratelimit
from manchette.core.redirects import safe_next


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def email_signin_link(request, email, next_url, response):
    """Enqueues the sign-in link for `email`, which will only work in this browser: it names
    the hash of a nonce kept here, in a short-lived cookie set on `response`."""
    nonce, cookie = services.new_browser_nonce()
    request_signin(email, next_url, services.browser_hash(nonce))
    response.set_cookie(
        services.SIGNIN_COOKIE,
        cookie,
        max_age=proof.MAX_AGES["signin"],
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@ratelimit("signin", "5/h", key=lambda r: r.POST.get("email", "")[:254])
@require_http_methods(["GET", "POST"])
def signin(request):
    """Asks for an address and emails a sign-in link; says the same whether it exists."""
    form = SigninForm(
        request.POST or None, initial={"next": safe_next(request, request.GET.get("next", ""))}
    )
    if request.method == "POST" and form.is_valid():
        response = render(
            request, "accounts/signin_sent.html", {"email": form.cleaned_data["email"]}
        )
        next_url = safe_next(request, form.cleaned_data["next"])
        return _private(email_signin_link(request, form.cleaned_data["email"], next_url, response))
    return _private(render(request, "accounts/signin.html", {"form": form}))


def _sign_in(request, found):
    user = services.user_for_proof(found)
    if user is None:
        return render(request, "accounts/signin_invalid.html", {"reason": "used"}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    response = HttpResponseRedirect(safe_next(request, request.GET.get("next", "")) or "/compte/")
    response.delete_cookie(services.SIGNIN_COOKIE)
    return response


def _signin_invalid_context():
    return {"form": SigninForm()}


# GET shows a button (mail scanners follow links), POST signs in. Opened in another browser
# than the one that asked, the page says so and offers a new link for this one.
signin_link = proof.ProofFlow(
    purpose="signin",
    template="accounts/signin_confirm.html",
    load=services.check_link,
    act=_sign_in,
    invalid_template="accounts/signin_invalid.html",
    invalid_context=_signin_invalid_context,
    rate=("signin-link", "20/h"),
).as_view()


@require_POST
def signout(request):
    logout(request)
    return HttpResponseRedirect("/")


@login_required(login_url="/compte/connexion/")
@ratelimit("profile", "20/m")
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, initial={"display_name": request.user.display_name})
    saved = False
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, form.cleaned_data["display_name"])
        saved = True
    return _private(render(request, "accounts/profile.html", {"form": form, "saved": saved}))


def state(request):
    """What a signed-in reader's page shows of them (the page itself is the shared copy):
    small, never cached. Asked by static/js/reader.js only when the sign-in hint is set."""
    user = request.user
    data = {"signed_in": user.is_authenticated}
    if user.is_authenticated:
        # Shown to the reader only: their address when they chose no name.
        data["name"] = user.display_name or user.get_full_name() or user.email or str(user)
    return _private(JsonResponse(data))
