"""Fixtures for the hostile-input tests: no network, a canary server and file, the CLI.

``no_network`` fails a test that opens a socket from Python (``socket.connect``,
``create_connection``, ``getaddrinfo``).  libxml2 fetches in C, past Python's socket module,
so the documents also point at ``canary``: a loopback server that records every connection,
and a local file whose secret must never appear in any result, message or output.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bxmlkit.cli import main

SECRET = "CANARY-7f3a9c-never-read"


@dataclass
class Canary:
    """A loopback listener and a local file that a hardened parser never touches."""

    url: str
    file: Path
    connections: list[str] = field(default_factory=list)

    @property
    def file_url(self) -> str:
        return self.file.as_uri()


@pytest.fixture
def canary(tmp_path: Path) -> Iterator[Canary]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.05)
    port = server.getsockname()[1]
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET, encoding="ascii")
    found = Canary(url=f"http://127.0.0.1:{port}", file=secret_file)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, address = server.accept()
            except (TimeoutError, OSError):
                continue
            found.connections.append(f"{address}")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join(timeout=2)
        server.close()
    assert found.connections == [], f"the parser connected to the canary: {found.connections}"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail the test if Python code opens a network connection or resolves a name."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., object]:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise AssertionError(f"network access attempted: {name}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


@dataclass
class CliRun:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """``cli("lint", path)``: run ``bxmlkit`` in-process, return exit code, stdout, stderr."""

    def run(*args: str) -> CliRun:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return CliRun(code, captured.out, captured.err)

    return run
