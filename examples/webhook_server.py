"""A small Bandwidth webhook server on the standard library's ``http.server``.

It checks HTTP Basic auth on every delivery (constant time), reads the event with
``bxmlkit.callbacks.parse_callback`` (JSON POST or GET query), and replies:

* ``initiate`` / ``answer``: a BXML ``<Response>`` built from bxmlkit models that greets the
  caller and asks for a digit;
* ``gather``: reads the digits back (or says that no key was pressed) and hangs up;
* any other event that expects BXML: an empty ``<Response/>``;
* events that expect no BXML (disconnect, recordingAvailable, messaging callbacks...): 204.

Run it (the credentials are the ones you give Bandwidth for your callback URLs)::

    BW_WEBHOOK_USERNAME=hook BW_WEBHOOK_PASSWORD='long random secret' \\
        python examples/webhook_server.py --host 127.0.0.1 --port 8080

Put it behind HTTPS (Bandwidth requires https for callback URLs with credentials).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from bxmlkit.callbacks import (
    AnswerEvent,
    CallbackError,
    CallbackEvent,
    GatherEvent,
    InitiateEvent,
    check_basic_auth,
    parse_callbacks,
)
from bxmlkit.codec import to_xml
from bxmlkit.models import Gather, Hangup, Response, SpeakSentence

log = logging.getLogger("webhook_server")

MAX_BODY = 1024 * 1024  # Bandwidth's payloads are a few KB; refuse anything silly


def reply_for(
    event: CallbackEvent,
    gather_url: str = "/callbacks/gather",
    auth: tuple[str, str] | None = None,
) -> bytes | None:
    """The BXML reply for an event, or None for "204 No Content".

    ``auth`` goes on the ``<Gather>``: Bandwidth sends Basic auth to a verb's callback URL
    only when the verb carries ``username``/``password``, so without it the gather webhook
    would arrive without credentials and be refused.

    A ``<Gather>`` with a ``gatherUrl`` never falls through to the verbs after it: on a
    timeout Bandwidth posts the gather event with empty ``digits``, so "no key pressed" is
    answered here, in the gather branch (``bxmlkit.sim`` runs both flows in the tests).
    """
    if isinstance(event, (InitiateEvent, AnswerEvent)):
        username, password = auth if auth is not None else (None, None)
        return to_xml(
            Response(
                SpeakSentence("Hello from bxmlkit."),
                Gather(
                    SpeakSentence("Press a key, any key."),
                    gather_url=gather_url,
                    max_digits=1,
                    first_digit_timeout=5,
                    username=username,
                    password=password,
                ),
            )
        )
    if isinstance(event, GatherEvent):
        if not event.digits:
            return to_xml(Response(SpeakSentence("No key pressed. Goodbye."), Hangup()))
        pressed = " ".join(event.digits)
        return to_xml(Response(SpeakSentence(f"You pressed {pressed}. Goodbye."), Hangup()))
    if event.expects_bxml and not event.bxml_optional:
        return to_xml(Response())
    return None


class WebhookServer(ThreadingHTTPServer):
    """The HTTP server; ``events`` keeps every event it accepted (handy for tests)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, username: str, password: str) -> None:
        if not username or not password:
            raise ValueError("set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD")
        super().__init__(address, WebhookHandler)
        self.username = username
        self.password = password
        self.events: list[CallbackEvent] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class WebhookHandler(BaseHTTPRequestHandler):
    server: WebhookServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(413, b"payload too large\n", "text/plain")
            return
        self._handle(self.rfile.read(length))

    def do_GET(self) -> None:
        self._handle(urlsplit(self.path).query)

    def _handle(self, payload: str | bytes) -> None:
        if not check_basic_auth(self.headers, self.server.username, self.server.password):
            self._send(
                401,
                b"unauthorized\n",
                "text/plain",
                {"WWW-Authenticate": 'Basic realm="bandwidth-webhooks"'},
            )
            return
        try:
            events = parse_callbacks(payload)
        except CallbackError as exc:
            log.warning("refused a delivery: %s", exc)
            self._send(400, f"{exc}\n".encode(), "text/plain; charset=utf-8")
            return
        with self.server.lock:
            self.server.events.extend(events)
        auth = (self.server.username, self.server.password)
        body = reply_for(events[0], auth=auth) if len(events) == 1 else None
        for event in events:
            log.info("%s event %s", event.kind, event.declared_type)
        if body is None:
            self._send(204, b"", None)
        else:
            self._send(200, body, "application/xml; charset=utf-8")

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def make_server(
    host: str = "127.0.0.1", port: int = 8080, *, username: str, password: str
) -> WebhookServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever()``."""
    return WebhookServer((host, port), username=username, password=password)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    username = os.environ.get("BW_WEBHOOK_USERNAME", "")
    password = os.environ.get("BW_WEBHOOK_PASSWORD", "")
    if not username or not password:
        print("set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD", file=sys.stderr)
        return 2
    with make_server(args.host, args.port, username=username, password=password) as server:
        print(f"listening on {server.url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
