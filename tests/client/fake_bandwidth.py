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
    #: The reference operation id the fake routed the request to ("" when none matched).
    operation: str = ""

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
        self.conferences: dict[str, dict[str, Any]] = {}
        self.conference_bxml: dict[str, list[bytes]] = {}
        self.recordings: dict[str, dict[str, Any]] = {}
        self.recording_states: dict[str, str] = {}
        self.transcription_requests: list[dict[str, Any]] = []
        self.real_time: list[tuple[str, str]] = []
        self.media: dict[str, tuple[str, bytes]] = {}
        self.media_page_size = 2
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

    def add_conference(self, *members: str, **fields: Any) -> str:
        conf_id = fields.pop("id", None) or f"conf-{next(self._ids):08x}-fake"
        url = f"{self.voice_url}/accounts/{ACCOUNT}/conferences/{conf_id}"
        conference = {
            "id": conf_id,
            "name": "my-conference-name",
            "createdTime": "2024-05-01T10:00:00.000Z",
            "completedTime": None,
            "conferenceEventUrl": "https://example.com/conference",
            "conferenceEventMethod": "POST",
            "tag": None,
            "activeMembers": [
                {"callId": m, "conferenceId": conf_id, "memberUrl": f"{url}/members/{m}",
                 "mute": False, "hold": False, "callIdsToCoach": None}
                for m in members
            ],
            **fields,
        }  # fmt: skip
        with self._lock:
            self.conferences[conf_id] = conference
        return conf_id

    def add_recording(
        self, *, call_id: str | None = None, conference_id: str | None = None,
        size: int | None = 1000, **fields: Any,
    ) -> str:  # fmt: skip
        """A finished recording whose media is ``size`` generated bytes (None: no media)."""
        rec_id = fields.pop("recordingId", None) or f"r-{next(self._ids):08x}-fake"
        owner = f"calls/{call_id}" if call_id else f"conferences/{conference_id}"
        recording: dict[str, Any] = {
            "accountId": ACCOUNT,
            "recordingId": rec_id,
            "duration": "PT13.67S",
            "channels": 1,
            "startTime": "2024-05-01T10:00:00.000Z",
            "endTime": "2024-05-01T10:00:13.670Z",
            "fileFormat": "wav",
            "status": "complete",
            "mediaUrl": f"{self.voice_url}/accounts/{ACCOUNT}/{owner}/recordings/{rec_id}/media",
            "_size": size,
            **fields,
        }
        if call_id:
            recording.update(callId=call_id, to="+15553334444", **{"from": "+15551112222"})
        if conference_id:
            recording.update(conferenceId=conference_id, name="my-conference-name")
        with self._lock:
            self.recordings[rec_id] = recording
        return rec_id

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


# --------------------------------------------------------------------------- every other operation
#
# Conferences, members, recordings (call and conference) with their media and transcriptions,
# real-time transcriptions, statistics, the message search and MMS media: the documented
# statuses and bodies (reference examples), stored in the FakeBandwidth's dictionaries.

_A = r"/api/v2/accounts/(?P<account>[^/]+)"
_U = r"/api/v2/users/(?P<account>[^/]+)"
_CALL = _A + r"/calls/(?P<call>[^/]+)"
_CONF = _A + r"/conferences/(?P<conf>[^/]+)"
_RECORDING = r"/recordings/(?P<rec>[^/]+)"

#: (method, path pattern, handler name, operation id)
ROUTES: tuple[tuple[str, str, str, str], ...] = (
    ("GET", _A + r"/conferences", "_list_conferences", "listConferences"),
    ("GET", _CONF, "_get_conference", "getConference"),
    ("POST", _CONF, "_update_conference", "updateConference"),
    ("PUT", _CONF + r"/bxml", "_update_conference_bxml", "updateConferenceBxml"),
    ("GET", _CONF + r"/members/(?P<member>[^/]+)", "_get_member", "getConferenceMember"),
    ("PUT", _CONF + r"/members/(?P<member>[^/]+)", "_update_member", "updateConferenceMember"),
    ("GET", _CONF + r"/recordings", "_list_conference_recordings", "listConferenceRecordings"),
    ("GET", _CONF + _RECORDING, "_get_recording", "getConferenceRecording"),
    ("GET", _CONF + _RECORDING + "/media", "_recording_media", "downloadConferenceRecording"),
    ("GET", _A + r"/recordings", "_list_account_recordings", "listAccountCallRecordings"),
    ("PUT", _CALL + r"/recording", "_update_recording_state", "updateCallRecordingState"),
    ("GET", _CALL + r"/recordings", "_list_call_recordings", "listCallRecordings"),
    ("GET", _CALL + _RECORDING, "_get_recording", "getCallRecording"),
    ("DELETE", _CALL + _RECORDING, "_delete_recording", "deleteRecording"),
    ("GET", _CALL + _RECORDING + "/media", "_recording_media", "downloadCallRecording"),
    ("DELETE", _CALL + _RECORDING + "/media", "_delete_recording_media", "deleteRecordingMedia"),
    ("GET", _CALL + _RECORDING + "/transcription", "_get_transcription",
     "getRecordingTranscription"),
    ("POST", _CALL + _RECORDING + "/transcription", "_transcribe", "transcribeCallRecording"),
    ("DELETE", _CALL + _RECORDING + "/transcription", "_delete_transcription",
     "deleteRecordingTranscription"),
    ("GET", _A + r"/statistics", "_statistics", "getStatistics"),
    ("GET", _CALL + r"/transcriptions", "_list_rtt", "listRealTimeTranscriptions"),
    ("GET", _CALL + r"/transcriptions/(?P<tr>[^/]+)", "_get_rtt", "getRealTimeTranscription"),
    ("DELETE", _CALL + r"/transcriptions/(?P<tr>[^/]+)", "_delete_rtt",
     "deleteRealTimeTranscription"),
    ("GET", _U + r"/messages", "_list_messages", "listMessages"),
    ("GET", _U + r"/media", "_list_media", "listMedia"),
    ("GET", _U + r"/media/(?P<media>.+)", "_get_media", "getMedia"),
    ("PUT", _U + r"/media/(?P<media>.+)", "_upload_media", "uploadMedia"),
    ("DELETE", _U + r"/media/(?P<media>.+)", "_delete_media", "deleteMedia"),
)  # fmt: skip

_COMPILED = tuple((m, re.compile(p), h, o) for m, p, h, o in ROUTES)

#: Bytes of generated recording audio: the same 64 KB block, again and again.
AUDIO_BLOCK = bytes(range(256)) * 256


class _MoreRoutes:
    """The handlers of :data:`ROUTES`, mixed into the request handler."""

    server_state: FakeBandwidth
    headers: Any

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        raise NotImplementedError  # pragma: no cover - provided by _Handler

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        raise NotImplementedError  # pragma: no cover

    def _error(self, status: int, description: str | None = None, **extra: Any) -> None:
        raise NotImplementedError  # pragma: no cover

    def _body(self, record: Recorded, content_type: str) -> Any:
        raise NotImplementedError  # pragma: no cover

    def _authorized(self, account: str) -> bool:
        raise NotImplementedError  # pragma: no cover

    wfile: Any

    def _more(self, method: str, path: str, record: Recorded) -> bool:
        for m, pattern, handler, op_id in _COMPILED:
            match = pattern.fullmatch(path)
            if match and m == method:
                if not self._authorized(match.group("account")):
                    return True
                args = {k: urllib.parse.unquote(v) for k, v in match.groupdict().items()}
                args.pop("account")
                record.operation = op_id
                getattr(self, handler)(record, **args)
                return True
        return False

    # conferences ---------------------------------------------------------------------------
    def _conference(self, conf: str) -> dict[str, Any] | None:
        found = self.server_state.conferences.get(conf)
        if found is None:
            self._error(404, f"Conference [{conf}] not found")
        return found

    def _list_conferences(self, record: Recorded) -> None:
        fake = self.server_state
        items = [
            {k: v for k, v in c.items() if k != "activeMembers"}
            for c in fake.conferences.values()
            if "name" not in record.query or c["name"] == record.query["name"][0]
        ]
        self._paged(record, items, 1000)

    def _paged(self, record: Recorded, items: list[Any], largest: int) -> None:
        query = record.query
        size = int(query.get("pageSize", [str(largest)])[0])
        if not 1 <= size <= largest:
            self._error(400, f"pageSize must be between 1 and {largest}")
            return
        start = int(query.get("pageToken", ["0"])[0])
        headers = {}
        if start + size < len(items):
            rest = {k: v[0] for k, v in query.items() if k != "pageToken"}
            rest["pageToken"] = str(start + size)
            headers["Link"] = f'<{record.path}?{urllib.parse.urlencode(rest)}>; rel="next"'
        self._json(200, items[start : start + size], headers)

    def _get_conference(self, record: Recorded, conf: str) -> None:
        found = self._conference(conf)
        if found is not None:
            self._json(200, found)

    def _update_conference(self, record: Recorded, conf: str) -> None:
        data = self._body(record, "application/json")
        found = self._conference(conf) if data is not None else None
        if found is None:
            return
        if data.get("status") == "completed":
            found["completedTime"] = "2024-05-01T10:05:00.000Z"
            found["activeMembers"] = []
        elif not data.get("redirectUrl"):
            self._error(400, "redirectUrl is required")
            return
        self._send(204)

    def _update_conference_bxml(self, record: Recorded, conf: str) -> None:
        body = self._body(record, "application/xml")
        if body is not None and self._conference(conf) is not None:
            self.server_state.conference_bxml.setdefault(conf, []).append(body)
            self._send(204)

    def _member(self, conf: str, member: str) -> dict[str, Any] | None:
        found = self._conference(conf)
        if found is None:
            return None
        for item in found.get("activeMembers") or []:
            if item["callId"] == member:
                return dict(item)
        self._error(404, f"Member [{member}] not found")
        return None

    def _get_member(self, record: Recorded, conf: str, member: str) -> None:
        found = self._member(conf, member)
        if found is not None:
            self._json(200, found)

    def _update_member(self, record: Recorded, conf: str, member: str) -> None:
        data = self._body(record, "application/json")
        if data is None or self._member(conf, member) is None:
            return
        for item in self.server_state.conferences[conf]["activeMembers"]:
            if item["callId"] == member:
                item.update({k: data[k] for k in ("mute", "hold", "callIdsToCoach") if k in data})
        self._send(204)

    # recordings ----------------------------------------------------------------------------
    def _recordings(self, **where: str) -> list[dict[str, Any]]:
        fake = self.server_state
        return [
            {k: v for k, v in r.items() if not k.startswith("_")}
            for r in fake.recordings.values()
            if all(r.get(k) == v for k, v in where.items())
        ]

    def _recording(self, rec: str, call: str | None, conf: str | None) -> dict[str, Any] | None:
        found = self.server_state.recordings.get(rec)
        if (
            found is None
            or (call and found.get("callId") != call)
            or (conf and found.get("conferenceId") != conf)
        ):
            self._error(404, f"Recording [{rec}] not found")
            return None
        return found

    def _list_conference_recordings(self, record: Recorded, conf: str) -> None:
        if self._conference(conf) is not None:
            self._json(200, self._recordings(conferenceId=conf))

    def _list_call_recordings(self, record: Recorded, call: str) -> None:
        self._json(200, self._recordings(callId=call))

    def _list_account_recordings(self, record: Recorded) -> None:
        where = {k: v[0] for k, v in record.query.items() if k in ("to", "from")}
        self._json(200, [r for r in self._recordings(**where) if "callId" in r])

    def _get_recording(
        self, record: Recorded, rec: str, call: str | None = None, conf: str | None = None
    ) -> None:
        found = self._recording(rec, call, conf)
        if found is not None:
            self._json(200, {k: v for k, v in found.items() if not k.startswith("_")})

    def _delete_recording(self, record: Recorded, call: str, rec: str) -> None:
        if self._recording(rec, call, None) is not None:
            del self.server_state.recordings[rec]
            self._send(204)

    def _recording_media(
        self, record: Recorded, rec: str, call: str | None = None, conf: str | None = None
    ) -> None:
        found = self._recording(rec, call, conf)
        if found is None:
            return
        size = found.get("_size")
        if size is None:
            self._error(404, f"Recording [{rec}] has no media")
            return
        kind = "audio/mpeg" if found.get("fileFormat") == "mp3" else "audio/vnd.wave"
        self.send_response(200)  # type: ignore[attr-defined]
        self.send_header("Content-Type", kind)  # type: ignore[attr-defined]
        self.send_header("Content-Length", str(size))  # type: ignore[attr-defined]
        self.end_headers()  # type: ignore[attr-defined]
        view = memoryview(AUDIO_BLOCK)
        left = size
        while left > 0:  # generated on the fly: the fake holds 64 KB, whatever the size
            step = min(left, len(AUDIO_BLOCK))
            self.wfile.write(view[:step])
            left -= step

    def _delete_recording_media(self, record: Recorded, call: str, rec: str) -> None:
        found = self._recording(rec, call, None)
        if found is not None:
            found.pop("_size", None)
            found["mediaUrl"] = None
            self._send(204)

    def _update_recording_state(self, record: Recorded, call: str) -> None:
        data = self._body(record, "application/json")
        if data is None:
            return
        if data.get("state") not in ("paused", "recording"):
            self._error(400, "state must be paused or recording")
            return
        self.server_state.recording_states[call] = data["state"]
        self._send(200)

    def _get_transcription(self, record: Recorded, call: str, rec: str) -> None:
        found = self._recording(rec, call, None)
        if found is None:
            return
        if "_transcript" not in found:
            self._error(404, f"Recording [{rec}] has no transcription")
            return
        self._json(200, found["_transcript"])

    def _transcribe(self, record: Recorded, call: str, rec: str) -> None:
        data = self._body(record, "application/json")
        found = self._recording(rec, call, None) if data is not None else None
        if found is None:
            return
        found["_transcript"] = {
            "transcripts": [{"speaker": 0, "text": "Nice talking to you, friend!",
                             "confidence": 0.9}],
            "clips": [{"speaker": 0, "text": "Nice talking to you, friend!", "confidence": 0.9,
                       "startTimeSeconds": 0.5, "endTimeSeconds": 2.1}],
        }  # fmt: skip
        self.server_state.transcription_requests.append(data)
        self._send(204)

    def _delete_transcription(self, record: Recorded, call: str, rec: str) -> None:
        found = self._recording(rec, call, None)
        if found is not None:
            found.pop("_transcript", None)
            self._send(204)

    # statistics and real-time transcriptions -----------------------------------------------
    def _statistics(self, record: Recorded) -> None:
        self._json(200, {"currentCallQueueSize": 0, "maxCallQueueSize": 900})

    def _list_rtt(self, record: Recorded, call: str) -> None:
        fake = self.server_state
        self._json(
            200,
            [
                {"transcriptionId": t, "transcriptionName": "live_transcription",
                 "transcriptionUrl": f"{fake.voice_url}/accounts/{ACCOUNT}/calls/{call}"
                                     f"/transcriptions/{t}"}
                for (c, t) in fake.real_time if c == call
            ],
        )  # fmt: skip

    def _get_rtt(self, record: Recorded, call: str, tr: str) -> None:
        if (call, tr) not in self.server_state.real_time:
            self._error(404, f"Transcription [{tr}] not found")
            return
        self._json(200, {"accountId": ACCOUNT, "callId": call, "transcriptionId": tr,
                         "tracks": [{"detectedLanguage": "en-US", "track": "inbound",
                                     "transcript": "Hello World! This is an example.",
                                     "confidence": 0.9}]})  # fmt: skip

    def _delete_rtt(self, record: Recorded, call: str, tr: str) -> None:
        if (call, tr) not in self.server_state.real_time:
            self._error(404, f"Transcription [{tr}] not found")
            return
        self.server_state.real_time.remove((call, tr))
        self._send(200)

    # messaging -----------------------------------------------------------------------------
    def _list_messages(self, record: Recorded) -> None:
        fake = self.server_state
        query = {k: v[0] for k, v in record.query.items()}
        items = [
            {"messageId": m["id"], "accountId": ACCOUNT, "sourceTn": m["from"],
             "destinationTn": m["to"][0], "messageStatus": "DELIVERED",
             "messageDirection": "OUTBOUND", "messageType": "sms", "segmentCount": 1,
             "errorCode": 0, "receiveTime": m["time"], "carrierName": None}
            for m in fake.messages
            if query.get("sourceTn", m["from"]) == m["from"]
        ]  # fmt: skip
        limit = int(query.get("limit", "100"))
        start = int(query.get("pageToken", "0"))
        page = items[start : start + limit]
        info: dict[str, str] = {}
        if start + limit < len(items):
            info["nextPageToken"] = str(start + limit)
            info["nextPage"] = urllib.parse.urlencode({**query, "pageToken": str(start + limit)})
        self._json(200, {"totalCount": len(items), "pageInfo": info, "messages": page})

    def _list_media(self, record: Recorded) -> None:
        fake = self.server_state
        names = sorted(fake.media)
        start = int(self.headers.get("Continuation-Token") or 0)
        page = names[start : start + fake.media_page_size]
        headers = {}
        if start + fake.media_page_size < len(names):
            headers["Continuation-Token"] = str(start + fake.media_page_size)
        body = [
            {"content": f"{fake.messaging_url}/users/{ACCOUNT}/media/{name}",
             "contentLength": len(fake.media[name][1]), "mediaName": name}
            for name in page
        ]  # fmt: skip
        self._json(200, body, headers)

    def _get_media(self, record: Recorded, media: str) -> None:
        found = self.server_state.media.get(media)
        if found is None:
            self._error(404, f"Media [{media}] not found")
            return
        self._send(200, found[1], {"Content-Type": found[0]})

    def _upload_media(self, record: Recorded, media: str) -> None:
        kind = self.headers.get("Content-Type") or "application/octet-stream"
        self.server_state.media[media] = (kind, record.body)
        self._send(204)

    def _delete_media(self, record: Recorded, media: str) -> None:
        if self.server_state.media.pop(media, None) is None:
            self._error(404, f"Media [{media}] not found")
            return
        self._send(204)


class _Handler(_MoreRoutes, BaseHTTPRequestHandler):
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
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = self._read_chunked()
        else:
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

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

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
                    record.operation = "createCall"
                    self._create_call(record)
                elif method == "GET":
                    record.operation = "listCalls"
                    self._list_calls(record)
                else:
                    self._error(405, "Method Not Allowed")
                return
            call_id = urllib.parse.unquote(call_id)
            if bxml and method == "PUT":
                record.operation = "updateCallBxml"
                self._update_bxml(call_id, record)
            elif not bxml and method == "GET":
                record.operation = "getCallState"
                self._get_call(call_id)
            elif not bxml and method == "POST":
                record.operation = "updateCall"
                self._update_call(call_id, record)
            else:
                self._error(405, "Method Not Allowed")
            return
        match = re.fullmatch(r"/api/v2/users/([^/]+)/messages", path)
        if match and method == "POST":
            record.operation = "createMessage"
            if self._authorized(match.group(1)):
                self._send_message(record)
            return
        if self._more(method, path, record):
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
