"""Whose data: a proven address and the accounts that carry it.

Every lookup of a reader's data goes through `Owner`, so the export and the erasure can
never disagree about what belongs to the reader. An empty address matches nothing by address
(a staff account created without one must not match every comment with no guest address).
"""

from dataclasses import dataclass

from django.db.models import Q

from manchette.accounts.services import with_email


@dataclass(frozen=True)
class Owner:
    email: str
    users: tuple

    @classmethod
    def of(cls, user):
        """The signed-in reader: their address (proven by the e-mailed sign-in link) and every
        account under it (two first uses of one link once made two)."""
        email = (user.email or "").strip().lower()
        users = {user.pk: user}
        if email:
            users.update((u.pk, u) for u in with_email(email))
        return cls(email=email, users=tuple(users[pk] for pk in sorted(users)))

    @property
    def user_ids(self):
        return [u.pk for u in self.users]

    @property
    def identities(self):
        """How votes and reports name a signed-in reader (`accounts.readers.Reader.voter`)."""
        return [f"u:{pk}" for pk in self.user_ids]

    def by_address(self, field):
        """Q on an address field; matches nothing without an address."""
        return Q(**{field: self.email}) if self.email else Q(pk__in=[])

    def by_address_or_user(self, address_field, user_field="user"):
        return self.by_address(address_field) | Q(**{f"{user_field}__in": self.user_ids})

    def comments(self):
        from manchette.comments.models import Comment

        ids = set(Comment.objects.filter(user__in=self.user_ids).values_list("pk", flat=True))
        if self.email:
            ids |= set(Comment.objects.by_email(self.email).values_list("pk", flat=True))
        return Comment.objects.filter(pk__in=ids)

    def names(self):
        """What the reader was called: their accounts' names and the names they signed with."""
        found = set()
        for user in self.users:
            found |= {user.display_name, user.first_name, user.last_name, user.get_full_name()}
        found |= set(self.comments().values_list("author_name", flat=True))
        # Two letters would scrub half of every text; a short name stays (and says so).
        return sorted({" ".join(n.split()) for n in found if len((n or "").strip()) >= 3})
