"""`{% url %}`, each address kept in the process once reversed (a template built-in).

A whole render of an article asked `reverse()` for about forty addresses, nearly all the same
on every page (the feeds, the forms' actions, the menu's) or the same for a given article:
about a tenth of its CPU. The tag parses and renders as Django's own; the address it writes
is kept under everything `reverse()` reads besides its arguments (the URLconf, the script
prefix, the language, the current application), so it is the one `reverse()` would write.

`{% static %}` likewise (for templates that do not `{% load static %}`, which would bring
Django's back): each file's address kept once the storage wrote it (Django asks the app
registry whether staticfiles is installed, then the manifest, on every call), forgotten when
a setting the storage reads changes.
"""

import threading

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaulttags
from django.templatetags.static import StaticNode
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()

# Addresses of articles vary with their id: bounded, emptied when full.
MAX_KEPT = 4096
_KEPT = {}
_LOCK = threading.Lock()


def _keepable(value):
    """Strings (a template's literals are SafeStrings) and integers: values that write
    themselves the same way whenever they are equal. A model instance or a lazy string may
    write something else later (a renamed page) under an equal key; True equals 1."""
    return isinstance(value, str) or type(value) is int


def kept_reverse(view_name, args, kwargs, current_app):
    """`reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)`, kept."""
    if not all(map(_keepable, [view_name, *args, *kwargs.values()])):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    key = (
        view_name,
        tuple(args),
        tuple(sorted(kwargs.items())),
        current_app,
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        get_language(),
    )
    found = _KEPT.get(key)
    if found is None:
        found = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        with _LOCK:
            if len(_KEPT) >= MAX_KEPT:
                _KEPT.clear()
            _KEPT[key] = found
    return found


@receiver(setting_changed)
def forget_kept_urls(setting, **kwargs):
    # Tests that swap the URLconf; clear_url_caches() follows the same settings.
    if setting == "ROOT_URLCONF":
        with _LOCK:
            _KEPT.clear()


class KeptURLNode(defaulttags.URLNode):
    def render(self, context):
        # Django's URLNode.render, through kept_reverse.
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = kept_reverse(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        if context.autoescape:
            url = conditional_escape(url)
        return url


_KEPT_STATIC = {}
STATIC_SETTINGS = {"STATIC_URL", "STORAGES", "STATIC_ROOT", "DEBUG", "INSTALLED_APPS"}


@receiver(setting_changed)
def forget_kept_static(setting, **kwargs):
    if setting in STATIC_SETTINGS:
        with _LOCK:
            _KEPT_STATIC.clear()


class KeptStaticNode(StaticNode):
    def url(self, context):
        path = self.path.resolve(context)
        if not isinstance(path, str):  # a lazy string: written afresh
            return self.handle_simple(path)
        found = _KEPT_STATIC.get(path)
        if found is None:
            found = self.handle_simple(path)
            with _LOCK:
                if len(_KEPT_STATIC) >= MAX_KEPT:
                    _KEPT_STATIC.clear()
                _KEPT_STATIC[path] = found
        return found


@register.tag
def static(parser, token):
    """{% static path [as name] %}, as Django's, each address kept once written."""
    return KeptStaticNode.handle_token(parser, token)


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
