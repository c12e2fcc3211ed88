"""The webhook app: handlers registered per event type, and one delivery in, one reply out."""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from bxmlkit.callbacks import (
    CallbackError,
    CallbackEvent,
    UnknownMessageEvent,
    UnknownVoiceEvent,
    check_basic_auth,
    parse_callbacks,
)
from bxmlkit.errors import BxmlParseError
from bxmlkit.webhooks._http import WebhookRequest, WebhookResponse, header_pairs
from bxmlkit.webhooks._reply import Reply, check_reply

__all__ = ["DEFAULT_MAX_BODY", "WebhookApp"]

E1 = TypeVar("E1", bound=CallbackEvent)
E2 = TypeVar("E2", bound=CallbackEvent)
E3 = TypeVar("E3", bound=CallbackEvent)
#: A handler's return type: a reply, or an awaitable of one (``async def`` handlers).
R = TypeVar("R", bound=Reply | Awaitable[Reply])

#: Bandwidth's callbacks are a few KB; 1 MiB leaves room for long messaging batches.
DEFAULT_MAX_BODY = 1024 * 1024

#: How the async entry point runs a plain ``def`` handler (e.g. in a worker thread).
RunSync = Callable[[Callable[[], Any]], Awaitable[Any]]

_METHODS = ("GET", "POST")
_TEXT = "text/plain; charset=utf-8"
_XML = "application/xml"
_NOSNIFF = ("X-Content-Type-Options", "nosniff")


@dataclass(frozen=True)
class _Job:
    """One event of a delivery and the handler chosen for it (None: nobody registered)."""

    event: CallbackEvent
    handler: Callable[[Any], Any] | None


def _describe(handler: Callable[..., Any]) -> str:
    module = getattr(handler, "__module__", None) or "?"
    name = getattr(handler, "__qualname__", None) or repr(handler)
    return f"{module}.{name}"


def _text_response(status: int, text: str, *extra: tuple[str, str]) -> WebhookResponse:
    return WebhookResponse(
        status, (("Content-Type", _TEXT), _NOSNIFF, *extra), (text + "\n").encode("utf-8")
    )


def _is_unknown(event: CallbackEvent) -> bool:
    return isinstance(event, (UnknownVoiceEvent, UnknownMessageEvent))


class WebhookApp:
    """Bandwidth webhook deliveries in, checked replies out, with no web framework inside.

    Register a handler per event class; it receives the typed event and returns a
    ``Response`` model, BXML text or bytes, or None::

        app = WebhookApp(username="hook-user", password="hook-password")

        @app.on(AnswerEvent)
        def answer(event: AnswerEvent) -> Response:
            return Response(SpeakSentence("Hello"), Hangup())

    A web framework adapter (``bxmlkit.webhooks.flask``, ``.starlette``, ``.django``) or
    your own code turns each request into a :class:`WebhookRequest` and sends back the
    :class:`WebhookResponse` of :meth:`handle` (or :meth:`handle_async`).

    Args:
        username, password: the Basic auth credentials you gave Bandwidth for the callback
            URLs (compared in constant time).  Leave both unset only behind another check:
            without them anyone who finds the URL can drive your calls.
        max_body: the largest request body accepted, in bytes (413 above it).
        realm: the realm named in the 401 reply's ``WWW-Authenticate``.
        logger: where refusals and handler failures are logged
            (default ``logging.getLogger("bxmlkit.webhooks")``).
    """

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        realm: str = "bandwidth-webhooks",
        logger: logging.Logger | None = None,
    ) -> None:
        if bool(username) != bool(password):
            raise ValueError(
                "WebhookApp needs both username and password for Basic auth, or neither"
            )
        if max_body < 1:
            raise ValueError(f"max_body must be at least 1 byte, not {max_body}")
        if '"' in realm or "\\" in realm or any(ord(c) < 32 for c in realm):
            raise ValueError("realm must not contain quotes, backslashes or control characters")
        self._username = username
        self._password = password
        self.max_body = max_body
        self.realm = realm
        self.log = logger or logging.getLogger("bxmlkit.webhooks")
        self._handlers: dict[type[CallbackEvent], Callable[[Any], Any]] = {}
        if not username:
            self.log.warning(
                "WebhookApp without Basic auth: anyone who finds the URL can drive your calls"
            )

    def __repr__(self) -> str:
        names = ", ".join(cls.__name__ for cls in self._handlers)
        auth = "basic auth" if self._username else "no auth"
        return f"<WebhookApp {auth}, handlers for {names or 'nothing'}>"

    # ------------------------------------------------------------------ registration

    @overload
    def on(self, event_type: type[E1], /) -> Callable[[Callable[[E1], R]], Callable[[E1], R]]: ...
    @overload
    def on(
        self, event_type: type[E1], other: type[E2], /
    ) -> Callable[[Callable[[E1 | E2], R]], Callable[[E1 | E2], R]]: ...
    @overload
    def on(
        self, event_type: type[E1], other: type[E2], third: type[E3], /
    ) -> Callable[[Callable[[E1 | E2 | E3], R]], Callable[[E1 | E2 | E3], R]]: ...
    @overload
    def on(
        self, *event_types: type[CallbackEvent]
    ) -> Callable[[Callable[[Any], R]], Callable[[Any], R]]: ...
    def on(
        self, *event_types: type[CallbackEvent]
    ) -> Callable[[Callable[[Any], R]], Callable[[Any], R]]:
        """Decorator: call the function for events of these classes (and their subclasses).

        The most specific registration wins: ``@app.on(CallEvent)`` catches every call event
        without a handler of its own; ``@app.on(CallbackEvent)`` catches everything.  The
        function takes the event and returns a ``Response`` / BXML ``str`` / ``bytes`` (for
        events that expect BXML), or None.  ``async def`` handlers work with
        :meth:`handle_async` (the Starlette/FastAPI adapter).
        """
        if not event_types:
            raise TypeError("app.on() needs at least one event class, e.g. @app.on(AnswerEvent)")
        classes = event_types
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, CallbackEvent)):
                raise TypeError(
                    "app.on() takes event classes from bxmlkit.callbacks (e.g. AnswerEvent), "
                    f"not {cls!r}"
                )

        def register(handler: Callable[[Any], R]) -> Callable[[Any], R]:
            if not callable(handler):
                raise TypeError(f"app.on() decorates a function, not {type(handler).__name__}")
            for cls in classes:
                previous = self._handlers.get(cls)
                if previous is not None and previous is not handler:
                    raise ValueError(
                        f"{cls.__name__} already has a handler ({_describe(previous)}); "
                        "one handler per event class"
                    )
                self._handlers[cls] = handler
            return handler

        return register

    def handler_for(
        self, event: CallbackEvent | type[CallbackEvent]
    ) -> Callable[[Any], Any] | None:
        """The handler that would run for this event (or event class), or None."""
        cls = event if isinstance(event, type) else type(event)
        for klass in cls.__mro__:
            handler = self._handlers.get(klass)
            if handler is not None:
                return handler
        return None

    # ------------------------------------------------------------------ the checks before the body

    def precheck(self, method: str, headers: Any) -> WebhookResponse | None:
        """The refusal that needs no body (405, 401, 413 from ``Content-Length``), or None.

        Adapters call it before reading the body, so an unauthenticated or oversized
        request is never read; :meth:`handle` repeats it.
        """
        method = method.upper()
        if method not in _METHODS:
            return _text_response(
                405,
                f"method {method} not allowed: Bandwidth delivers webhooks with GET or POST",
                ("Allow", ", ".join(_METHODS)),
            )
        pairs = header_pairs(headers)
        if (
            self._username
            and self._password
            and not check_basic_auth(pairs, self._username, self._password)
        ):
            self.log.info("refused a delivery without the right Basic auth credentials")
            return _text_response(
                401,
                "unauthorized: this webhook needs the Basic auth credentials configured "
                "for it at Bandwidth",
                ("WWW-Authenticate", f'Basic realm="{self.realm}", charset="UTF-8"'),
            )
        length = next((value for name, value in pairs if name == "content-length"), None)
        if length is not None:
            if not length.strip().isdigit():
                return self._bad_request(f"Content-Length {length[:40]!r} is not a number")
            if int(length) > self.max_body:
                return self._too_large(int(length))
        return None

    def _too_large(self, size: int) -> WebhookResponse:
        self.log.warning("refused a delivery of %d bytes (limit %d)", size, self.max_body)
        return _text_response(
            413, f"payload too large: {size} bytes; the limit is {self.max_body} bytes"
        )

    def _bad_request(self, reason: str) -> WebhookResponse:
        self.log.warning("refused a delivery: %s", reason)
        return _text_response(400, f"bad request: {reason}")

    # ------------------------------------------------------------------ reading the delivery

    def _accept(self, request: WebhookRequest) -> WebhookResponse | list[_Job]:
        refused = self.precheck(request.method, request.headers)
        if refused is not None:
            return refused
        if len(request.body) > self.max_body:
            return self._too_large(len(request.body))
        payload: str | bytes
        if request.method == "GET":
            query = request.query_string
            if isinstance(query, bytes):
                try:
                    query = query.decode("utf-8")
                except UnicodeDecodeError:
                    return self._bad_request("the query string is not UTF-8")
            payload = query.lstrip("?")
            if not payload.strip():
                return self._bad_request(
                    "a GET delivery carries the event in its query string, and it is empty"
                )
        else:
            payload = request.body
            if not payload.strip():
                return self._bad_request("the body is empty; a POST delivery carries JSON")
            content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
            if content_type.endswith(("/json", "+json")) and payload.lstrip()[:1] not in (
                b"{",
                b"[",
                b"\xef",  # a UTF-8 byte-order mark; the parser reads past it
            ):
                return self._bad_request(
                    f"Content-Type is {content_type} but the body is not a JSON object or array"
                )
        try:
            events = parse_callbacks(payload)
        except CallbackError as exc:
            return self._bad_request(str(exc))
        except RecursionError:
            return self._bad_request("the JSON nests too deeply to be a callback")
        if not events:
            return self._bad_request("the delivery holds no events (an empty array)")
        if len(events) > 1:
            wants = [e.declared_type for e in events if e.expects_bxml]
            if wants:
                return self._bad_request(
                    f"a delivery of {len(events)} events includes {wants[0]!r}, which is "
                    "answered with BXML; such events come one per delivery"
                )
        return [_Job(event, self.handler_for(event)) for event in events]

    # ------------------------------------------------------------------ entry points

    def handle(self, request: WebhookRequest) -> WebhookResponse:
        """Answer one delivery, calling plain ``def`` handlers (WSGI frameworks)."""
        accepted = self._accept(request)
        if isinstance(accepted, WebhookResponse):
            return accepted
        results: list[Any] = []
        for job in accepted:
            if job.handler is None:
                results.append(None)
                continue
            try:
                result = job.handler(job.event)
            except Exception as exc:
                return self._crashed(job, exc)
            if inspect.isawaitable(result):
                if inspect.iscoroutine(result):
                    result.close()  # never awaited: close it so nothing warns later
                return self._server_error(
                    job,
                    f"handler {_describe(job.handler)} for {_label(job.event)} is async; it "
                    "needs an async adapter "
                    "(bxmlkit.webhooks.starlette) or WebhookApp.handle_async()",
                )
            results.append(result)
        return self._reply(accepted, results)

    async def handle_async(
        self, request: WebhookRequest, *, run_sync: RunSync | None = None
    ) -> WebhookResponse:
        """Answer one delivery, awaiting ``async def`` handlers (ASGI frameworks).

        ``run_sync`` runs a plain ``def`` handler without blocking the event loop, e.g.
        Starlette's ``run_in_threadpool``; without it such handlers are called directly.
        """
        accepted = self._accept(request)
        if isinstance(accepted, WebhookResponse):
            return accepted
        results: list[Any] = []
        for job in accepted:
            handler = job.handler
            if handler is None:
                results.append(None)
                continue
            event = job.event
            try:
                if inspect.iscoroutinefunction(handler) or run_sync is None:
                    result = handler(event)
                else:
                    result = await run_sync(functools.partial(handler, event))
                if inspect.isawaitable(result):
                    result = await result
            except Exception as exc:
                return self._crashed(job, exc)
            results.append(result)
        return self._reply(accepted, results)

    # ------------------------------------------------------------------ the reply

    def _reply(self, jobs: Sequence[_Job], results: Sequence[Any]) -> WebhookResponse:
        if len(jobs) == 1:
            return self._single_reply(jobs[0], results[0])
        for job, result in zip(jobs, results, strict=True):
            if result is not None and job.handler is not None:
                self._ignored(job)
        return WebhookResponse(204)

    def _single_reply(self, job: _Job, result: Reply) -> WebhookResponse:
        event, handler = job.event, job.handler
        name = event.declared_type
        needs_bxml = event.expects_bxml and not event.bxml_optional
        if handler is None:
            if needs_bxml:
                message = (
                    f"no handler for {name!r} events, which Bandwidth answers with BXML: "
                    f"register one with @app.on({type(event).__name__})"
                )
                self.log.error("%s; replied 501", message)
                return _text_response(501, f"not implemented: {message}")
            if _is_unknown(event):
                self.log.info("no handler for the unknown event type %r; replied 204", name)
            return WebhookResponse(204)
        if result is None:
            if needs_bxml:
                return self._server_error(
                    job,
                    f"handler {_describe(handler)} returned None for {_label(event)}, which "
                    "Bandwidth answers with a <Response> document",
                )
            return WebhookResponse(204)
        if not event.expects_bxml and not _is_unknown(event):
            self._ignored(job)
            return WebhookResponse(204)
        try:
            body = check_reply(result, event)
        except (BxmlParseError, TypeError) as exc:
            return self._server_error(
                job,
                f"handler {_describe(handler)} answered {_label(event)} with a reply "
                f"Bandwidth cannot run: {exc}",
            )
        return WebhookResponse(200, (("Content-Type", _XML),), body)

    def _ignored(self, job: _Job) -> None:
        self.log.warning(
            "handler %s returned a document for a %r event; Bandwidth ignores any reply to "
            "it, so bxmlkit replied 204",
            _describe(job.handler) if job.handler else "?",
            job.event.declared_type,
        )

    def _server_error(self, job: _Job, message: str) -> WebhookResponse:
        self.log.error("%s; replied 500", message)
        return _text_response(
            500, "internal server error: the webhook handler's reply was refused; see the log"
        )

    def _crashed(self, job: _Job, exc: Exception) -> WebhookResponse:
        self.log.error(
            "handler %s raised %s on %s; replied 500",
            _describe(job.handler) if job.handler else "?",
            type(exc).__name__,
            _label(job.event),
            exc_info=exc,
        )
        return _text_response(
            500, "internal server error: the webhook handler failed; see the server log"
        )


def _label(event: CallbackEvent) -> str:
    """``the 'gather' event (call 'c-123')`` for log lines."""
    text = f"the {event.declared_type!r} event"
    call_id = event.get("call_id") or event.get("callId")
    conference_id = event.get("conference_id") or event.get("conferenceId")
    if call_id:
        text += f" (call {call_id!r})"
    elif conference_id:
        text += f" (conference {conference_id!r})"
    return text
