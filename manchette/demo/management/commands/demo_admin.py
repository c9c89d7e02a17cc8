"""Creates the demo accounts (admin, journalist, editor, moderator) and prints how to sign in.

The password is generated once and kept in var/demo-credentials.txt, so running it again
prints the same credentials and changes nothing.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

DEMO_ACCOUNTS = [
    ("admin", "Administratrice démo", None),
    ("journaliste", "Journaliste démo", "Journalistes"),
    ("editeur", "Éditeur démo", "Éditeurs"),
    ("moderateur", "Modératrice démo", "Modérateurs"),
]


class Command(BaseCommand):
    help = "Creates the demo admin and role accounts, and prints their credentials."

    def handle(self, *args, **options):
        credentials = settings.VAR_DIR / "demo-credentials.txt"
        if credentials.exists():
            password = credentials.read_text().strip()
        else:
            password = secrets.token_urlsafe(9)
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(password + "\n")
            credentials.chmod(0o600)
        User = get_user_model()
        for username, display_name, group_name in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "display_name": display_name,
                    "email": f"{username}@example.org",
                    "is_staff": group_name is None,
                    "is_superuser": group_name is None,
                },
            )
            if created:
                user.set_password(password)
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
        url = settings.SITE_URL + "/admin/"
        self.stdout.write(
            f"\n  Administration : {url}\n"
            f"  Identifiant : admin  —  mot de passe : {password}\n"
            f"  (aussi : journaliste, editeur, moderateur, même mot de passe)\n"
        )
