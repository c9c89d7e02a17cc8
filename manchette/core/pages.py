"""Pages written outside the editor (demo content, test data) as the editor would leave them."""


def record_live_revision(page):
    """Saves a revision of `page` and, if the page is live, marks it as the live one.

    So the admin opens the page as it is on the site, with nothing unpublished pending.
    """
    revision = page.save_revision(clean=False)
    if page.live:
        type(page).objects.filter(pk=page.pk).update(
            live_revision=revision, has_unpublished_changes=False
        )
        page.live_revision = revision
        page.has_unpublished_changes = False
    return revision


def add_live_page(parent, page):
    """Adds `page` under `parent` with its live revision; returns it."""
    parent.add_child(instance=page)
    record_live_revision(page)
    return page
