import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_email_unique"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProvenBrowser",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nonce_hash", models.CharField(max_length=64)),
                ("email", models.EmailField(max_length=254, verbose_name="adresse e-mail")),
                ("name", models.CharField(blank=True, max_length=80, verbose_name="nom affiché")),
                (
                    "proven_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="prouvée le"
                    ),
                ),
            ],
            options={
                "verbose_name": "navigateur prouvé",
                "verbose_name_plural": "navigateurs prouvés",
                "indexes": [models.Index(fields=["email"], name="accounts_browser_email")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("nonce_hash", "email"), name="accounts_browser_unique"
                    )
                ],
            },
        ),
    ]
