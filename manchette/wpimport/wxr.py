"""Reading a WordPress export (WXR 1.0–1.2), one element of the channel at a time.

The file is parsed as a stream (`iterparse`): each author, term or item is turned into a
plain dict, handed over, then dropped from the tree, so memory stays flat whatever the size
of the file. defusedxml refuses a DOCTYPE, hence every entity (billion laughs, external
entities). Characters XML forbids (control characters some plugins leave in posts) are
dropped from the bytes before parsing: in UTF-8 these bytes never belong to another character.
"""

import gzip
import os
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

# C0 control characters other than tab, line feed and carriage return.
INVALID_XML_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
NAMESPACE_PREFIXES = (
    ("wordpress.org/export/", "excerpt/", "excerpt"),
    ("wordpress.org/export/", "", "wp"),
    ("purl.org/rss/1.0/modules/content", "", "content"),
    ("purl.org/dc/elements", "", "dc"),
)
TERM_FIELDS = {
    "wp:category": {
        "taxonomy": None,
        "id": "wp:term_id",
        "slug": "wp:category_nicename",
        "parent": "wp:category_parent",
        "name": "wp:cat_name",
        "description": "wp:category_description",
    },
    "wp:tag": {
        "taxonomy": None,
        "id": "wp:term_id",
        "slug": "wp:tag_slug",
        "parent": None,
        "name": "wp:tag_name",
        "description": "wp:tag_description",
    },
    "wp:term": {
        "taxonomy": "wp:term_taxonomy",
        "id": "wp:term_id",
        "slug": "wp:term_slug",
        "parent": "wp:term_parent",
        "name": "wp:term_name",
        "description": "wp:term_description",
    },
}
DEFAULT_TAXONOMY = {"wp:category": "category", "wp:tag": "post_tag"}


class Refused(Exception):
    """The file cannot be imported at all; nothing from it is written. The message is French."""


class Truncated(Exception):
    """The file stops in the middle (or is broken there): what came before it is imported."""

    def __init__(self, line, elements):
        self.line, self.elements = line, elements
        super().__init__(
            _(
                "Fichier tronqué ou mal formé à la ligne %(line)s : les %(count)s éléments "
                "complets qui précèdent ont été importés."
            )
            % {"line": line, "count": elements}
        )


class CleanStream:
    """A binary file without the bytes XML forbids."""

    def __init__(self, raw, file):
        self.raw, self.file = raw, file
        self.size = os.fstat(file.fileno()).st_size
        self.dropped = 0

    def position(self):
        """How far into the file the reading is, from 0 to 1 (for a progress bar)."""
        return self.file.tell() / self.size if self.size else 1.0

    def read(self, size=-1):
        data = self.raw.read(size)
        clean = data.translate(None, INVALID_XML_BYTES)
        self.dropped += len(data) - len(clean)
        return clean

    def close(self):
        self.raw.close()
        self.file.close()


def open_export(path):
    """The export as a clean binary stream, gunzipped when it is compressed."""
    file = open(path, "rb")  # noqa: SIM115 (closed by the reader)
    magic = file.read(2)
    file.seek(0)
    raw = gzip.GzipFile(fileobj=file) if magic == b"\x1f\x8b" else file
    return CleanStream(raw, file)


def local_name(tag):
    """`{http://wordpress.org/export/1.2/}post_id` → `wp:post_id` (whatever the version)."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    for part, suffix, prefix in NAMESPACE_PREFIXES:
        if part in namespace and namespace.endswith(suffix):
            return f"{prefix}:{name}"
    return f"?:{name}"


def text_of(element):
    return (element.text or "").strip() if element is not None else ""


def _postmeta(element):
    key = value = ""
    for child in element:
        name = local_name(child.tag)
        if name == "wp:meta_key":
            key = text_of(child)
        elif name == "wp:meta_value":
            value = child.text or ""
    return key, value


def _comment(element):
    data = {"meta": {}}
    for child in element:
        name = local_name(child.tag)
        if name == "wp:commentmeta":
            key, value = _postmeta(child)
            data["meta"][key] = value
        else:
            data[name.removeprefix("wp:")] = child.text or ""
    return data


def _item(element):
    data = {"categories": [], "meta": {}, "comments": []}
    for child in element:
        name = local_name(child.tag)
        if name == "category":
            data["categories"].append(
                {
                    "domain": child.get("domain", ""),
                    "slug": child.get("nicename", ""),
                    "name": text_of(child),
                }
            )
        elif name == "wp:postmeta":
            key, value = _postmeta(child)
            data["meta"].setdefault(key, []).append(value)
        elif name == "wp:comment":
            data["comments"].append(_comment(child))
        else:
            data[name] = child.text or ""
    return data


def _fields(element):
    return {local_name(child.tag): text_of(child) for child in element}


def _term(name, element):
    fields = _fields(element)
    spec = TERM_FIELDS[name]
    term = {key: fields.get(source, "") if source else "" for key, source in spec.items()}
    term["taxonomy"] = term["taxonomy"] or DEFAULT_TAXONOMY[name]
    return term


def convert(name, element):
    """The plain dict for one child of the channel, or None for what the importer ignores."""
    if name == "item":
        return "item", _item(element)
    if name == "wp:author":
        return "author", _fields(element)
    if name in TERM_FIELDS:
        return "term", _term(name, element)
    return None


def read_export(stream, site):
    """Yields ("author" | "term" | "item", dict) for each element of the channel, in order.

    `site` (a dict) is filled with the channel's own fields (title, link, base_site_url,
    wxr_version) before the first element is yielded. Raises Refused for a file that is not
    a WordPress export or that declares a DOCTYPE, and Truncated when the file breaks after
    some elements were read.
    """
    parsed = iterparse(stream, events=("start", "end"), forbid_dtd=True)
    depth, channel, count = 0, None, 0
    try:
        for event, element in parsed:
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise Refused(_("Ce fichier n’est pas un export WordPress (WXR)."))
                if depth == 2 and local_name(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = local_name(element.tag)
            converted = convert(name, element)
            if converted is None:
                site.setdefault(name, text_of(element))
            else:
                if not site.get("wp:wxr_version"):
                    raise Refused(_("Ce fichier n’est pas un export WordPress (WXR)."))
                count += 1
                yield converted
            channel.remove(element)
    except DefusedXmlException as error:
        raise Refused(
            _("Fichier refusé : il déclare un DOCTYPE ou des entités XML (%(what)s).")
            % {"what": type(error).__name__}
        ) from None
    except ParseError as error:
        if count == 0:
            raise Refused(
                _(
                    "Ce fichier n’est pas un export WordPress lisible "
                    "(XML invalide, ligne %(line)s)."
                )
                % {"line": error.position[0]}
            ) from None
        raise Truncated(error.position[0], count) from None
    if not site.get("wp:wxr_version"):
        raise Refused(_("Ce fichier n’est pas un export WordPress (WXR)."))
