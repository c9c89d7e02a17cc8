""" "Retirer maintenant": a confirmation page, then the flash leaves the site on POST."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from manchette.news.flashes import withdraw_flash
from manchette.news.models import Flash


def withdraw(request, pk):
    if not request.user.has_perm("news.change_flash"):
        raise PermissionDenied
    flash = get_object_or_404(Flash, pk=pk)
    listing = reverse("wagtailsnippets_news_flash:list")
    if request.method == "POST":
        if withdraw_flash(flash):
            messages.success(request, _("« %(text)s » est retiré du site.") % {"text": flash.text})
        else:
            messages.warning(request, _("Ce flash n’était pas en ligne."))
        return redirect(listing)
    return TemplateResponse(
        request,
        "news/admin/flash_withdraw.html",
        {
            "header_title": _("Retirer un flash"),
            "page_title": _("Retirer un flash"),
            "header_icon": "warning",
            "flash": flash,
            "listing": listing,
        },
    )
