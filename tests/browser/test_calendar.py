"""/kalender/ as a visitor reads it: a month index that jumps, each day once, a row per
session (time, course, topic, place), cancelled sessions said "Aflyst", and a
subscription by webcal:// with the https address and a line per calendar app."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def calendar(browser, sample_url):
    def open_at(width: int):
        ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 800},
                                  locale="da-DK", timezone_id="Europe/Copenhagen")
        pg = ctx.new_page()
        pg.clock.install(time="2026-11-22T12:00:00+01:00")
        pg.goto(sample_url + "kalender/")
        opened.append(ctx)
        return pg

    opened = []
    yield open_at
    for ctx in opened:
        ctx.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_month_links_jump_to_their_month(calendar, width):
    pg = calendar(width)
    links = pg.locator(".rs-month-index a")
    months = pg.locator(".rs-month > h2")
    assert links.count() == months.count() >= 3
    assert links.first.bounding_box()["y"] < 400  # on the first screen
    last = links.nth(links.count() - 1)
    name = last.inner_text()
    last.click()
    pg.wait_for_timeout(300)
    heading = pg.locator(".rs-month > h2", has_text=name)
    box = heading.bounding_box()
    assert 0 <= box["y"] < 200, box  # the month's heading is at the top of the screen


def test_each_day_once_with_rows_of_time_course_place(calendar):
    pg = calendar(1280)
    days = pg.eval_on_selector_all(".rs-day__title", "hs => hs.map(h => h.id)")
    assert len(days) == len(set(days)) > 10
    row = pg.locator(".rs-cal-row").first
    time, what, place = (row.locator(sel).bounding_box() for sel in
                         (".rs-cal-row__time", ".rs-cal-row__what a", ".rs-cal-row__place"))
    # One line, in reading order: time, then the course (a link), then the place.
    assert abs(time["y"] - what["y"]) < 6 and abs(what["y"] - place["y"]) < 6
    assert time["x"] < what["x"] < place["x"]
    assert row.locator(".rs-cal-row__time").inner_text().startswith("kl.\u00a0")
    # A day with two sessions has one heading and two rows.
    counts = pg.eval_on_selector_all(".rs-day", "ds => ds.map(d => d.querySelectorAll('.rs-cal-row').length)")
    assert max(counts) >= 2


def test_rows_stack_on_a_phone_and_time_ranges_do_not_break(calendar):
    pg = calendar(390)
    for row in pg.locator(".rs-cal-row").all()[:15]:
        t = row.locator(".rs-cal-row__time")
        box = t.bounding_box()
        assert box["height"] < 32, t.inner_text()  # one line: "kl. 18.30–21.00"
        assert box["x"] + box["width"] <= 390
    row = pg.locator(".rs-cal-row").first
    assert row.locator(".rs-cal-row__time").bounding_box()["y"] < row.locator(".rs-cal-row__what a").bounding_box()["y"]


def test_cancelled_sessions_say_aflyst(calendar):
    pg = calendar(390)
    cancelled = pg.locator(".rs-cal-row.rs-session--cancelled")
    assert cancelled.count() >= 1
    for row in cancelled.all():
        assert row.locator(".rs-cal-row__what").inner_text().startswith("Aflyst:")
        assert row.locator(".rs-cal-row__time s").count() == 1


def test_subscribe_by_webcal_with_address_and_a_line_per_app(calendar, sample_url):
    pg = calendar(390)
    pg.locator(".rs-subscribe-link a").click()
    section = pg.locator(".rs-subscribe")
    assert section.bounding_box()["y"] < 300
    link = section.locator("a[href^='webcal://']")
    assert link.get_attribute("href") == "webcal://recoveryskolen.example.dk/kalender.ics"
    assert link.is_visible()
    assert pg.locator("#rs-ics-address").input_value() == "https://recoveryskolen.example.dk/kalender.ics"
    assert section.locator("a[href$='kalender.ics']:not([href^='webcal'])").count() == 1
    ways = section.locator(".rs-subscribe__ways li").all_inner_texts()
    assert [w.split(":")[0] for w in ways] == ["Google Kalender", "Apple Kalender", "Outlook"]
    box = pg.locator("#rs-ics-address").bounding_box()
    assert box["x"] + box["width"] <= 390
