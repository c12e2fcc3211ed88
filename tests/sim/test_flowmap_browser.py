"""The --explore HTML flow map in a real headless Chromium: it renders, the graph's nodes are
in the DOM, clicking works, and the console has no errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bxmlkit.sim import Simulator
from bxmlkit.sim.explore import FlowMap, explore
from bxmlkit.sim.flowmap import to_html
from tests.sim.apps import Recorder, bxml
from tests.sim.menu_app import make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# A click on the first problem node must show its problems in the side panel.
CLICK = """
<script>
document.querySelector(".node.problem").dispatchEvent(new MouseEvent("click", {bubbles: true}));
document.body.setAttribute("data-clicked", document.querySelectorAll("#details li").length);
</script>
"""


def _flow() -> FlowMap:
    app = make_app()
    broken = Recorder(
        {
            **app.routes,
            "/l1": lambda p: (
                bxml("<Gather maxdigits='1'/>") if p["digits"] == "3" else app.routes["/l1"](p)
            ),
        }
    )
    with Simulator(app=broken) as sim:
        return explore(sim, {"initiate_url": "/top"}, depth=3, max_calls=400)


def _render(page: Path, tmp_path: Path) -> tuple[str, str]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is required for this test (.ci/run installs it)")
    profile = tmp_path / "profile"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def test_the_flow_map_renders_in_chromium_with_its_nodes_and_no_console_errors(
    tmp_path: Path,
) -> None:
    flow = _flow()
    assert flow.problem_count >= 1
    page = tmp_path / "flow.html"
    page.write_text(to_html(flow).replace("</body>", CLICK + "</body>"))
    dom, stderr = _render(page, tmp_path)
    node_ids = re.findall(r'<g class="node[^"]*" id="(n\d+)"', dom)
    assert len(node_ids) == len(flow.nodes) > 20
    assert f'data-ready="{len(flow.nodes)}"' in dom  # the inline script ran to its end
    assert re.search(r'<g class="node problem[^"]*" id="n\d+"', dom)
    assert 'data-clicked="1"' in dom  # the problem is listed after a click
    assert "maxdigits" in dom
    assert _console_errors(stderr) == []


def test_the_console_check_catches_a_script_error(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        to_html(FlowMap()).replace("</body>", "<script>undefinedThing();</script></body>")
    )
    _, stderr = _render(page, tmp_path)
    assert any("undefinedThing" in line for line in _console_errors(stderr))
