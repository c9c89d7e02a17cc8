"""Database ids read from a request: ASCII digits that fit the database's 64-bit integers.

Anything else names no row. A bigger number would not fit in the query (SQLite raises
OverflowError, a 500) for the lookups Django does not bound itself (`__in`, foreign keys), so
it is refused where it enters: the `id` path converter (no match: a 404) and `IdsField` (a
form error).
"""

from django import forms
from django.urls import register_converter

MAX_ID = 2**63 - 1


def parse_id(value):
    """The id `value` names (a string), or None: ASCII digits only, within MAX_ID."""
    value = str(value)
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


class IdConverter:
    """`<id:name>`: Django's `<int:name>` within the database's integers."""

    regex = "[0-9]+"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: a 404
        return number

    def to_url(self, value):
        return str(value)


def register():
    register_converter(IdConverter, "id")


class IdsField(forms.ModelMultipleChoiceField):
    """A choice of rows by id, where an id past the database's integers is a form error."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
