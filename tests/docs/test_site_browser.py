"""The built documentation site, opened in headless Chromium from a loopback HTTP server.

The home page, a verb page and a rule page render (title, heading, navigation, content);
the search box finds a rule by its code; and no page logs a console error, an uncaught
exception or a failed resource load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.docs.conftest import BuiltSite
from tests.docs.devtools import CHROMIUM, Browser

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "chromium is not installed (.ci/run installs it)"
    with Browser(tmp_path_factory.mktemp("chromium") / "profile") as found:
        for domain in ("Page", "Runtime", "Log"):
            found.send(f"{domain}.enable")
        yield found


def _page_facts(browser: Browser) -> dict[str, object]:
    facts = browser.evaluate(
        """JSON.stringify({
            title: document.title,
            h1: ((document.querySelector('article h1') || {}).textContent || '').replace('\u00b6', '').trim(),
            nav: document.querySelectorAll('nav.md-nav a.md-nav__link').length,
            text: (document.querySelector('article') || {}).innerText || '',
            css: getComputedStyle(document.querySelector('.md-header')).position,
        })"""
    )
    result: dict[str, object] = json.loads(facts)
    return result


def test_home_page_renders(browser: Browser, site_url: str) -> None:
    browser.navigate(site_url)
    facts = _page_facts(browser)
    assert facts["title"] == "bxmlkit"
    assert facts["h1"] == "bxmlkit"
    assert int(str(facts["nav"])) > 50  # the navigation lists guides and reference pages
    assert facts["css"] in ("sticky", "fixed")  # the theme's stylesheet applied
    assert "from bxmlkit import" in str(facts["text"])
    assert browser.console_errors() == []


def test_verb_page_renders(browser: Browser, site_url: str) -> None:
    browser.navigate(site_url + "reference/elements/Gather/")
    facts = _page_facts(browser)
    assert facts["h1"] == "Gather"
    assert str(facts["title"]).startswith("Gather - ")
    text = str(facts["text"])
    for expected in ("maxDigits", "an integer from 1 to 50", "PlayAudio", "GatherEvent"):
        assert expected in text
    rows = browser.evaluate("document.querySelectorAll('article table tr').length")
    assert rows > 25  # the attribute table, children, contexts and webhooks
    assert browser.console_errors() == []


def test_rule_page_renders(browser: Browser, site_url: str) -> None:
    browser.navigate(site_url + "reference/rules/BX201/")
    facts = _page_facts(browser)
    assert facts["h1"] == "BX201 unreachable-verb"
    text = str(facts["text"])
    for heading in ("What it does", "Why is this bad?", "Example", "Use instead", "Options"):
        assert heading in text
    highlighted = browser.evaluate("document.querySelectorAll('article .highlight').length")
    assert highlighted >= 2  # the bad and the good example, as highlighted code
    assert browser.console_errors() == []


def test_search_finds_a_rule_by_code(browser: Browser, site_url: str) -> None:
    browser.navigate(site_url)
    browser.evaluate("document.querySelector('input.md-search__input').focus()")
    browser.send("Input.insertText", text="BX303")
    found = browser.wait_until(
        """Array.from(document.querySelectorAll('.md-search-result__item a'))
            .map(a => a.getAttribute('href') + ' ' + a.innerText)
            .filter(t => t.includes('BX303')).join('\\n')"""
    )
    assert "reference/rules/BX303/" in str(found)
    assert "insecure-url" in str(found)
    assert browser.console_errors() == []


def test_no_console_errors_anywhere(browser: Browser, built_site: BuiltSite) -> None:
    # every page visited by the tests above logged nothing on the console
    assert browser.console_errors() == []
    assert any(e["method"] == "Page.loadEventFired" for e in browser.events)
