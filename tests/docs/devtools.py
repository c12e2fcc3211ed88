"""A small Chrome DevTools Protocol client: headless Chromium driven over a loopback websocket.

Chromium is started with ``--remote-debugging-port=0`` and prints the port it chose; the
client attaches to the page target, sends commands and keeps every event it receives, so a
test can navigate, evaluate JavaScript, type, and read the console messages and exceptions.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

import websocket

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
_LISTENING = re.compile(r"DevTools listening on (ws://127\.0\.0\.1:(\d+)/\S+)")


class DevToolsError(RuntimeError):
    """Chromium did not start or a command failed."""


class Browser:
    """One headless Chromium with one page, closed on exit (the process is ended by its id)."""

    def __init__(self, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        profile.mkdir(parents=True, exist_ok=True)
        self._log_path = profile.parent / f"{profile.name}-chromium.log"
        self._log = self._log_path.open("wb")
        self._process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        try:
            port = self._wait_for_port()
            self._socket = websocket.create_connection(
                self._page_websocket(port), timeout=timeout, suppress_origin=True
            )
        except BaseException:
            self.close()
            raise

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + self.timeout
        text = ""
        while time.monotonic() < deadline:
            text = self._log_path.read_text(encoding="utf-8", errors="replace")
            match = _LISTENING.search(text)
            if match:
                return int(match.group(2))
            if self._process.poll() is not None:
                break
            time.sleep(0.05)
        raise DevToolsError("chromium printed no DevTools port:\n" + text[-3000:])

    def _page_websocket(self, port: int) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
                targets = json.load(r)
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.1)
        raise DevToolsError("chromium has no page target")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message_id = self._next_id
        self._socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self._socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise DevToolsError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)
        raise DevToolsError(f"{method}: no answer in {self.timeout} s")

    def wait_for_event(self, method: str, since: int = 0) -> dict[str, Any]:
        """The first event named ``method`` at index ``since`` or later, waiting for it."""
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events[since:]:
                if event["method"] == method:
                    return event
            if time.monotonic() > deadline:
                raise DevToolsError(f"no {method} event in {self.timeout} s")
            message = json.loads(self._socket.recv())
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        since = len(self.events)
        self.send("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired", since)

    def wait_until(self, expression: str, timeout: float = 60.0) -> Any:
        """Poll a JavaScript expression until it is truthy; its last value."""
        deadline = time.monotonic() + timeout
        value = self.evaluate(expression)
        while not value and time.monotonic() < deadline:
            time.sleep(0.1)
            value = self.evaluate(expression)
        return value

    def console_errors(self) -> list[str]:
        """Every console error, uncaught exception and browser error logged so far."""
        errors = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = params.get("args", [])
                errors.append("console: " + " ".join(str(a.get("value", a)) for a in args))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text")
                errors.append(f"exception: {text}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        return errors

    def close(self) -> None:
        """Close the connection and end the Chromium process this object started."""
        socket = getattr(self, "_socket", None)
        if socket is not None:
            socket.close()
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._log.close()

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
