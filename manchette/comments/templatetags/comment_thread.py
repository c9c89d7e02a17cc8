from django import template

from manchette.comments.rendering import render_nodes
from manchette.comments.threads import Node

register = template.Library()


@register.simple_tag
def comment_nodes(nodes, article_id):
    """{% comment_nodes cs.threads page.pk %}: the comments (a node or a list of nodes) and
    their replies, as comments/rendering.py writes them."""
    return render_nodes([nodes] if isinstance(nodes, Node) else nodes, article_id)
