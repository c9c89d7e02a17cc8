import django.db.models.functions.text
from django.db import migrations, models


def clear_duplicate_addresses(apps, schema_editor):
    """Before the address becomes unique (in any case): where two accounts share one, the
    oldest keeps it (the one sign-in always chose: `find_user` orders by pk); the others are
    left without an address, as staff created without one are. Nothing else is touched."""
    User = apps.get_model("accounts", "User")
    seen = set()
    rows = User.objects.exclude(email="").order_by("pk").values_list("pk", "email")
    duplicates = []
    for pk, email in rows.iterator():
        key = email.strip().lower()
        if key in seen:
            duplicates.append(pk)
        seen.add(key)
    if duplicates:
        User.objects.filter(pk__in=duplicates).update(email="")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_email_lower_index"),
    ]

    operations = [
        migrations.RunPython(clear_duplicate_addresses, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="accounts_user_email_ci_unique",
            ),
        ),
    ]
