"""The Messaging API: sending SMS/MMS (``client.messages``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

import httpx

from bxmlkit.client._engine import AsyncEngine, Operation, SyncEngine, json_operation
from bxmlkit.client.models import Message, MessageRequest
from bxmlkit.client.voice import decode, segment

__all__ = ["AsyncMessagesApi", "MessagesApi"]


class _MessagesBase:
    def __init__(self, base_url: str, account_id: str) -> None:
        self._messages_url = f"{base_url}/users/{segment(account_id, 'account_id')}/messages"

    def _send_op(
        self,
        from_: str,
        to: str | Sequence[str],
        *,
        application_id: str,
        text: str | None,
        media: Sequence[str] | None,
        tag: str | None,
        priority: Literal["default", "high"] | None,
        expiration: datetime | None,
    ) -> Operation:
        body = MessageRequest.model_validate(
            {
                "application_id": application_id,
                "to": [to] if isinstance(to, str) else list(to),
                "from_": from_,
                "text": text,
                "media": None if media is None else list(media),
                "tag": tag,
                "priority": priority,
                "expiration": expiration,
            }
        )
        return json_operation(
            "send_message",
            "POST",
            self._messages_url,
            expected=frozenset({202}),
            wire=body.wire(),
            recorded=body.recorded(),
        )

    @staticmethod
    def _message(response: httpx.Response) -> Message:
        return decode(response, Message, "a message")


class MessagesApi(_MessagesBase):
    """``client.messages``: send text and picture messages."""

    def __init__(self, engine: SyncEngine, base_url: str, account_id: str) -> None:
        super().__init__(base_url, account_id)
        self._engine = engine

    def send_message(
        self,
        from_: str,
        to: str | Sequence[str],
        *,
        application_id: str,
        text: str | None = None,
        media: Sequence[str] | None = None,
        tag: str | None = None,
        priority: Literal["default", "high"] | None = None,
        expiration: datetime | None = None,
    ) -> Message:
        """Send a message (202 Accepted); the limits of :class:`MessageRequest` are checked
        first.  Never retried once the server may have received it (no double texts)."""
        op = self._send_op(
            from_,
            to,
            application_id=application_id,
            text=text,
            media=media,
            tag=tag,
            priority=priority,
            expiration=expiration,
        )
        return self._message(self._engine.run(op))


class AsyncMessagesApi(_MessagesBase):
    """The async twin of :class:`MessagesApi`."""

    def __init__(self, engine: AsyncEngine, base_url: str, account_id: str) -> None:
        super().__init__(base_url, account_id)
        self._engine = engine

    async def send_message(
        self,
        from_: str,
        to: str | Sequence[str],
        *,
        application_id: str,
        text: str | None = None,
        media: Sequence[str] | None = None,
        tag: str | None = None,
        priority: Literal["default", "high"] | None = None,
        expiration: datetime | None = None,
    ) -> Message:
        """See :meth:`MessagesApi.send_message`."""
        op = self._send_op(
            from_,
            to,
            application_id=application_id,
            text=text,
            media=media,
            tag=tag,
            priority=priority,
            expiration=expiration,
        )
        return self._message(await self._engine.run(op))
