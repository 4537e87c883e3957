"""End-to-end browser test (issue 9): Debian chromium driven by Playwright against the app served
by uvicorn on 127.0.0.1: search, filter, open an event (evidence highlighted), open an actor
page, screenshot, and check that a hostile article's script shows as text and never runs."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from test_web_api import build_web_db

from chronica.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.issue(9),
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_web_db(tmp_path_factory.mktemp("browser") / "events.duckdb")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_search_event_and_actor_pages(browser: object, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{base_url}/events")
    page.fill("input[name=actor]", "Ruritania")
    page.select_option("select[name=plover]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*")
    links = page.locator("a.event-link")
    assert links.count() >= 2
    assert "plover=ASSAULT" in page.url

    page.click("a.event-link[href='/events/ev-report']")
    page.wait_for_url("**/events/ev-report")
    evidence = page.locator("mark#evidence")
    assert "shelled Freedonia near Castleton" in evidence.inner_text()
    assert evidence.locator(".hl-actor").inner_text() == "Ruritanian troops"
    assert evidence.locator(".hl-place").inner_text() == "Castleton"
    background = evidence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)

    page.click("dl.fields a.actor >> text=Ruritania")
    page.wait_for_url("**/actors/Ruritania")
    assert page.locator("h1").inner_text().startswith("Ruritania")
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("svg.network line").count() >= 1
    shot = tmp_path / "actor.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("CHRONICA_SCREENSHOTS"):
        out = Path(os.environ["CHRONICA_SCREENSHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        for name in ("event.png", "actor.png"):
            (out / name).write_bytes((tmp_path / name).read_bytes())
    page.close()


@pytest.mark.parametrize("url", ["/events/ev-xss", "/documents/doc-xss", "/events?text=%3Cscript"])
def test_hostile_article_never_runs(browser: object, base_url: str, url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(base_url + url)
    page.wait_for_load_state("load")
    page.mouse.move(200, 300)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onmouseover]').length")
        == 0
    )
    assert (
        page.evaluate(
            "[...document.querySelectorAll('a[href]')]"
            ".filter(a => a.href.startsWith('javascript:')).length"
        )
        == 0
    )
    assert '<script>alert("x")</script>' in page.inner_text("body")
    page.close()
