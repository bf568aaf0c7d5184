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


def counted_slugs(page) -> set[str]:
    """Visible cards of courses that will be held (cancelled ones are listed, not counted)."""
    return set(page.eval_on_selector_all(
        "[data-rs-filterable] .rs-card",
        "cs => cs.filter(c => !c.hidden && !c.hasAttribute('data-rs-cancelled')).map(c => c.dataset.rsCourse)"))


def cancelled(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-rs-cancelled]", "cs => cs.map(c => c.dataset.rsCourse)"))


def shown_count(page, box_id: str) -> int:
    return int(page.locator(f'label[for="{box_id}"] [data-rs-n]').inner_text().strip("()"))


def test_counts_follow_the_other_choices(page, sample_url):
    """Each option's count is what checking it would give with the other choices kept:
    "Kan følges online", then every weekday's count is exactly what it then shows."""
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    page.locator("#filter-form-online").check()
    days = page.eval_on_selector_all("input[name=dag]", "bs => bs.map(b => b.id)")
    assert len(days) >= 3
    seen_more = False
    for day in days:
        n = shown_count(page, day)
        page.locator(f"#{day}").check()
        assert len(counted_slugs(page)) == n, day
        assert page.locator("#rs-count").inner_text().startswith(f"{n} ") or (n == 0 and page.locator("#rs-nomatch").is_visible())
        page.locator(f"#{day}").uncheck()
        seen_more |= n > 0
    assert seen_more
    # An option in the same group as a choice counts as if that group were not chosen.
    assert shown_count(page, "filter-form-in-person") == len(expected(page, "form", "in-person") - cancelled(page))


def test_online_includes_hybrid_courses(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    assert page.locator('label[for="filter-form-online"]').inner_text().startswith("Kan følges online")
    page.locator("#filter-form-online").check()
    shown = visible_slugs(page)
    assert "recoveryorienteret-praksis" in shown  # hybrid: in a room and online
    assert "fem-veje-til-et-godt-liv" in shown    # online only
    page.locator("#filter-form-online").uncheck()
    page.locator("#filter-form-in-person").check()
    assert "recoveryorienteret-praksis" in visible_slugs(page)
    assert "fem-veje-til-et-godt-liv" not in visible_slugs(page)


def test_nothing_matches_names_the_choice_to_remove(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/")
    # A combination with no course, found from the cards themselves.
    combo = page.evaluate("""() => {
      const cards = [...document.querySelectorAll('[data-rs-filterable] .rs-card:not([data-rs-cancelled])')];
      const has = (c, k, v) => (c.getAttribute('data-f-' + k) || '').split(' ').includes(v);
      const boxes = [...document.querySelectorAll('#rs-filters input')];
      for (const a of boxes) for (const b of boxes)
        if (a.name < b.name && !cards.some(c => has(c, a.name, a.value) && has(c, b.name, b.value))) return [a.name, a.value, b.name, b.value];
      return null;
    }""")
    assert combo
    page.goto(sample_url + f"kurser/?{combo[0]}={combo[1]}&{combo[2]}={combo[3]}")
    assert counted_slugs(page) == set()
    box = page.locator("#rs-nomatch")
    assert box.is_visible()
    assert "Ingen kurser passer til alle dine valg." in box.inner_text()
    ways = page.locator(".rs-nomatch__way")
    assert ways.count() >= 1
    first = ways.first.inner_text()
    labels = [page.locator(f'label[for="filter-{k}-{v}"] .rs-check__label').inner_text() for k, v in (combo[:2], combo[2:])]
    named = [label for label in labels if f"Fjern \u201e{label}\u201c" in first]
    assert named, (first, labels)
    n = int(first.rsplit("passer ", 1)[1].split(" ")[0])
    ways.first.click()
    assert len(counted_slugs(page)) == n > 0
    assert box.is_hidden()


def test_groups_combine_and_reset_shows_everything(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    page.goto(sample_url + "kurser/?form=online&for=professionals")
    want = expected(page, "form", "online") & expected(page, "for", "professionals")
    assert visible_slugs(page) == want
    page.locator("#rs-filters .rs-filters__reset").click()
    # The form clears its boxes first; the filter follows on a timer of 0 ms, which a busy
    # machine may not have run when the click returns.
    page.wait_for_function("() => [...document.querySelectorAll('[data-rs-filterable] .rs-card')]"
                           ".filter(c => !c.hidden).length > 3")
    assert len(visible_slugs(page)) > 3
    assert "form=" not in page.url


def test_labels_at_body_size_in_a_box_of_their_own(browser, sample_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    pg.goto(sample_url + "kurser/")
    pg.locator("#rs-filters-toggle").click()
    body = pg.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize)")
    for sel in (".rs-check label", ".rs-check__n", ".rs-filters__group legend"):
        size = pg.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{sel}')).fontSize)")
        assert size >= body >= 16, (sel, size, body)
    # Not Material's note admonition: no <details>, no icon, no blue.
    assert pg.locator("#rs-filters details, #rs-filters .admonition").count() == 0
    border = pg.evaluate("getComputedStyle(document.getElementById('rs-filters')).borderTopColor")
    assert border != "rgb(68, 138, 255)"
    ctx.close()


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


@pytest.mark.parametrize("address", ["kurser/", "kurser/?tema=hope"])
def test_filter_box_open_on_wide_screens_closed_on_phones(browser, sample_url, address):
    """The first state is decided by the style sheet (no jump while loading): open at
    1280 px, closed at 390 px, with or without a choice in the address; the toggle says
    which, and opens and closes it."""
    for (w, h), is_open in (((1280, 800), True), ((390, 844), False)):
        ctx = browser.new_context(viewport={"width": w, "height": h})
        pg = ctx.new_page()
        pg.goto(sample_url + address)
        toggle = pg.locator("#rs-filters-toggle")
        assert pg.locator("#rs-filters-body").is_visible() is is_open
        assert toggle.get_attribute("aria-expanded") == ("true" if is_open else "false")
        if not is_open:
            assert pg.locator(".rs-card").first.is_visible()
            assert pg.locator(".rs-card").first.bounding_box()["y"] < h
        toggle.click()
        assert pg.locator("#rs-filters-body").is_visible() is not is_open
        assert toggle.get_attribute("aria-expanded") == ("false" if is_open else "true")
        ctx.close()
