"""A real Chromium (Debian's package) driven by Playwright, serving built sites on 127.0.0.1.

Every request that would leave 127.0.0.1 is aborted and recorded, so a test can assert
that the portal makes no request to any other host.
"""

from __future__ import annotations


import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


from browser_helpers import guard_requests, serve


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def sample_url(sample_site):
    server, url = serve(sample_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_404_url(sample_site):
    """The sample site served so that unknown paths get the site's 404 page, as hosts do."""
    server, url = serve(sample_site.site, not_found=sample_site.site / "404.html")
    yield url
    server.shutdown()


@pytest.fixture
def foreign_requests():
    return []


@pytest.fixture
def context(browser, foreign_requests):
    ctx = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    guard_requests(ctx, foreign_requests)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    pg.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def axe():
    """axe(page) -> list of violations (WCAG 2.0/2.1 A and AA, 2.2 AA) in words."""
    from axe_playwright_python.sync_playwright import Axe

    engine = Axe()

    def run(page) -> list[str]:
        results = engine.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
                for v in results.response["violations"]]

    return run
