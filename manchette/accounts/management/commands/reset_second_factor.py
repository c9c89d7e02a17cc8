"""`manage.py reset_second_factor USERNAME`: for a journalist who lost the phone with their
authenticator app. The account's apps are removed; it signs in with its password and, where
`ADMIN_SECOND_FACTOR=required`, sets up a new app at once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Retire l'application d'authentification d'un compte (téléphone perdu)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Aucun compte « {username} ».") from None
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{removed} application(s) retirée(s) pour « {username} ».")
