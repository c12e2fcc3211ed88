"""The IVR of ``ivr.py`` served by Django, as a one-file project.

Run it (``pip install 'bxmlkit[django]'``)::

    export BW_WEBHOOK_USERNAME=hook BW_WEBHOOK_PASSWORD='long random secret'
    python examples/webhooks/django_app.py runserver 8080

In a real project put the ``urlpatterns`` line in your ``urls.py`` and leave settings to
your settings module; this file configures a minimal set only when run as a script.
Put it behind HTTPS: Bandwidth sends Basic auth credentials only to https URLs.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # run from anywhere
from ivr import CALLBACK_PATH, app_from_environment

from bxmlkit.webhooks.django import urlpatterns as webhook_urlpatterns

urlpatterns = webhook_urlpatterns(app_from_environment(), CALLBACK_PATH.lstrip("/"))


def main(argv: list[str]) -> None:
    from django.conf import settings
    from django.core.management import execute_from_command_line

    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", os.urandom(32).hex()),
        ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
        ROOT_URLCONF=__name__,
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
        INSTALLED_APPS=[],
        DATABASES={},
    )
    execute_from_command_line(argv)


if __name__ == "__main__":
    main(sys.argv)
