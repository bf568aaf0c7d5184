"""Phone and desktop typography as a visitor reads it: tooltips at >= 14 px, running
text at a readable measure, one pattern for label/value rows, the state shown as a label
(not a button), time ranges that never break, and no label said twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def open_page(browser, url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 800},
                              locale="da-DK", timezone_id="Europe/Copenhagen")
    pg = ctx.new_page()
    pg.clock.install(time="2026-11-22T12:00:00+01:00")
    pg.goto(url)
    return ctx, pg


@pytest.mark.parametrize("width", [390, 1280])
def test_tooltip_text_at_least_14px(browser, sample_url, width):
    ctx, pg = open_page(browser, sample_url + "peer-stoette/", width)
    pg.locator('a.rs-term[data-rs-term="peer-stoette"]').first.hover()
    pg.wait_for_timeout(500)
    sizes = pg.evaluate("""() => {
      const tip = document.querySelector('.md-tooltip2--active');
      if (!tip) return [];
      const walker = document.createTreeWalker(tip, NodeFilter.SHOW_TEXT);
      const out = [];
      while (walker.nextNode()) if (walker.currentNode.textContent.trim())
        out.push(parseFloat(getComputedStyle(walker.currentNode.parentElement).fontSize));
      return out;
    }""")
    ctx.close()
    assert sizes and min(sizes) >= 14, sizes


def test_course_text_at_a_readable_measure_at_1280(browser, sample_url):
    ctx, pg = open_page(browser, sample_url + "kurser/haab-i-hverdagen/", 1280)
    # Characters per line of the description's longest paragraph: its width over the
    # average width of a character of its own text.
    cpl = pg.evaluate("""() => {
      const ps = [...document.querySelectorAll('.rs-description p')].sort((a, b) => b.textContent.length - a.textContent.length);
      const p = ps[0];
      const range = document.createRange(); range.selectNodeContents(p);
      const lines = [...range.getClientRects()].reduce((ys, r) => ys.add(Math.round(r.top)), new Set()).size;
      return {chars: p.textContent.length, lines, width: p.getBoundingClientRect().width};
    }""")
    ctx.close()
    per_line = cpl["chars"] / cpl["lines"]
    assert cpl["lines"] >= 2, cpl
    assert 60 <= per_line <= 85, cpl


@pytest.mark.parametrize("path", ["kurser/", "kurser/haab-i-hverdagen/"])
def test_label_value_rows_share_a_line(browser, sample_url, path):
    for width in (390, 1280):
        ctx, pg = open_page(browser, sample_url + path, width)
        rows = pg.eval_on_selector_all(
            ".rs-facts > div, .rs-keyfacts__list > div",
            "ds => ds.slice(0, 12).map(d => [d.querySelector('dt').getBoundingClientRect().top, d.querySelector('dd').getBoundingClientRect().top, d.textContent])")
        ctx.close()
        assert rows
        for dt, dd, text in rows:
            assert abs(dt - dd) < 4, (width, text)


def test_state_is_a_label_not_a_button(browser, sample_url):
    ctx, pg = open_page(browser, sample_url + "kurser/", 390)
    status = pg.locator(".rs-card .rs-status").first
    style = status.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.borderRadius, s.cursor, s.backgroundColor]; }")
    ctx.close()
    assert style[0] == "none" and style[2] != "pointer" and style[3] in ("rgba(0, 0, 0, 0)", "transparent"), style


def test_time_ranges_never_break_at_390(browser, sample_url):
    ctx, pg = open_page(browser, sample_url + "kalender/", 390)
    broken = pg.evaluate("""() => {
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const n = walker.currentNode, i = n.textContent.indexOf('kl.');
        if (i < 0) continue;
        const m = n.textContent.slice(i).match(/^kl\\.\\s?\\d\\d\\.\\d\\d\\u2060?[–-]\\u2060?\\d\\d\\.\\d\\d/);
        if (!m) continue;
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + m[0].length);
        const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
        if (tops.size > 1) out.push(m[0]);
      }
      return out;
    }""")
    ctx.close()
    assert broken == []


def test_no_label_said_twice_on_a_course_page(browser, sample_url):
    ctx, pg = open_page(browser, sample_url + "kurser/haab-i-hverdagen/", 1280)
    groups = pg.eval_on_selector_all(".rs-teachers__group", "gs => gs.map(g => g.innerText)")
    facts = pg.eval_on_selector_all(".rs-facts > div, .rs-keyfacts__list > div", "ds => ds.map(d => d.innerText)")
    ctx.close()
    assert groups
    for g in groups:
        heading, rest = g.split("\n", 1)
        assert heading.lower() not in rest.lower(), g
    for f in facts:
        label, _, value = f.partition(":")
        assert label.strip().lower() not in value.lower(), f
