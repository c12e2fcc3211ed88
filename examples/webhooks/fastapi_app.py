"""The IVR of ``ivr.py`` served by FastAPI (Starlette underneath).

Run it (``pip install 'bxmlkit[fastapi]' fastapi uvicorn``)::

    export BW_WEBHOOK_USERNAME=hook BW_WEBHOOK_PASSWORD='long random secret'
    uvicorn --app-dir examples/webhooks --factory fastapi_app:create_app --port 8080
    # or: python examples/webhooks/fastapi_app.py

Put it behind HTTPS: Bandwidth sends Basic auth credentials only to https URLs.
"""

from __future__ import annotations

import logging
import os
import sys

from fastapi import FastAPI

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # run from anywhere
from ivr import CALLBACK_PATH, app_from_environment

from bxmlkit.webhooks.starlette import endpoint


def create_app() -> FastAPI:
    """The FastAPI application; your other routes go beside the webhook."""
    api = FastAPI(title="IVR webhooks")
    api.add_route(CALLBACK_PATH, endpoint(app_from_environment()), methods=["GET", "POST"])

    @api.get("/healthz")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return api


if __name__ == "__main__":
    import importlib

    uvicorn = importlib.import_module("uvicorn")  # not a bxmlkit dependency: pip install uvicorn
    logging.basicConfig(level=logging.INFO)
    uvicorn.run(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
