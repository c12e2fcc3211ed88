"""Downloads and uploads stream: a 200 MB recording never sits in memory; uploads take a path,
bytes or a binary file, and are re-read (not buffered) when they are sent again."""

from __future__ import annotations

import asyncio
import hashlib
import io
import tracemalloc
from pathlib import Path

import pytest
from client_helpers import Sleeps, fast_retry
from fake_bandwidth import ACCOUNT, AUDIO_BLOCK, PASSWORD, USERNAME, FakeBandwidth, Fault

from bxmlkit.client import (
    ApiTimeoutError,
    AsyncBandwidthClient,
    BandwidthClient,
    ConnectionLostError,
    Downloaded,
    NotFoundError,
    ServiceUnavailableError,
)

SIZE = 200 * 1024 * 1024
#: The most memory a 200 MB download may add while it runs (chunks, buffers, bookkeeping).
ALLOWED_GROWTH = 8 * 1024 * 1024


def _expected_digest(size: int) -> str:
    digest = hashlib.sha256()
    left = size
    while left:
        step = min(left, len(AUDIO_BLOCK))
        digest.update(AUDIO_BLOCK[:step])
        left -= step
    return digest.hexdigest()


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def test_a_200_mb_recording_goes_to_a_file_without_being_held(
    fake: FakeBandwidth, client: BandwidthClient, tmp_path: Path
) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=SIZE)
    target = tmp_path / "recording.wav"
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        done = client.recordings.download_call_recording(call_id, rec, target)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = peak - before
    print(f"200 MB download to a file: peak traced growth {growth / 1024:.0f} KiB")
    assert growth < ALLOWED_GROWTH, f"{growth} bytes"
    assert done == Downloaded(SIZE, "audio/vnd.wave", target)
    assert target.stat().st_size == SIZE
    assert _digest(target) == _expected_digest(SIZE)
    assert not list(tmp_path.glob(".*.part"))


def test_a_200_mb_recording_as_an_iterator_of_chunks(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=SIZE)
    digest = hashlib.sha256()
    largest = total = 0
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        for chunk in client.recordings.download_call_recording(call_id, rec, chunk_size=1 << 16):
            digest.update(chunk)
            total += len(chunk)
            largest = max(largest, len(chunk))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = peak - before
    print(f"200 MB download as chunks: peak traced growth {growth / 1024:.0f} KiB")
    assert growth < ALLOWED_GROWTH, f"{growth} bytes"
    assert total == SIZE and largest <= 1 << 16
    assert digest.hexdigest() == _expected_digest(SIZE)


def test_async_download_streams_to_a_binary_file(fake: FakeBandwidth, tmp_path: Path) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=3_000_000)

    async def main() -> tuple[Downloaded, bytes]:
        async with AsyncBandwidthClient(
            account_id=ACCOUNT, username=USERNAME, password=PASSWORD,
            voice_base_url=fake.voice_url,
        ) as bw:  # fmt: skip
            with (tmp_path / "a.wav").open("wb") as out:
                done = await bw.recordings.download_call_recording(call_id, rec, out)
            chunks = [c async for c in bw.recordings.download_call_recording(call_id, rec)]
            return done, b"".join(chunks)

    done, joined = asyncio.run(main())
    assert done.size == 3_000_000 and done.path is None
    assert (tmp_path / "a.wav").read_bytes() == joined
    assert hashlib.sha256(joined).hexdigest() == _expected_digest(3_000_000)


def test_a_failed_download_leaves_no_file(
    fake: FakeBandwidth, client: BandwidthClient, tmp_path: Path
) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=500_000)
    target = tmp_path / "r.wav"
    target.write_bytes(b"the previous download")
    fake.inject("GET", "/media$", Fault.truncated())  # the body stops half way
    with pytest.raises(ConnectionLostError):
        client.recordings.download_call_recording(call_id, rec, target)
    assert target.read_bytes() == b"the previous download"  # untouched: never half-written
    assert not list(tmp_path.glob(".*.part"))
    with pytest.raises(NotFoundError) as caught:
        client.recordings.download_call_recording(call_id, "r-missing", target)
    assert "Recording [r-missing] not found" in str(caught.value)


def test_a_download_is_retried_before_its_body_starts(
    fake: FakeBandwidth, client: BandwidthClient, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=1000)
    fake.inject("GET", "/media$", Fault.status(503))
    assert len(b"".join(client.recordings.download_call_recording(call_id, rec))) == 1000
    assert len(sleeps) == 1


# --------------------------------------------------------------------------- uploads


class _Pipe(io.RawIOBase):
    """A binary file that cannot seek (like a pipe or a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("kind", ["bytes", "path", "str-path", "file", "pipe"])
def test_uploads_take_bytes_a_path_or_a_binary_file(
    kind: str, fake: FakeBandwidth, client: BandwidthClient, tmp_path: Path
) -> None:
    data = bytes(range(256)) * 1000  # 256 KB: several chunks
    path = tmp_path / "picture.png"
    path.write_bytes(data)
    content: object = {
        "bytes": lambda: data,
        "path": lambda: path,
        "str-path": lambda: str(path),
        "file": lambda: path.open("rb"),
        "pipe": lambda: io.BufferedReader(_Pipe(data)),  # type: ignore[no-untyped-call]
    }[kind]()
    try:
        client.media.upload_media("pic-1.png", content)  # type: ignore[arg-type]
    finally:
        if hasattr(content, "close"):
            content.close()
    (sent,) = fake.seen("PUT", "/media/")
    assert sent.body == data
    assert sent.headers["Content-Type"] == (
        "image/png" if kind in ("path", "str-path", "file") else "application/octet-stream"
    )
    assert fake.media["pic-1.png"][1] == data


def test_an_upload_from_a_path_is_re_read_when_sent_again(
    fake: FakeBandwidth, client: BandwidthClient, tmp_path: Path, sleeps: Sleeps
) -> None:
    path = tmp_path / "a.mp3"
    path.write_bytes(b"ID3" + b"x" * 100_000)
    fake.inject("PUT", "/media/", Fault.status(503))
    client.media.upload_media("a.mp3", path, cache_control="no-cache")
    first, second = fake.seen("PUT", "/media/")
    assert first.body == second.body == path.read_bytes()
    assert second.headers["Cache-Control"] == "no-cache"
    assert second.headers["Content-Type"] == "audio/mpeg"


def test_an_upload_from_a_pipe_is_not_sent_again(
    fake: FakeBandwidth, client: BandwidthClient, sleeps: Sleeps
) -> None:
    fake.inject("PUT", "/media/", Fault.status(503))
    with pytest.raises(ServiceUnavailableError):
        client.media.upload_media("b.bin", io.BufferedReader(_Pipe(b"stream")))
    assert len(fake.seen("PUT", "/media/")) == 1
    assert sleeps == []


def test_an_upload_of_text_or_a_missing_file_is_refused(client: BandwidthClient) -> None:
    with pytest.raises(FileNotFoundError, match="pass bytes"):
        client.media.upload_media("t.txt", "hello there")
    with pytest.raises(TypeError, match="bytes, a path or a binary file"):
        client.media.upload_media("t.txt", 42)  # type: ignore[arg-type]


def test_async_upload_streams_a_file(fake: FakeBandwidth, tmp_path: Path) -> None:
    path = tmp_path / "v.wav"
    path.write_bytes(b"RIFF" + bytes(200_000))

    async def main() -> None:
        async with AsyncBandwidthClient(
            account_id=ACCOUNT, username=USERNAME, password=PASSWORD,
            messaging_base_url=fake.messaging_url, retry=fast_retry(),
        ) as bw:  # fmt: skip
            await bw.media.upload_media("v.wav", path)
            with path.open("rb") as handle:
                await bw.media.upload_media("v2.wav", handle, content_type="audio/wav")

    asyncio.run(main())
    assert fake.media["v.wav"] == ("audio/x-wav", path.read_bytes())
    assert fake.media["v2.wav"] == ("audio/wav", path.read_bytes())


def test_a_slow_download_times_out_cleanly(fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    rec = fake.add_recording(call_id=call_id, size=10)
    fake.inject("GET", "/media$", *[Fault.slow(1.0)] * 4)
    with BandwidthClient(
        account_id=ACCOUNT, username=USERNAME, password=PASSWORD,
        voice_base_url=fake.voice_url, timeout=0.2, retry=fast_retry(max_retries=0),
    ) as bw, pytest.raises(ApiTimeoutError):  # fmt: skip
        list(bw.recordings.download_call_recording(call_id, rec))
