"""``bxmlkit simulate``: transcripts, scenario files, located errors, exit codes 0/1/2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bxmlkit.cli import main

APP = ["simulate", "--app", "tests.sim.menu_app:app", "--initiate-url", "/top"]


def test_a_clean_call_prints_its_transcript_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*APP, "--script", "press 1; press 2; press 1"]) == 0
    out = capsys.readouterr().out
    assert "You chose /l1/1/2/1." in out
    assert out.endswith("1 call(s), 0 with problems\n")


def test_a_flow_problem_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*APP, "--script", "press 1; hangup; press 3"]) == 1
    assert "unused script step: press 3" in capsys.readouterr().out


def test_usage_errors_exit_2_with_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*APP, "--script", "press 1; pres 2"]) == 2
    assert "--script: column 10: unknown step 'pres 2'" in capsys.readouterr().err
    assert main(["simulate", "--app", "no_such_module_here:app", "--initiate-url", "/"]) == 2
    assert "cannot import 'no_such_module_here'" in capsys.readouterr().err
    assert main(["simulate", "--app", "tests.sim.menu_app", "--initiate-url", "/"]) == 2
    assert "MODULE:ATTR" in capsys.readouterr().err
    assert main(["simulate", "--app", "tests.sim.menu_app:app"]) == 2
    assert "--initiate-url or --answer-url" in capsys.readouterr().err


SCENARIOS = """\
[defaults]
initiate_url = "/top"

[[scenario]]
name = "sales"
script = "press 1; press 1; press 2"
heard = ["Main menu. Press 1 or 2.", "Menu /l1/1. Press 1 or 2.", "Menu /l1/1/1. Press 1 or 2.", "You chose /l1/1/1/2."]
cause = "hangup"

[[scenario]]
name = "timeout"
script = "silence"
heard = ["Main menu. Press 1 or 2.", "Goodbye."]
"""


def test_scenarios_run_and_check_their_expectations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flows = tmp_path / "flows.toml"
    flows.write_text(SCENARIOS)
    assert (
        main(
            [
                "simulate",
                "--app",
                "tests.sim.menu_app:app",
                "--scenarios",
                str(flows),
                "--transcripts",
                str(tmp_path / "t"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "ok: sales" in out and "ok: timeout" in out
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["sales.txt", "timeout.txt"]
    flows.write_text(SCENARIOS.replace('"Goodbye."', '"Bye."'))
    assert main(["simulate", "--app", "tests.sim.menu_app:app", "--scenarios", str(flows)]) == 1
    assert "expectation failed: heard" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        pytest.param(
            '[[scenario]]\nscript = "press 1"\nname = \n',
            ":3:8:",
            "not valid TOML",
            id="toml-syntax",
        ),
        pytest.param(
            '[defaults]\ninitiate_url = "/top"\n\n[[scenario]]\nname = "a"\nscrpt = "press 1"\n',
            ":6:1:",
            "unknown key 'scrpt'",
            id="unknown-key",
        ),
        pytest.param(
            '[defaults]\ninitiate_url = "/top"\n[[scenario]]\nname = "a"\n[[scenario]]\nscript = "press 1; hangup@x"\n',
            ":6:20:",
            "script: expected seconds",
            id="bad-script",
        ),
        pytest.param(
            '[[scenario]]\nname = "a"\n', ":1:1:", "exactly one of initiate_url", id="no-url"
        ),
        pytest.param(
            '[defaults]\ninitiate_url = "/top"\n[[scenario]]\nheard = "x"\n',
            ":4:1:",
            "heard must be a list",
            id="wrong-type",
        ),
        pytest.param("", ":1:1:", "no [[scenario]] tables", id="empty"),
    ],
)
def test_scenario_file_errors_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str, message: str
) -> None:
    flows = tmp_path / "flows.toml"
    flows.write_text(text)
    assert main(["simulate", "--app", "tests.sim.menu_app:app", "--scenarios", str(flows)]) == 2
    err = capsys.readouterr().err
    assert f"{flows}{where}" in err, err
    assert message in err


def test_a_missing_scenario_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "simulate",
                "--app",
                "tests.sim.menu_app:app",
                "--scenarios",
                str(tmp_path / "none.toml"),
            ]
        )
        == 2
    )
    assert "cannot read" in capsys.readouterr().err


def test_explore_writes_mermaid_and_html_with_coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flows = tmp_path / "flows.toml"
    flows.write_text(SCENARIOS)
    out_dir = tmp_path / "map"
    code = main(
        [
            "simulate",
            "--app",
            "tests.sim.menu_app:app",
            "--scenarios",
            str(flows),
            "--explore",
            "--out",
            str(out_dir),
        ]
    )
    assert code == 0
    summary = capsys.readouterr().out
    assert "flow coverage 7/" in summary  # sales: 5 edges, timeout: 2 more
    mermaid = (out_dir / "flow.mmd").read_text()
    assert mermaid.startswith("flowchart TD\n")
    assert '["/l1/1: Menu /l1/1/1. Press 1 or 2."]' in mermaid
    page = (out_dir / "flow.html").read_text()
    nodes = re.findall(r"^  n\d+[\[(]", mermaid, re.M)
    assert page.count('<g class="node') == len(nodes) > 20
    assert re.search(r"(src|href)\s*=|<link|@import|url\(http", page) is None  # nothing to fetch
