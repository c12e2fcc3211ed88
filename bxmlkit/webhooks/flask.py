"""Flask adapter: serve a :class:`~bxmlkit.webhooks.WebhookApp` from a Flask application.

::

    from flask import Flask
    from bxmlkit.webhooks.flask import blueprint

    server = Flask(__name__)
    server.register_blueprint(blueprint(app, "/callbacks"))

Needs the ``flask`` extra (``pip install 'bxmlkit[flask]'``).  Handlers are plain ``def``
functions (Flask is WSGI); the body is read only after the method, Basic auth and
``Content-Length`` checks pass, and never beyond the app's ``max_body``.
"""

from __future__ import annotations

from collections.abc import Callable

import flask

from bxmlkit.webhooks._app import WebhookApp
from bxmlkit.webhooks._http import WebhookRequest, WebhookResponse, read_limited

__all__ = ["blueprint", "view"]


def _to_flask(response: WebhookResponse) -> flask.Response:
    out = flask.Response(response.body, status=response.status)
    out.headers.clear()  # drop Flask's default text/html Content-Type
    for name, value in response.headers:
        out.headers[name] = value
    return out


def view(app: WebhookApp) -> Callable[[], flask.Response]:
    """A Flask view function answering deliveries with ``app``; route it for GET and POST:
    ``server.add_url_rule("/callbacks", view=view(app), methods=["GET", "POST"])``."""

    def bandwidth_webhook() -> flask.Response:
        request = flask.request
        refused = app.precheck(request.method, request.headers)
        if refused is not None:
            return _to_flask(refused)
        body = read_limited(request.stream.read, app.max_body)
        delivery = WebhookRequest(
            request.method,
            request.path,
            request.query_string,
            request.headers,
            body,
        )
        return _to_flask(app.handle(delivery))

    return bandwidth_webhook


def blueprint(
    app: WebhookApp, rule: str = "/", *, name: str = "bandwidth_webhooks"
) -> flask.Blueprint:
    """A Blueprint that routes GET and POST on ``rule`` to ``app``.

    Register it once per URL you give Bandwidth (``name`` must then differ):
    ``server.register_blueprint(blueprint(app, "/callbacks"))``.
    """
    bp = flask.Blueprint(name, __name__)
    bp.add_url_rule(rule, endpoint="webhook", view_func=view(app), methods=["GET", "POST"])
    return bp
