"""pytest plugin: the ``bxml_sim`` fixture (registered through the ``pytest11`` entry point).

Override ``bxml_app`` in your ``conftest.py`` to give the app::

    @pytest.fixture
    def bxml_app():
        return create_app()          # WSGI or ASGI; or {"url": "http://127.0.0.1:8000"};
                                     # or a dict of Simulator keywords; or a Simulator

    def test_sales(bxml_sim):
        result = bxml_sim.call(initiate_url="/voice", script=[press("1")])
        result.assert_ok()

When a test that used ``bxml_sim`` fails, the transcripts of its calls are added to the
report.  ``--bxml-transcripts DIR`` saves every call's transcript as a file
(``DIR/<test id>-<n>.txt``).  Nothing heavy is imported until a test asks for the fixture.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["bxml_app", "bxml_sim", "pytest_addoption", "pytest_runtest_makereport"]

_RESULTS = pytest.StashKey[list[Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("bxmlkit-sim", "bxmlkit call simulator")
    group.addoption(
        "--bxml-transcripts",
        metavar="DIR",
        default=None,
        help="save the transcript of every simulated call (bxml_sim) into DIR",
    )


@pytest.fixture
def bxml_app() -> Any:
    """The app ``bxml_sim`` calls: override this fixture in your conftest.py."""
    pytest.fail(
        "bxml_sim needs your app: define a 'bxml_app' fixture returning a WSGI or ASGI app "
        "(or {'url': 'http://127.0.0.1:8000'}, or Simulator keywords as a dict)",
        pytrace=False,
    )


@pytest.fixture
def bxml_sim(request: pytest.FixtureRequest, bxml_app: Any) -> Iterator[Any]:
    """A :class:`bxmlkit.sim.Simulator` for ``bxml_app``; failing tests show transcripts."""
    from bxmlkit.sim import Simulator

    if isinstance(bxml_app, Simulator):
        sim = bxml_app
    elif isinstance(bxml_app, dict):
        sim = Simulator(**bxml_app)
    else:
        sim = Simulator(app=bxml_app)
    results: list[Any] = []
    request.node.stash[_RESULTS] = results
    sim._observers.append(results.append)
    try:
        yield sim
    finally:
        sim._observers.remove(results.append)
        folder = request.config.getoption("--bxml-transcripts")
        if folder:
            target = Path(folder)
            target.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid).strip("_")
            for number, result in enumerate(results, 1):
                (target / f"{name}-{number}.txt").write_text(result.to_text(), encoding="utf-8")
        if not isinstance(bxml_app, Simulator):
            sim.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    results = item.stash.get(_RESULTS, None)
    if report.failed and results and call.when == "call":
        for number, result in enumerate(results, 1):
            report.sections.append((f"bxmlkit call {number} transcript", result.to_text()))
