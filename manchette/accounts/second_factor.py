"""A second factor for the accounts that reach the admin: a code from an authenticator app.

A stolen password alone must not open the admin. An admin account that has set up an
authenticator app (TOTP, RFC 6238, through django-otp's device model: its throttling and its
refusal of a code already used) is asked for a code after its password; until it gives one,
its session opens nothing: the admin sends it to the code page, and the public site treats it
as not signed in (no comment in a journalist's name with a password only).

`ADMIN_SECOND_FACTOR` decides who must:
- "optional" (default): the accounts that set up an app;
- "required": every admin account; one without an app is sent to set one up first;
- "off": nobody is asked.

The state rides in the session, set when the password is accepted (`mark_admin_sessions`),
so a request costs no query: `CODE_DUE` is set until the code is given.
"""

import base64
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from manchette.core.ratelimit import ratelimit
from manchette.core.redirects import safe_next

CODE_DUE = "manchette_code_due"  # "verify" or "enrol" while the code is still due
DEVICE_NAME = "Application d'authentification"


def mode():
    """The setting; a value it does not know asks every admin account (fails closed)."""
    value = settings.ADMIN_SECOND_FACTOR
    return value if value in {"off", "optional", "required"} else "required"


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def ask_on_sign_in(request, user):
    """Called when an admin account's password is accepted: what is still due, if anything."""
    if mode() == "off":
        return
    if confirmed_device(user):
        request.session[CODE_DUE] = "verify"
    elif mode() == "required":
        request.session[CODE_DUE] = "enrol"


def gate(request, in_admin):
    """None when the request may go on; otherwise the redirect to the code page. Outside the
    admin, a session whose code is due is served as a reader who is not signed in."""
    due = request.session.get(CODE_DUE)
    if not due:
        return None
    open_paths = {reverse("manchette_second_factor"), reverse("manchette_second_factor_enrol")}
    open_paths.add(reverse("wagtailadmin_logout"))
    if request.path in open_paths:
        return None
    if not in_admin:
        request.user = AnonymousUser()
        return None
    name = "manchette_second_factor" if due == "verify" else "manchette_second_factor_enrol"
    return redirect(f"{reverse(name)}?next={quote(request.get_full_path())}")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Le code compte 6 chiffres."))
        if self.device is None:
            raise forms.ValidationError(_("Aucune application n'est configurée pour ce compte."))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Trop de codes erronés : patientez quelques instants avant de réessayer.")
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(_("Ce code n'est pas le bon, ou il a déjà servi."))
        return code


def _next(request):
    target = request.POST.get("next") or request.GET.get("next")
    return safe_next(request, target, reverse("wagtailadmin_home"))


def _by_account(request):
    return str(request.user.pk or "")


limited = ratelimit(
    "admin-second-factor",
    lambda: settings.ADMIN_SECOND_FACTOR_RATE,
    key=_by_account,
    key_rate=lambda: settings.ADMIN_SECOND_FACTOR_ACCOUNT_RATE,
)


def _passed(request):
    """The code was right: the session is a full admin session from now on."""
    request.session.cycle_key()
    request.session.pop(CODE_DUE, None)


@login_required(login_url=settings.WAGTAILADMIN_LOGIN_URL)
@require_http_methods(["GET", "POST"])
@limited
def verify(request):
    if request.session.get(CODE_DUE) != "verify":
        return redirect(_next(request))
    device = confirmed_device(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        _passed(request)
        return redirect(_next(request))
    return render(
        request,
        "accounts/second_factor/verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


def _qr_svg(device):
    # segno draws the QR code as SVG paths only: no text of the URL (nor the username in it)
    # reaches the markup.
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return mark_safe(svg)  # noqa: S308


NEW_KEY = "manchette_new_totp_key"


@login_required(login_url=settings.WAGTAILADMIN_LOGIN_URL)
@require_http_methods(["GET", "POST"])
@limited
def enrol(request):
    """Sets up an authenticator app: a new secret, kept in the session and shown as a QR code
    and as text; it becomes the account's app (replacing any other) once a first code from
    it is right. A GET writes nothing to the database."""
    if request.session.get(CODE_DUE) == "verify":  # a code from the current app first
        return redirect(f"{reverse('manchette_second_factor')}?next={quote(request.path)}")
    if NEW_KEY not in request.session or (request.method == "GET" and "nouveau" in request.GET):
        request.session[NEW_KEY] = random_hex(20)
    key = request.session[NEW_KEY]
    device = TOTPDevice(user=request.user, name=DEVICE_NAME, key=key, confirmed=False)
    if request.method == "POST":
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, key=key, defaults={"name": DEVICE_NAME, "confirmed": False}
        )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        request.session.pop(NEW_KEY, None)
        _passed(request)
        messages.success(
            request,
            _("Double authentification activée : un code vous sera demandé à chaque connexion."),
        )
        return redirect(_next(request))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/second_factor/enrol.html",
        {
            "form": form,
            "next": _next(request),
            "qr": _qr_svg(device),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "replacing": confirmed_device(request.user) is not None,
        },
        status=400 if form.errors else 200,
    )
