"""The catalogue's filters in Chromium: each narrows the cards, lives in the address,
survives a reload, works by keyboard, and announces the count."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_slugs(page) -> set[str]:
    return set(page.eval_on_selector_all(
        "[data-rs-filterable] .rs-card", "cs => cs.filter(c => !c.hidden).map(c => c.dataset.rsCourse)"))


def expected(page, attr: str, value: str) -> set[str]:
    return set(page.eval_on_selector_all(
        "[data-rs-filterable] .rs-card",
        f"cs => cs.filter(c => (c.getAttribute('data-f-{attr}') || '').split(' ').includes('{value}')).map(c => c.dataset.rsCourse)"))


@pytest.mark.parametrize("group, value", [
    ("tema", "identity"), ("for", "professionals"), ("form", "online"), ("sted", "koege-huset"),
    ("dag", "ons"), ("tid", "aften"),
])
def test_each_filter_narrows_and_survives_reload(page, sample_url, group, value):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    everything = visible_slugs(page)
    want = expected(page, group, value)
    assert want and want < everything
    page.locator(f"#filter-{group}-{value}").check()
    assert visible_slugs(page) == want
    assert f"{group}={value}" in page.url
    count = page.locator("#rs-count").inner_text()
    assert count.startswith(f"{len(want)} ")
    page.reload()
    assert page.locator(f"#filter-{group}-{value}").is_checked()
    assert visible_slugs(page) == want


def test_groups_combine_and_nothing_matches_message(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/?form=online&for=professionals")
    assert visible_slugs(page) == set()
    assert page.locator("#rs-nomatch").is_visible()
    page.locator("#rs-nomatch-reset").click()
    assert len(visible_slugs(page)) > 3
    assert "form=" not in page.url


def test_back_button_restores_earlier_choice(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    page.locator("#filter-tema-hope").check()
    hope = visible_slugs(page)
    page.locator("#filter-form-online").check()
    page.go_back()
    assert "form=" not in page.url
    assert visible_slugs(page) == hope


def test_filters_by_keyboard_only(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    page.locator("#filter-tema-connectedness").focus()
    page.keyboard.press("Space")
    assert page.locator("#filter-tema-connectedness").is_checked()
    assert "tema=connectedness" in page.url
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("filter-")


def test_without_javascript_all_courses_and_link_filters(browser, sample_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(sample_url + "kurser/?tema=identity")
    assert pg.locator("#rs-filters").is_hidden()
    assert pg.locator(".rs-nojs-filters a", has_text="Identitet").is_visible()
    assert pg.locator("[data-rs-filterable] .rs-card").count() >= 10
    ctx.close()


def test_filters_start_closed_on_a_phone_unless_chosen(browser, sample_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    pg.goto(sample_url + "kurser/")
    assert pg.evaluate("document.querySelector('#rs-filters details').open") is False
    assert pg.locator(".rs-card").first.is_visible()
    pg.goto(sample_url + "kurser/?tema=hope")
    assert pg.evaluate("document.querySelector('#rs-filters details').open") is True
    ctx.close()
