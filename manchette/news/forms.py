"""The article editor's form: a new article is signed by the journalist who writes it, and a
byline names each author once."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, data=None, files=None, *args, **kwargs):
        instance, user = kwargs.get("instance"), kwargs.get("for_user")
        if data is None and instance is not None and not instance.pk and user is not None:
            # The create form, shown: its byline starts with the signed-in journalist's name
            # (the user's author page, if the newsroom linked one to the account).
            own_page = getattr(user, "author_page", None) if user.is_authenticated else None
            links = instance.author_links
            if own_page is not None and not links.all():
                links.add(links.model(author=own_page))
        super().__init__(data, files, *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        seen = set()
        for form in self.formsets["author_links"].forms:
            author = form.cleaned_data.get("author") if form.is_valid() else None
            if author is None or form.cleaned_data.get("DELETE"):
                continue
            if author.pk in seen:
                form.add_error("author", _("Cet auteur figure déjà dans la signature."))
            seen.add(author.pk)
        return cleaned
