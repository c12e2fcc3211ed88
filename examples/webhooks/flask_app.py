"""The IVR of ``ivr.py`` served by Flask.

Run it (``pip install 'bxmlkit[flask]'``)::

    export BW_WEBHOOK_USERNAME=hook BW_WEBHOOK_PASSWORD='long random secret'
    flask --app examples/webhooks/flask_app.py run --port 8080
    # or: python examples/webhooks/flask_app.py

Put it behind HTTPS: Bandwidth sends Basic auth credentials only to https URLs.
"""

from __future__ import annotations

import logging
import os
import sys

from flask import Flask

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # run from anywhere
from ivr import CALLBACK_PATH, app_from_environment

from bxmlkit.webhooks.flask import blueprint


def create_app() -> Flask:
    """The Flask application (``flask --app`` finds this factory)."""
    server = Flask(__name__)
    server.register_blueprint(blueprint(app_from_environment(), CALLBACK_PATH))
    return server


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    create_app().run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
