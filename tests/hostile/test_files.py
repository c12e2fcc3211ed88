"""Files that cannot be read: a directory, a missing path, an unreadable file, a symlink loop,
a FIFO, a device, a socket.  Each is refused with ``SourceError`` (the API) or exit code 2 and
a one-line message (the CLI), without blocking: non-regular files are refused before they are
opened.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import bxmlkit._parser
from bxmlkit.codec import from_xml
from bxmlkit.errors import SourceError
from bxmlkit.lint import lint
from bxmlkit.schema import validate

from .conftest import CliRun

pytestmark = pytest.mark.usefixtures("no_network")

NOT_REGULAR = "is not a regular file (FIFO, socket or device)"
SECONDS = 5.0


def _api_refuses(path: Path, message: str) -> None:
    for call in (from_xml, validate, lint):
        with pytest.raises(SourceError) as caught:
            call(path)
        assert caught.value.source == str(path)
        assert message in caught.value.message, (call, caught.value.message)
        assert str(caught.value) == f"{path}: {caught.value.message}"


def _cli_refuses(cli: Callable[..., CliRun], path: Path, message: str) -> None:
    for command in (
        ["lint", "--isolated"],
        ["validate"],
        ["check"],
        ["lint", "--isolated", "--fix"],
        ["fmt"],
        ["fmt", "--check"],
    ):
        result = cli(*command, str(path))
        assert result.code == 2, (command, result)
        assert message in result.err, (command, result.err)
        assert len(result.err.strip().splitlines()) == 1, result.err


def test_missing_path(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    path = tmp_path / "nope.xml"
    _api_refuses(path, "no such file")
    _cli_refuses(cli, path, "no such file")


def test_dangling_symlink(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    path = tmp_path / "dangling.xml"
    path.symlink_to(tmp_path / "gone.xml")
    _api_refuses(path, "no such file")
    for command in (["validate"], ["check"]):
        assert cli(*command, str(path)).code == 2
    result = cli("lint", "--isolated", str(path))
    assert result.code == 2
    assert "No such file" in result.err or "no such file" in result.err


def test_directory(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    directory = tmp_path / "looks-like.xml"
    directory.mkdir()
    _api_refuses(directory, "is a directory, not a file")
    # every command treats a directory as a place to look for documents, and says when
    # there are none: exit 2, never "All checks passed" for nothing checked
    for command in (["validate"], ["check"], ["lint", "--isolated"], ["fmt"], ["fmt", "--check"]):
        result = cli(*command, str(directory))
        assert (result.code, result.out) == (2, ""), (command, result)
        assert result.err == (
            f"bxmlkit {command[0]}: {directory}: no files to check in this directory "
            "(looked for *.xml, *.bxml)\n"
        )


def test_symlink_loop(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.symlink_to(second)
    second.symlink_to(first)
    _api_refuses(first, "Too many levels of symbolic links")
    _cli_refuses(cli, first, "Too many levels of symbolic links")


def test_name_too_long(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    """Regression: ``check`` crashed in Path.is_dir (ENAMETOOLONG is not 'missing')."""
    path = tmp_path / ("x" * 5000 + ".xml")
    _api_refuses(path, "File name too long")
    for command in (["validate"], ["check"], ["lint", "--isolated"]):
        assert cli(*command, str(path)).code == 2


@pytest.fixture
def denied(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file that the one function reading documents refuses (root can read chmod 000)."""
    path = tmp_path / "secret.xml"
    path.write_bytes(b"<Response><Hangup/></Response>")

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if os.fspath(file) == str(path):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(path))
        return open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(bxmlkit._parser, "open", refuse, raising=False)
    return path


def test_unreadable_file(denied: Path, cli: Callable[..., CliRun]) -> None:
    _api_refuses(denied, "permission denied")
    for command in (["validate"], ["check"]):
        result = cli(*command, str(denied))
        assert result.code == 2
        assert "permission denied" in result.err
    result = cli("lint", "--isolated", str(denied))
    assert result.code == 2
    assert "permission denied" in result.err  # the same words from every command
    result = cli("fmt", str(denied))
    assert (result.code, result.err) == (2, f"{denied}: permission denied\n")


def _within(seconds: float, work: Callable[[], None], unblock: Callable[[], None]) -> None:
    """Run ``work``; if it is still running after ``seconds``, unblock it and fail."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        unblock()
        worker.join(seconds)
        pytest.fail("reading blocked")
    if errors:
        raise errors[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the platform has no FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)

    def unblock() -> None:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    _within(SECONDS, lambda: _api_refuses(fifo, NOT_REGULAR), unblock)
    _within(SECONDS, lambda: _cli_refuses(cli, fifo, NOT_REGULAR), unblock)


def test_unix_socket_is_refused(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    path = tmp_path / "s.xml"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        _api_refuses(path, NOT_REGULAR)
        _cli_refuses(cli, path, NOT_REGULAR)
    finally:
        server.close()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="the platform has no /dev/zero")
def test_endless_device_is_refused_unread(cli: Callable[..., CliRun]) -> None:
    _within(SECONDS, lambda: _api_refuses(Path("/dev/zero"), NOT_REGULAR), lambda: None)
    _within(SECONDS, lambda: _cli_refuses(cli, Path("/dev/zero"), NOT_REGULAR), lambda: None)


def test_endless_stream_is_read_only_to_the_limit() -> None:
    """A binary stream is read to one byte past the size limit, then refused."""
    from bxmlkit._parser import MAX_DOCUMENT_BYTES
    from bxmlkit.errors import XmlLimitError

    class Endless:
        name = "<endless>"
        asked: list[int] = []

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an unbounded read of an endless stream"
            self.asked.append(size)
            return b" " * size

    with pytest.raises(XmlLimitError, match="over the limit"):
        from_xml(Endless())  # type: ignore[arg-type]
    assert Endless.asked == [MAX_DOCUMENT_BYTES + 1]
