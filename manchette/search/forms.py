from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from manchette.search.services import MAX_QUERY_LENGTH, SORT_DATE, SORT_RELEVANCE

EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class SearchForm(forms.Form):
    """A reader's search. Never refused: a field that does not validate is left out of the
    search and said so, the rest still searches."""

    q = forms.CharField(
        label=_("Rechercher dans les articles"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )
    rubrique = forms.ChoiceField(label=_("Rubrique"), required=False)
    du = forms.DateField(label=_("Publié depuis le"), required=False, widget=DateInput())
    au = forms.DateField(label=_("Publié jusqu’au"), required=False, widget=DateInput())
    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[(SORT_RELEVANCE, _("pertinence")), (SORT_DATE, _("date, plus récents d’abord"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, data, sections):
        super().__init__(data)
        self.fields["rubrique"].choices = [("", _("Toutes les rubriques"))] + [
            (section["slug"], section["title"]) for section in sections
        ]

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def clean_du(self):
        return self.within_range(self.cleaned_data["du"])

    def clean_au(self):
        return self.within_range(self.cleaned_data["au"])

    def within_range(self, day):
        if day and not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(_("Choisissez une date entre 1900 et 2100."))
        return day

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("du"), cleaned.get("au")
        if since and until and since > until:
            self.add_error("au", _("Cette date doit suivre la date de début."))
        return cleaned

    def value(self, name, default=None):
        """A field's cleaned value, or `default` when it did not validate."""
        if name in self.errors:
            return default
        return self.cleaned_data.get(name) or default
