"""``Simulator``: run a call flow against an app, in-process or at a URL."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

from bxmlkit.sim.engine import Engine, Settings, run_sync
from bxmlkit.sim.result import CallResult
from bxmlkit.sim.script import Step
from bxmlkit.sim.transport import (
    AsgiTransport,
    HandlerTransport,
    Transport,
    UrlTransport,
    WsgiTransport,
)

__all__ = ["Simulator"]


def _is_asgi(app: Any) -> bool:
    call = app if inspect.isfunction(app) or inspect.ismethod(app) else type(app).__call__
    return inspect.iscoroutinefunction(call)


class Simulator:
    """Places simulated calls on an app and records what happens.

    Give exactly one of: ``app`` (a WSGI app; an ASGI app is recognised too), ``asgi`` (an
    ASGI app, run with :meth:`acall` or :meth:`call`), ``handler`` (a function
    ``handler(event) -> Response | str | bytes | None``) or ``url`` (a running server).

    ``media``: ``{audio URL: seconds}`` for PlayAudio lengths.  ``seed``: ids, timestamps
    and shuffles (same seed, same transcript).  ``shuffle_async``: deliver asynchronous
    events of one batch in a seeded random order.  ``latency``: ``{path: seconds}`` of
    virtual response time (over ``callback_timeout`` counts as no answer).  ``username`` /
    ``password`` (and the fallback pair): Basic auth for the initiate/answer and disconnect
    webhooks, as the application or createCall would set them.  Caps: ``max_webhooks``,
    ``max_seconds`` (virtual), ``loop_limit`` (same webhook without script progress).
    """

    def __init__(
        self,
        app: Callable[..., Any] | None = None,
        *,
        asgi: Callable[..., Any] | None = None,
        handler: Callable[[Any], Any] | None = None,
        url: str | None = None,
        media: Mapping[str, float] | None = None,
        seed: int = 0,
        shuffle_async: bool = False,
        latency: Mapping[str, float] | None = None,
        callback_timeout: float = 15.0,
        username: str | None = None,
        password: str | None = None,
        fallback_username: str | None = None,
        fallback_password: str | None = None,
        account_id: str = "9900000",
        max_webhooks: int = 200,
        max_seconds: float = 4 * 3600.0,
        loop_limit: int = 10,
    ) -> None:
        given = [
            name
            for name, value in (("app", app), ("asgi", asgi), ("handler", handler), ("url", url))
            if value is not None
        ]
        if len(given) != 1:
            raise TypeError(
                "Simulator() needs exactly one of app=, asgi=, handler=, url= "
                f"(got {', '.join(given) or 'none'})"
            )
        if app is not None and _is_asgi(app):
            app, asgi = None, app
        self._app = app
        self._asgi = asgi
        self._handler = handler
        self._url = url
        self._sync_transport: Transport | None = None
        self._observers: list[Callable[[CallResult], None]] = []  # the pytest plugin's
        if not 1 <= callback_timeout <= 25:
            raise ValueError("callback_timeout must be 1..25 seconds, as Bandwidth allows")
        self.options: dict[str, Any] = {
            "media": dict(media or {}),
            "seed": seed,
            "shuffle_async": shuffle_async,
            "latency": dict(latency or {}),
            "callback_timeout": float(callback_timeout),
            "account_id": account_id,
            "max_webhooks": max_webhooks,
            "max_seconds": max_seconds,
            "loop_limit": loop_limit,
        }
        self._auth = (username, password) if username is not None and password is not None else None
        self._fallback_auth = (
            (fallback_username, fallback_password)
            if fallback_username is not None and fallback_password is not None
            else None
        )

    @property
    def is_async(self) -> bool:
        """True for ASGI apps (use :meth:`acall`)."""
        return self._asgi is not None

    def _transport(self) -> Transport:
        if self._sync_transport is None:
            if self._app is not None:
                self._sync_transport = WsgiTransport(self._app)
            elif self._handler is not None:
                self._sync_transport = HandlerTransport(self._handler)
            else:
                assert self._url is not None
                self._sync_transport = UrlTransport(self._url)
        return self._sync_transport

    def _settings(
        self,
        base: str,
        *,
        from_: str,
        to: str,
        initiate_url: str | None,
        answer_url: str | None,
        fallback_url: str | None,
        disconnect_url: str | None,
        method: str,
        tag: str | None,
        seed: int | None,
        stop_when_script_ends: bool,
    ) -> Settings:
        if (initiate_url is None) == (answer_url is None):
            raise TypeError(
                "call() needs exactly one of initiate_url= (an inbound call) or "
                "answer_url= (an outbound call)"
            )
        first = initiate_url if initiate_url is not None else answer_url
        assert first is not None
        options = dict(self.options)
        if seed is not None:
            options["seed"] = seed
        method = method.upper()
        if method not in ("GET", "POST"):
            raise ValueError(f"method must be GET or POST, got {method!r}")
        return Settings(
            from_=from_,
            to=to,
            direction="inbound" if initiate_url is not None else "outbound",
            first_url=urljoin(base + "/", first),
            first_event="initiate" if initiate_url is not None else "answer",
            fallback_url=urljoin(base + "/", fallback_url) if fallback_url else None,
            disconnect_url=urljoin(base + "/", disconnect_url) if disconnect_url else None,
            auth=self._auth,
            fallback_auth=self._fallback_auth,
            method=method,
            tag=tag,
            stop_when_script_ends=stop_when_script_ends,
            **options,
        )

    def call(
        self,
        *,
        from_: str = "+15551112222",
        to: str = "+15553334444",
        initiate_url: str | None = None,
        answer_url: str | None = None,
        fallback_url: str | None = None,
        disconnect_url: str | None = None,
        script: Sequence[Step] = (),
        method: str = "POST",
        tag: str | None = None,
        seed: int | None = None,
        stop_when_script_ends: bool = False,
    ) -> CallResult:
        """Place one call and run it to the end (see :class:`CallResult`).

        ``initiate_url`` makes an inbound call (the ``initiate`` event), ``answer_url`` an
        outbound one (``answer``); ``fallback_url`` is tried when it fails;
        ``disconnect_url`` receives the ``disconnect`` event, last.  URLs may be relative
        to the app.  ``script`` is what the caller does (``press``, ``say``, ...).
        """
        kwargs = {
            "from_": from_,
            "to": to,
            "initiate_url": initiate_url,
            "answer_url": answer_url,
            "fallback_url": fallback_url,
            "disconnect_url": disconnect_url,
            "method": method,
            "tag": tag,
            "seed": seed,
            "stop_when_script_ends": stop_when_script_ends,
        }
        if self._asgi is not None:
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return asyncio.run(self.acall(script=script, **kwargs))  # type: ignore[arg-type]
            raise RuntimeError(
                "an event loop is running: use 'await sim.acall(...)' for an ASGI app"
            )
        transport = self._transport()
        settings = self._settings(transport.base, **kwargs)  # type: ignore[arg-type]
        return self._observed(run_sync(Engine(transport, settings, script).run()))

    def _observed(self, result: CallResult) -> CallResult:
        for observer in self._observers:
            observer(result)
        return result

    async def acall(
        self,
        *,
        from_: str = "+15551112222",
        to: str = "+15553334444",
        initiate_url: str | None = None,
        answer_url: str | None = None,
        fallback_url: str | None = None,
        disconnect_url: str | None = None,
        script: Sequence[Step] = (),
        method: str = "POST",
        tag: str | None = None,
        seed: int | None = None,
        stop_when_script_ends: bool = False,
    ) -> CallResult:
        """:meth:`call` for any app, awaited (ASGI apps are called in this event loop)."""
        kwargs = {
            "from_": from_,
            "to": to,
            "initiate_url": initiate_url,
            "answer_url": answer_url,
            "fallback_url": fallback_url,
            "disconnect_url": disconnect_url,
            "method": method,
            "tag": tag,
            "seed": seed,
            "stop_when_script_ends": stop_when_script_ends,
        }
        if self._asgi is None:
            return self.call(script=script, **kwargs)  # type: ignore[arg-type]
        transport = AsgiTransport(self._asgi)
        try:
            settings = self._settings(transport.base, **kwargs)  # type: ignore[arg-type]
            return self._observed(await Engine(transport, settings, script).run())
        finally:
            await transport.aclose()

    def close(self) -> None:
        """Close the HTTP client of a WSGI app or URL (also done by ``with``)."""
        if self._sync_transport is not None:
            self._sync_transport.close()
            self._sync_transport = None

    def __enter__(self) -> Simulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
