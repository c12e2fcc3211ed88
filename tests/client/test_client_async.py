"""The async twin: same methods, same rules, over real HTTP (run with asyncio.run)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest
from client_helpers import fast_retry
from fake_bandwidth import (
    ACCOUNT,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    USERNAME,
    FakeBandwidth,
    Fault,
)
from pydantic import ValidationError

from bxmlkit.client import (
    ApiTimeoutError,
    AsyncBandwidthClient,
    BandwidthClient,
    ConflictError,
    ConnectionLostError,
    NotFoundError,
    ServiceUnavailableError,
)
from bxmlkit.errors import BxmlStructureError

T = TypeVar("T")


class AsyncSleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def run(
    fake: FakeBandwidth,
    body: Callable[[AsyncBandwidthClient], Awaitable[T]],
    **kwargs: object,
) -> T:
    async def main() -> T:
        options: dict[str, object] = {
            "account_id": ACCOUNT,
            "username": USERNAME,
            "password": PASSWORD,
            "voice_base_url": fake.voice_url,
            "messaging_base_url": fake.messaging_url,
            "token_url": fake.token_url,
            "retry": fast_retry(),
            "sleep": AsyncSleeps(),
            "timeout": 5.0,
        }
        options.update(kwargs)
        async with AsyncBandwidthClient(**options) as bw:  # type: ignore[arg-type]
            return await body(bw)

    return asyncio.run(main())


NEW_CALL = {
    "to": "+15553334444",
    "from_": "+15551112222",
    "application_id": "a",
    "answer_url": "https://example.com/answer",
}


def test_same_public_methods_as_the_sync_client() -> None:
    def methods(obj: type) -> set[str]:
        return {n for n, _ in inspect.getmembers(obj, inspect.isfunction) if not n.startswith("_")}

    from bxmlkit.client import AsyncCallsApi, AsyncMessagesApi, CallsApi, MessagesApi

    assert methods(CallsApi) == methods(AsyncCallsApi)
    assert methods(MessagesApi) == methods(AsyncMessagesApi)
    assert methods(BandwidthClient) <= methods(AsyncBandwidthClient)
    for name in methods(CallsApi) - {"list_calls"}:
        assert inspect.iscoroutinefunction(getattr(AsyncCallsApi, name)), name
    assert inspect.signature(CallsApi.create_call) == inspect.signature(AsyncCallsApi.create_call)


def test_async_calls_end_to_end(fake: FakeBandwidth) -> None:
    async def body(bw: AsyncBandwidthClient) -> None:
        created = await bw.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
        assert created.location is not None
        assert created.location.endswith(created.call_id)
        state = await bw.calls.get_call(created.call_id)
        assert state.state == "initiated"
        await bw.calls.update_call(created.call_id, redirect_url="https://e.com/next")
        await bw.calls.update_call_bxml(created.call_id, "<Bxml><Pause duration='1'/></Bxml>")
        await bw.calls.hangup(created.call_id)
        with pytest.raises(ConflictError):
            await bw.calls.hangup(created.call_id)
        with pytest.raises(NotFoundError):
            await bw.calls.get_call("c-nope")

    run(fake, body)
    assert [r.method for r in fake.requests] == [
        "POST",
        "GET",
        "POST",
        "PUT",
        "POST",
        "POST",
        "GET",
    ]


def test_async_list_calls_pages_lazily(fake: FakeBandwidth) -> None:
    ids = [fake.add_call() for _ in range(5)]

    async def body(bw: AsyncBandwidthClient) -> list[str]:
        seen: list[str] = []
        async for call in bw.calls.list_calls(page_size=2):
            assert call.call_id is not None
            seen.append(call.call_id)
            if len(seen) == 1:
                assert len(fake.requests) == 1
        return seen

    assert run(fake, body) == ids
    assert len(fake.seen("GET", "/calls$")) == 3


def test_async_list_calls_checks_filters_at_once(fake: FakeBandwidth) -> None:
    async def body(bw: AsyncBandwidthClient) -> None:
        with pytest.raises(ValidationError):
            bw.calls.list_calls(page_size=0)

    run(fake, body)


def test_async_send_message(fake: FakeBandwidth) -> None:
    async def body(bw: AsyncBandwidthClient) -> str | None:
        message = await bw.messages.send_message(
            "+15551112222", ["+15553334444", "+15553335555"], application_id="a", text="hi"
        )
        return message.id

    assert run(fake, body)
    assert fake.messages[0]["to"] == ["+15553334444", "+15553335555"]


def test_async_retries_and_never_repeats_a_post(fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(503), Fault.drop())
    fake.inject("POST", "/calls$", Fault.drop())
    sleeps = AsyncSleeps()

    async def body(bw: AsyncBandwidthClient) -> None:
        await bw.calls.get_call(call_id)
        with pytest.raises(ConnectionLostError):
            await bw.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]

    run(fake, body, sleep=sleeps)
    assert len(fake.seen("GET", call_id)) == 3
    assert len(fake.seen("POST", "/calls$")) == 1
    assert len(sleeps) == 2


def test_async_errors_and_timeouts(fake: FakeBandwidth) -> None:
    fake.inject("GET", "c-1", *[Fault.status(503, retry_after="1")] * 4)
    fake.inject("GET", "c-2", Fault.slow(2.0))

    async def body(bw: AsyncBandwidthClient) -> None:
        with pytest.raises(ServiceUnavailableError) as caught:
            await bw.calls.get_call("c-1")
        assert caught.value.retry_after == 1.0

    run(fake, body)

    async def slow(bw: AsyncBandwidthClient) -> None:
        with pytest.raises(ApiTimeoutError):
            await bw.calls.get_call("c-2")

    run(fake, slow, timeout=0.2, retry=fast_retry(max_retries=0))


def test_async_oauth_fetches_one_token_for_concurrent_requests(fake: FakeBandwidth) -> None:
    call_id = fake.add_call()

    async def body(bw: AsyncBandwidthClient) -> None:
        await asyncio.gather(*(bw.calls.get_call(call_id) for _ in range(5)))

    run(
        fake,
        body,
        username=None,
        password=None,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert len(fake.seen("POST", "/oauth2/token$")) == 1
    assert len(fake.seen("GET", call_id)) == 5


def test_async_bxml_refusal_sends_nothing(fake: FakeBandwidth) -> None:
    async def body(bw: AsyncBandwidthClient) -> None:
        with pytest.raises(BxmlStructureError):
            await bw.calls.update_call_bxml("c-1", "<Response><Hangup/></Response>")

    run(fake, body)
    assert fake.requests == []


def test_aclose_alias(fake: FakeBandwidth) -> None:
    async def main() -> None:
        bw = AsyncBandwidthClient(account_id="1", username="u", password="p")
        await bw.aclose()

    asyncio.run(main())
