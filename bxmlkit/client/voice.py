"""The Voice API namespaces (``client.calls``, ``conferences``, ``recordings``,
``transcriptions``, ``statistics``) and the BXML check used before a document is PUT.

Every operation is defined once in :mod:`bxmlkit.client._operations`; the namespace classes
live in ``_api_async.py`` and the generated ``_api_sync.py``.  This module keeps the names
it has always exported.
"""

from __future__ import annotations

from bxmlkit.client._api_async import (
    AsyncCallsApi,
    AsyncConferencesApi,
    AsyncRecordingsApi,
    AsyncStatisticsApi,
    AsyncTranscriptionsApi,
)
from bxmlkit.client._api_sync import (
    CallsApi,
    ConferencesApi,
    RecordingsApi,
    StatisticsApi,
    TranscriptionsApi,
)
from bxmlkit.client._bxml import MAX_BXML_BYTES, bxml_body
from bxmlkit.client._operations import created_call

__all__ = [
    "MAX_BXML_BYTES",
    "AsyncCallsApi",
    "AsyncConferencesApi",
    "AsyncRecordingsApi",
    "AsyncStatisticsApi",
    "AsyncTranscriptionsApi",
    "CallsApi",
    "ConferencesApi",
    "RecordingsApi",
    "StatisticsApi",
    "TranscriptionsApi",
    "bxml_body",
    "created_call",
]
