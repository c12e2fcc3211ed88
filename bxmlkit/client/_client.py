"""``BandwidthClient`` and ``AsyncBandwidthClient``: settings, engine, and the API groups."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType

import httpx
from pydantic import SecretStr

from bxmlkit.client._api_async import (
    AsyncCallsApi,
    AsyncConferencesApi,
    AsyncMediaApi,
    AsyncMessagesApi,
    AsyncRecordingsApi,
    AsyncStatisticsApi,
    AsyncTranscriptionsApi,
)
from bxmlkit.client._api_sync import (
    CallsApi,
    ConferencesApi,
    MediaApi,
    MessagesApi,
    RecordingsApi,
    StatisticsApi,
    TranscriptionsApi,
)
from bxmlkit.client._auth import Auth
from bxmlkit.client._config import Settings, resolve_settings
from bxmlkit.client._engine import DEFAULT_TIMEOUT, AsyncEngine, SyncEngine
from bxmlkit.client._operations import Urls
from bxmlkit.client._paging import DEFAULT_MAX_PAGES
from bxmlkit.client._retry import RetryPolicy

__all__ = ["AsyncBandwidthClient", "BandwidthClient"]

_DOC = """
    All arguments are keyword-only and optional; see :mod:`bxmlkit.client._config` for the
    ``BW_*`` environment variables used for any that are missing.

    Args:
        account_id: the Bandwidth account id used in every URL (``BW_ACCOUNT_ID``).
        client_id, client_secret: OAuth2 client credentials (``BW_CLIENT_ID``,
            ``BW_CLIENT_SECRET``); the token is cached and refreshed before it expires.
        username, password: API user for HTTP Basic (``BW_USERNAME``, ``BW_PASSWORD``).
        auth: a ready ``BasicAuth`` or ``OAuth2ClientCredentials`` instead of the above.
        voice_base_url, messaging_base_url, token_url: override the production hosts
            (``BW_VOICE_BASE_URL``, ``BW_MESSAGING_BASE_URL``, ``BW_TOKEN_URL``).
        timeout: seconds, or an ``httpx.Timeout`` (default: 5 s connect, 30 s read/write/pool).
        retry: a :class:`RetryPolicy` (default: 3 retries, 0.5 s doubling backoff capped at
            8 s, Retry-After honoured up to 30 s, 60 s total budget).
        transport: any httpx transport (the test seam; e.g. ``httpx.MockTransport``).
        sleep: how to wait between retries (default ``time.sleep`` / ``asyncio.sleep``).
        max_pages: how many pages one listing may fetch before it stops with an
            ``InvalidResponseError`` (default 10000); a next link that leads back to a page
            already fetched stops it at once.
        env: the environment to read (default ``os.environ``).
"""


def _settings(
    account_id: str | None,
    username: str | SecretStr | None,
    password: str | SecretStr | None,
    client_id: str | SecretStr | None,
    client_secret: str | SecretStr | None,
    auth: Auth | None,
    voice_base_url: str | None,
    messaging_base_url: str | None,
    token_url: str | None,
    env: Mapping[str, str] | None,
) -> Settings:
    return resolve_settings(
        account_id=account_id,
        username=username,
        password=password,
        client_id=client_id,
        client_secret=client_secret,
        auth=auth,
        voice_base_url=voice_base_url,
        messaging_base_url=messaging_base_url,
        token_url=token_url,
        env=env,
    )


class BandwidthClient:
    __doc__ = "A client for Bandwidth's Voice and Messaging APIs.\n" + _DOC

    def __init__(
        self,
        *,
        account_id: str | None = None,
        client_id: str | SecretStr | None = None,
        client_secret: str | SecretStr | None = None,
        username: str | SecretStr | None = None,
        password: str | SecretStr | None = None,
        auth: Auth | None = None,
        voice_base_url: str | None = None,
        messaging_base_url: str | None = None,
        token_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        env: Mapping[str, str] | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        self.settings = _settings(
            account_id,
            username,
            password,
            client_id,
            client_secret,
            auth,
            voice_base_url,
            messaging_base_url,
            token_url,
            env,
        )
        self._engine = SyncEngine(
            auth=self.settings.auth,
            retry=retry or RetryPolicy(),
            timeout=timeout,
            transport=transport,
            sleep=sleep,
        )
        self._engine.max_pages = max_pages
        s = self.settings
        urls = Urls(s.voice_base_url, s.messaging_base_url, s.account_id)
        self.calls = CallsApi(self._engine, urls)
        self.conferences = ConferencesApi(self._engine, urls)
        self.recordings = RecordingsApi(self._engine, urls)
        self.transcriptions = TranscriptionsApi(self._engine, urls)
        self.statistics = StatisticsApi(self._engine, urls)
        self.messages = MessagesApi(self._engine, urls)
        self.media = MediaApi(self._engine, urls)

    @property
    def retry(self) -> RetryPolicy:
        return self._engine.retry

    def close(self) -> None:
        """Close the connection pool; the client cannot be used afterwards."""
        self._engine.close()

    def __enter__(self) -> BandwidthClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"{type(self).__name__}(account_id={s.account_id!r}, auth={s.auth!r}, "
            f"voice_base_url={s.voice_base_url!r}, messaging_base_url={s.messaging_base_url!r})"
        )


class AsyncBandwidthClient:
    __doc__ = "The async twin of :class:`BandwidthClient` (same methods, awaited).\n" + _DOC

    def __init__(
        self,
        *,
        account_id: str | None = None,
        client_id: str | SecretStr | None = None,
        client_secret: str | SecretStr | None = None,
        username: str | SecretStr | None = None,
        password: str | SecretStr | None = None,
        auth: Auth | None = None,
        voice_base_url: str | None = None,
        messaging_base_url: str | None = None,
        token_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        env: Mapping[str, str] | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        self.settings = _settings(
            account_id,
            username,
            password,
            client_id,
            client_secret,
            auth,
            voice_base_url,
            messaging_base_url,
            token_url,
            env,
        )
        self._engine = AsyncEngine(
            auth=self.settings.auth,
            retry=retry or RetryPolicy(),
            timeout=timeout,
            transport=transport,
            sleep=sleep,
        )
        self._engine.max_pages = max_pages
        s = self.settings
        urls = Urls(s.voice_base_url, s.messaging_base_url, s.account_id)
        self.calls = AsyncCallsApi(self._engine, urls)
        self.conferences = AsyncConferencesApi(self._engine, urls)
        self.recordings = AsyncRecordingsApi(self._engine, urls)
        self.transcriptions = AsyncTranscriptionsApi(self._engine, urls)
        self.statistics = AsyncStatisticsApi(self._engine, urls)
        self.messages = AsyncMessagesApi(self._engine, urls)
        self.media = AsyncMediaApi(self._engine, urls)

    @property
    def retry(self) -> RetryPolicy:
        return self._engine.retry

    async def close(self) -> None:
        """Close the connection pool; the client cannot be used afterwards."""
        await self._engine.close()

    async def aclose(self) -> None:
        """Alias of :meth:`close`, as httpx spells it."""
        await self.close()

    async def __aenter__(self) -> AsyncBandwidthClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"{type(self).__name__}(account_id={s.account_id!r}, auth={s.auth!r}, "
            f"voice_base_url={s.voice_base_url!r}, messaging_base_url={s.messaging_base_url!r})"
        )
