from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from manchette.comments.rendering import render_nodes
from manchette.comments.threads import Node
from manchette.core.caching.versions import LocalEntries, release_token

register = template.Library()


@register.simple_tag
def comment_nodes(nodes, article_id):
    """{% comment_nodes cs.threads page.pk %}: the comments (a node or a list of nodes) and
    their replies, as comments/rendering.py writes them."""
    return render_nodes([nodes] if isinstance(nodes, Node) else nodes, article_id)


# The form below an article's thread, once rendered for each (release, language, script
# prefix, maximum length, notification kinds): the same markup for every article but its id.
_FORMS = LocalEntries(size=16)
_ARTICLE_SLOT = "\x00manchette-article-id\x00"
# What the standalone form page (comments/form_page.html) or a form sent back with errors
# gives the template: with any of these, the form is rendered as the template says.
_READER_STATE = ("csrf_token_value", "standalone", "form", "ts", "reply_to", "error", "signed_in")


@register.simple_tag(takes_context=True)
def article_comment_form(context, article_id):
    """{% article_comment_form page.pk %}: comments/_form.html as the article page includes
    it (`with article_id=page.pk`), the same for every reader, kept once rendered."""
    cs = context.get("cs")
    if any(context.get(name) for name in _READER_STATE) or type(article_id) is not int:
        with context.push(article_id=article_id):
            return context.template.engine.get_template("comments/_form.html").render(context)
    key = (
        release_token(),
        get_language(),
        get_script_prefix(),
        cs.get("max_length") if cs else None,
        tuple(cs.get("notify_kinds") or ()) if cs else (),
    )
    form = _FORMS.get(key)
    if form is None:
        form = render_to_string("comments/_form.html", {"cs": cs, "article_id": _ARTICLE_SLOT})
        _FORMS.set(key, form)
    # An int, checked above: nothing to escape.
    return SafeString(form.replace(_ARTICLE_SLOT, str(article_id)))
