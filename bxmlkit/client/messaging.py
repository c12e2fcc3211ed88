"""The Messaging API namespaces: ``client.messages`` (send, search) and ``client.media``.

Every operation is defined once in :mod:`bxmlkit.client._operations`; the namespace classes
live in ``_api_async.py`` and the generated ``_api_sync.py``.
"""

from __future__ import annotations

from bxmlkit.client._api_async import AsyncMediaApi, AsyncMessagesApi
from bxmlkit.client._api_sync import MediaApi, MessagesApi

__all__ = ["AsyncMediaApi", "AsyncMessagesApi", "MediaApi", "MessagesApi"]
