"""Wagtail admin strings whose French translation is missing or English in Wagtail's catalogue.

Listing their msgids here (exactly as Wagtail writes them) keeps them in our catalogue
(manchette/locale/fr), which takes precedence over Wagtail's: their msgstr there is French.
"""

from django.utils.translation import gettext_noop

ADMIN_STRINGS = (
    gettext_noop("Any"),
    gettext_noop("Admin"),
    gettext_noop("Current page status:"),
    gettext_noop("Status: "),
    gettext_noop("Locking status"),
    gettext_noop("Timeline"),
    # The newsroom's review is "la relecture", never "modération" (moderators handle comments).
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop("Submit for moderation"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("In Moderation"),
)
