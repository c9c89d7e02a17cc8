from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts: installed by the dev and test settings, never in production."""

    name = "manchette.demo"
    label = "demo"
    verbose_name = "Démonstration"
