"""A fake Bandwidth API on loopback: a real HTTP server in a thread, for real HTTP exchanges.

It implements the calls endpoints of Voice API v2, message sending of Messaging API v2 and
the OAuth2 token endpoint, with the documented status codes, headers (Location, Link,
Retry-After) and error bodies, HTTP Basic and Bearer auth, and fault injection:

    fake.inject("GET", r"/calls/c-1$", Fault.status(429, retry_after="2"))
    fake.inject("POST", r"/calls$", Fault.drop())

Faults are used once each, in order, by the first request that matches.  Every request the
server receives is recorded in ``fake.requests`` (fault or not), so tests can assert how many
times a request really reached the server.

It can also play Bandwidth calling you: ``deliver(url, event)`` sends a webhook to a
loopback URL, and with ``auto_callbacks`` the fake posts ``answer`` after ``create_call`` and
``disconnect`` after a hang-up, as the real platform does.
"""

from __future__ import annotations

import base64
import email.utils
import itertools
import json
import re
import socket
import struct
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ACCOUNT = "9900000"
USERNAME = "api-user"
PASSWORD = "s3cret-Pa55word!"
CLIENT_ID = "client-4c1d"
CLIENT_SECRET = "client-s3cret-XYZ"

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Fault:
    """What the server does instead of (or before) answering normally."""

    kind: str
    status_code: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0

    @classmethod
    def status(
        cls,
        code: int,
        *,
        retry_after: str | None = None,
        body: Any = None,
        raw: bytes | None = None,
        content_type: str = "application/json;charset=UTF-8",
    ) -> Fault:
        headers = {"Content-Type": content_type}
        if retry_after is not None:
            headers["Retry-After"] = retry_after
        if raw is None:
            raw = json.dumps(body if body is not None else _error_body(code)).encode()
        return cls("status", code, headers, raw)

    @classmethod
    def drop(cls) -> Fault:
        """Read the request, then close the connection without a word."""
        return cls("drop")

    @classmethod
    def reset_mid_body(cls) -> Fault:
        """Send headers and half the body, then reset the connection (RST)."""
        return cls("reset")

    @classmethod
    def truncated(cls) -> Fault:
        """Announce a Content-Length, send half of it, close cleanly (FIN)."""
        return cls("truncated")

    @classmethod
    def cut_json(cls, code: int = 200) -> Fault:
        """A well-framed reply whose JSON stops half way (the framing matches the cut)."""
        return cls("status", code, {"Content-Type": "application/json"}, b'{"callId": "c-1", "to')

    @classmethod
    def malformed_json(cls, code: int = 200) -> Fault:
        return cls("status", code, {"Content-Type": "application/json"}, b"{not json at all]")

    @classmethod
    def slow(cls, delay: float) -> Fault:
        """Wait ``delay`` seconds, then answer normally (if the client is still there)."""
        return cls("slow", delay=delay)


_ERRORS = {
    400: ("validation", "Invalid to: must be an E164 telephone number"),
    401: ("authentication-error", "The credentials provided were invalid"),
    403: ("authorization-error", "Access is denied"),
    404: ("validation", "Call [{{invalid-call-id}}] not found"),
    409: ("validation", "Call [{{call-id}}] cannot be modified in its current state"),
    415: ("validation", "Content type 'text/plain;charset=UTF-8' not supported"),
    429: ("error", "Account call creation rate limit exceeded"),
    500: ("internal-error", "An unknown internal error occurred"),
    503: ("system-overloaded", "Managing too many concurrent calls"),
}


def _error_body(code: int, description: str | None = None) -> dict[str, Any]:
    kind, default = _ERRORS.get(code, ("error", "error"))
    return {"type": kind, "description": description or default, "id": None}


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Delivery:
    url: str
    event: dict[str, Any]
    status: int
    content_type: str
    body: bytes


def http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


class FakeBandwidth:
    """The server.  ``start()``/``stop()``; ``url`` is ``http://127.0.0.1:PORT``."""

    def __init__(
        self,
        *,
        port: int = 0,
        token_lifetime: int = 3600,
        auto_callbacks: bool = False,
        page_size: int = 1000,
    ) -> None:
        self.port = port
        self.token_lifetime = token_lifetime
        self.auto_callbacks = auto_callbacks
        self.default_page_size = page_size
        self.requests: list[Recorded] = []
        self.calls: dict[str, dict[str, Any]] = {}
        self.bxml: dict[str, list[bytes]] = {}
        self.messages: list[dict[str, Any]] = []
        self.tokens: dict[str, float] = {}  # token -> expiry (time.monotonic)
        self.deliveries: list[Delivery] = []
        self.errors: list[BaseException] = []
        self._faults: list[tuple[str, re.Pattern[str], Fault]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ids = itertools.count(1)
        self._workers: list[threading.Thread] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FakeBandwidth:
        fake = self

        class Handler(_Handler):
            server_state = fake

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        server.handle_error = self._record_error  # type: ignore[method-assign]
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for worker in list(self._workers):
            worker.join(timeout=5)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBandwidth:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _record_error(self, request: Any, client_address: Any) -> None:
        import sys

        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, (ConnectionError, TimeoutError)):
            self.errors.append(error)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def voice_url(self) -> str:
        return f"{self.url}/api/v2"

    @property
    def messaging_url(self) -> str:
        return f"{self.url}/api/v2"

    @property
    def token_url(self) -> str:
        return f"{self.url}/api/v1/oauth2/token"

    # ------------------------------------------------------------------ test helpers
    def inject(self, method: str, path_pattern: str, *faults: Fault) -> None:
        with self._lock:
            for fault in faults:
                self._faults.append((method.upper(), re.compile(path_pattern), fault))

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for index, (m, pattern, fault) in enumerate(self._faults):
                if m == method and pattern.search(path):
                    del self._faults[index]
                    return fault
        return None

    def seen(self, method: str, path_pattern: str = "") -> list[Recorded]:
        """The requests the server received with this method and a matching path."""
        pattern = re.compile(path_pattern)
        return [r for r in self.requests if r.method == method and pattern.search(r.path)]

    def add_call(self, **fields: Any) -> str:
        call_id = fields.pop("callId", None) or f"c-{next(self._ids):08x}-fake"
        state = {
            "callId": call_id,
            "accountId": ACCOUNT,
            "applicationId": "app-1",
            "to": "+15553334444",
            "from": "+15551112222",
            "direction": "outbound",
            "state": "answered",
            "startTime": "2024-05-01T10:00:00.000Z",
            "lastUpdate": "2024-05-01T10:00:01.000Z",
            **fields,
        }
        with self._lock:
            self.calls[call_id] = state
        return call_id

    def deliver(
        self,
        url: str,
        event: dict[str, Any],
        *,
        method: str = "POST",
        auth: tuple[str, str] | None = None,
        timeout: float = 5.0,
    ) -> Delivery:
        """Send a webhook to ``url`` as Bandwidth would (JSON POST, or GET with a query)."""
        parts = urllib.parse.urlsplit(url)
        if parts.hostname not in _LOOPBACK:
            raise ValueError(f"the fake only calls loopback webhooks, not {parts.hostname}")
        headers = {"User-Agent": "BandwidthAPI/v2 (fake)"}
        data: bytes | None = None
        if method == "GET":
            query = urllib.parse.urlencode({k: _flat(v) for k, v in event.items()})
            url = f"{url}{'&' if parts.query else '?'}{query}"
        else:
            data = json.dumps(event).encode()
            headers["Content-Type"] = "application/json"
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                result = Delivery(
                    url,
                    event,
                    response.status,
                    response.headers.get("Content-Type", ""),
                    response.read(),
                )
        except urllib.error.HTTPError as exc:
            with exc:
                result = Delivery(
                    url, event, exc.code, exc.headers.get("Content-Type", ""), exc.read()
                )
        with self._lock:
            self.deliveries.append(result)
        return result

    def _deliver_later(self, url: str | None, event: dict[str, Any], call: dict[str, Any]) -> None:
        if not self.auto_callbacks or not url:
            return
        auth = None
        if call.get("username") and call.get("password"):
            auth = (call["username"], call["password"])
        method = (
            "GET"
            if call.get("answerMethod") == "GET" and event["eventType"] == "answer"
            else "POST"
        )

        def run() -> None:
            try:
                self.deliver(url, event, method=method, auth=auth)
            except Exception as exc:
                self.errors.append(exc)

        worker = threading.Thread(target=run, daemon=True)
        self._workers.append(worker)
        worker.start()

    def wait_for_deliveries(self, count: int, timeout: float = 5.0) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.deliveries) >= count:
                    return list(self.deliveries)
            time.sleep(0.01)
        raise AssertionError(f"expected {count} webhook deliveries, got {len(self.deliveries)}")


def _flat(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeBandwidth
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without this, delayed ACKs cost 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # ------------------------------------------------------------------ plumbing
    def _dispatch(self, method: str) -> None:
        fake = self.server_state
        split = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        record = Recorded(
            method,
            split.path,
            urllib.parse.parse_qs(split.query, keep_blank_values=True),
            dict(self.headers.items()),
            body,
        )
        with fake._lock:
            fake.requests.append(record)
        fault = fake._take_fault(method, split.path)
        if fault is not None:
            if fault.kind == "slow":
                if fake._stop.wait(fault.delay):
                    self.close_connection = True
                    return
            else:
                self._apply(fault)
                return
        try:
            self._route(method, split.path, record)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _apply(self, fault: Fault) -> None:
        if fault.kind == "status":  # a well-framed reply: the connection stays usable
            self._send(fault.status_code, fault.body, fault.headers)
            return
        self.close_connection = True
        if fault.kind == "drop":
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        payload = json.dumps({"callId": "c-1", "state": "answered", "padding": "x" * 400}).encode()
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode()
        self.wfile.write(head + payload[: len(payload) // 2])
        if fault.kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        else:  # truncated: a clean close half way through the body
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(
            status,
            json.dumps(data).encode(),
            {"Content-Type": "application/json;charset=UTF-8", **(headers or {})},
        )

    def _error(self, status: int, description: str | None = None, **extra: Any) -> None:
        self._json(status, {**_error_body(status, description), **extra})

    # ------------------------------------------------------------------ auth
    def _authorized(self, account: str) -> bool:
        fake = self.server_state
        value = self.headers.get("Authorization", "")
        scheme, _, credential = value.partition(" ")
        ok = False
        if scheme == "Basic":
            try:
                user, _, password = base64.b64decode(credential).decode().partition(":")
            except (ValueError, UnicodeDecodeError):
                user, password = "", ""
            ok = (user, password) == (USERNAME, PASSWORD)
        elif scheme == "Bearer":
            with fake._lock:
                expiry = fake.tokens.get(credential)
            ok = expiry is not None and time.monotonic() < expiry
        if not ok:
            self._error(401)
            return False
        if account != ACCOUNT:
            self._error(403)
            return False
        return True

    # ------------------------------------------------------------------ routes
    def _route(self, method: str, path: str, record: Recorded) -> None:
        if path == "/api/v1/oauth2/token" and method == "POST":
            self._token(record)
            return
        match = re.fullmatch(r"/api/v2/accounts/([^/]+)/calls(?:/([^/]+))?(/bxml)?", path)
        if match:
            account, call_id, bxml = match.groups()
            if not self._authorized(account):
                return
            if call_id is None:
                if method == "POST":
                    self._create_call(record)
                elif method == "GET":
                    self._list_calls(record)
                else:
                    self._error(405, "Method Not Allowed")
                return
            call_id = urllib.parse.unquote(call_id)
            if bxml and method == "PUT":
                self._update_bxml(call_id, record)
            elif not bxml and method == "GET":
                self._get_call(call_id)
            elif not bxml and method == "POST":
                self._update_call(call_id, record)
            else:
                self._error(405, "Method Not Allowed")
            return
        match = re.fullmatch(r"/api/v2/users/([^/]+)/messages", path)
        if match and method == "POST":
            if self._authorized(match.group(1)):
                self._send_message(record)
            return
        self._error(404, f"Path {path} not found")

    def _token(self, record: Recorded) -> None:
        fake = self.server_state
        value = self.headers.get("Authorization", "")
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if value != f"Basic {expected}":
            self._json(401, {"error": "invalid_client", "error_description": "bad client"})
            return
        form = urllib.parse.parse_qs(record.body.decode())
        if form.get("grant_type") != ["client_credentials"]:
            self._json(400, {"error": "unsupported_grant_type"})
            return
        token = f"tok-{next(fake._ids)}-{time.monotonic_ns()}"
        with fake._lock:
            fake.tokens[token] = time.monotonic() + fake.token_lifetime
        self._json(
            200,
            {"access_token": token, "token_type": "Bearer", "expires_in": fake.token_lifetime},
        )

    def _body(self, record: Recorded, content_type: str) -> Any:
        actual = self.headers.get("Content-Type", "")
        if not actual.startswith(content_type):
            self._error(415, f"Content type '{actual}' not supported")
            return None
        if content_type != "application/json":
            return record.body
        try:
            return json.loads(record.body)
        except ValueError:
            self._error(400, "Request body is not valid JSON")
            return None

    def _create_call(self, record: Recorded) -> None:
        fake = self.server_state
        data = self._body(record, "application/json")
        if data is None:
            return
        for name in ("to", "from", "applicationId", "answerUrl"):
            if not data.get(name):
                self._error(400, f"Missing required field: {name}")
                return
        call_id = f"c-{next(fake._ids):08x}-1331029c-2cb0-4a07-b215-b22865662d85"
        url = f"{fake.voice_url}/accounts/{ACCOUNT}/calls/{call_id}"
        state = {
            "callId": call_id,
            "accountId": ACCOUNT,
            "applicationId": data["applicationId"],
            "to": data["to"],
            "from": data["from"],
            "direction": "outbound",
            "state": "initiated",
            "enqueuedTime": "2024-05-01T10:00:00.000Z",
            "startTime": "2024-05-01T10:00:00.100Z",
            "lastUpdate": "2024-05-01T10:00:00.100Z",
        }
        with fake._lock:
            fake.calls[call_id] = {**state, "_request": data}
        response = {
            **{k: v for k, v in data.items() if k not in ("machineDetection",)},
            "accountId": ACCOUNT,
            "callId": call_id,
            "callUrl": url,
            "enqueuedTime": state["enqueuedTime"],
            "answerMethod": data.get("answerMethod", "POST"),
            "disconnectMethod": data.get("disconnectMethod", "POST"),
            "callTimeout": data.get("callTimeout", 30),
            "callbackTimeout": data.get("callbackTimeout", 15),
        }
        for secret in ("password", "fallbackPassword"):
            if secret in response:
                response[secret] = "*****"
        self._json(201, response, {"Location": url})
        fake._deliver_later(
            data.get("answerUrl"),
            {
                "eventType": "answer",
                "eventTime": "2024-05-01T10:00:03.000Z",
                "accountId": ACCOUNT,
                "applicationId": data["applicationId"],
                "from": data["from"],
                "to": data["to"],
                "direction": "outbound",
                "callId": call_id,
                "callUrl": url,
                "startTime": state["startTime"],
                "answerTime": "2024-05-01T10:00:03.000Z",
                **({"tag": data["tag"]} if data.get("tag") else {}),
            },
            data,
        )

    def _public(self, call: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in call.items() if not k.startswith("_")}

    def _list_calls(self, record: Recorded) -> None:
        fake = self.server_state
        query = record.query
        with fake._lock:
            calls = [self._public(c) for c in fake.calls.values()]
        for name in ("to", "from", "disconnectCause"):
            if name in query:
                calls = [c for c in calls if c.get(name) == query[name][0]]
        size = int(query.get("pageSize", [fake.default_page_size])[0])
        if not 1 <= size <= 10000:
            self._error(400, "pageSize must be between 1 and 10000")
            return
        start = int(query.get("pageToken", ["0"])[0])
        page = calls[start : start + size]
        headers = {}
        if start + size < len(calls):
            rest = {k: v[0] for k, v in query.items() if k != "pageToken"}
            rest["pageToken"] = str(start + size)
            link = f"{record.path}?{urllib.parse.urlencode(rest)}"
            headers["Link"] = f'<{link}>; rel="next"'
        self._json(200, page, headers)

    def _get_call(self, call_id: str) -> None:
        fake = self.server_state
        with fake._lock:
            call = fake.calls.get(call_id)
        if call is None:
            self._error(404, f"Call [{call_id}] not found")
            return
        self._json(200, self._public(call))

    def _hang_up(self, call: dict[str, Any], cause: str) -> None:
        fake = self.server_state
        call.update(state="disconnected", disconnectCause=cause, endTime="2024-05-01T10:01:00Z")
        request = call.get("_request", {})
        fake._deliver_later(
            request.get("disconnectUrl"),
            {
                "eventType": "disconnect",
                "eventTime": "2024-05-01T10:01:00.000Z",
                "accountId": ACCOUNT,
                "applicationId": call.get("applicationId"),
                "from": call.get("from"),
                "to": call.get("to"),
                "direction": call.get("direction"),
                "callId": call["callId"],
                "startTime": call.get("startTime"),
                "endTime": "2024-05-01T10:01:00.000Z",
                "cause": cause,
            },
            request,
        )

    def _update_call(self, call_id: str, record: Recorded) -> None:
        fake = self.server_state
        data = self._body(record, "application/json")
        if data is None:
            return
        with fake._lock:
            call = fake.calls.get(call_id)
        if call is None:
            self._error(404, f"Call [{call_id}] not found")
            return
        if call.get("state") == "disconnected":
            self._error(409, f"Call [{call_id}] cannot be modified in its current state")
            return
        if data.get("state") == "completed":
            self._hang_up(call, "hangup")
        elif not data.get("redirectUrl"):
            self._error(400, "redirectUrl is required")
            return
        self._send(200)

    def _update_bxml(self, call_id: str, record: Recorded) -> None:
        fake = self.server_state
        body = self._body(record, "application/xml")
        if body is None:
            return
        with fake._lock:
            call = fake.calls.get(call_id)
        if call is None:
            self._error(404, f"Call [{call_id}] not found")
            return
        if call.get("state") == "disconnected":
            self._error(409, f"Call [{call_id}] cannot be modified in its current state")
            return
        fake.bxml.setdefault(call_id, []).append(body)
        if b"<Hangup" in body:
            self._hang_up(call, "hangup")
        self._send(204)

    def _send_message(self, record: Recorded) -> None:
        fake = self.server_state
        data = self._body(record, "application/json")
        if data is None:
            return
        problems = []
        for name in ("applicationId", "to", "from"):
            if not data.get(name):
                problems.append({"fieldName": name, "description": f"'{name}' is required"})
        if len(data.get("text") or "") > 2048:
            problems.append({"fieldName": "text", "description": "at most 2048 characters"})
        if problems:
            self._json(
                400,
                {
                    "type": "request-validation",
                    "description": "Your request could not be accepted",
                    "fieldErrors": problems,
                },
            )
            return
        message = {
            "id": f"1589{next(fake._ids):06d}xyz",
            "owner": data["from"],
            "applicationId": data["applicationId"],
            "time": "2024-05-01T10:00:00.000Z",
            "segmentCount": 1,
            "direction": "out",
            "to": data["to"],
            "from": data["from"],
            "text": data.get("text", ""),
            **{k: data[k] for k in ("media", "tag", "priority", "expiration") if k in data},
        }
        with fake._lock:
            fake.messages.append(message)
        self._json(202, message)
