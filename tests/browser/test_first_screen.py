"""A course page's first screen answers what, when, where, who and how to sign up, on a
phone and on a desktop; every registration state reads truthfully, also after the
browser's re-check with a later clock."""

from __future__ import annotations


import pytest

from browser_helpers import guard_requests, serve

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
STATES = {  # slug -> (state key, words the visitor reads in the sign-up box)
    "aaben": ("open", "Der er åbent for tilmelding til og med lørdag den 20. marts 2027."),
    "lukker-snart": ("closing", "Tilmeldingen lukker snart. Sidste dag er fredag den 5. marts 2027."),
    "lukket": ("closed", "Tilmeldingen er lukket. Sidste dag var lørdag den 20. februar 2027."),
    "venteliste": ("waitlist", "Kurset er fuldt, men der er en venteliste."),
    "fuldt": ("full", "Kurset er fuldt booket, og der er ingen venteliste."),
    "aflyst": ("cancelled", "Ingen af kursusgangene bliver holdt, så du skal ikke møde op."),
    "afsluttet": ("ended", "Du kan ikke længere melde dig til."),
    "kom-bare": ("dropin", "Du skal ikke melde dig til. Kom bare, når det passer dig."),
    "uden-tilmelding": ("open", "Der er åbent for tilmelding."),
    "online-privat": ("open", "Der er åbent for tilmelding."),
    "online-offentlig": ("dropin", "Du skal ikke melde dig til."),
    "datoer-foelger": ("open", "Der er åbent for tilmelding."),
}
# The build's day (2027-03-01) in the morning, as a visitor would read it.
BUILD_DAY = "2027-03-01T09:00:00+01:00"


@pytest.fixture(scope="module")
def states_url(states_site):
    server, url = serve(states_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def spec_url(spec_site):
    server, url = serve(spec_site.site)
    yield url
    server.shutdown()


def _new_page(browser, size, zone="Europe/Copenhagen", now=BUILD_DAY):
    w, h = SIZES[size]
    ctx = browser.new_context(viewport={"width": w, "height": h}, locale="da-DK", timezone_id=zone)
    guard_requests(ctx)
    page = ctx.new_page()
    page.clock.install(time=now)
    return ctx, page


def _bottom(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["y"] + box["height"]


def _dd(page, label):
    return page.locator(f".rs-keyfacts__list div:has(> dt:text-is('{label}')) > dd")


def _assert_first_screen(page, height: int, slug: str):
    facts = page.locator(".rs-keyfacts__list")
    when = page.locator("[data-rs-next]")
    assert when.is_visible() and _bottom(when) <= height, f"{slug}: the next date is below the first screen"
    place = _dd(page, "Sted")
    assert place.is_visible() and _bottom(place) <= height, f"{slug}: the place is below the first screen"
    teachers = _dd(page, "Undervisere").locator("a")
    assert teachers.count() >= 2
    for i in range(teachers.count()):
        assert _bottom(teachers.nth(i)) <= height, f"{slug}: a teacher is below the first screen"
    # The one primary action, or the plain reason there is none.
    action = page.locator(".rs-signup__now .rs-action--primary")
    target = action if action.count() else page.locator(".rs-signup__now .rs-signup__message")
    assert target.is_visible() and _bottom(target) <= height, f"{slug}: the way to sign up is below the first screen"
    assert "Gratis" in facts.inner_text()


@pytest.mark.parametrize("size", SIZES)
def test_every_course_answers_on_its_first_screen(browser, states_url, spec_url, states_site, spec_site, size):
    pages = [(states_url, f"kurser/{slug}/") for slug in STATES]
    pages += [(spec_url, f"kurser/{p.name}/") for p in sorted((spec_site.site / "kurser").iterdir())
              if p.is_dir()]
    ctx, page = _new_page(browser, size)
    try:
        for base, path in pages:
            page.goto(base + path)
            _assert_first_screen(page, SIZES[size][1], path)
    finally:
        ctx.close()


@pytest.mark.parametrize("slug", STATES)
def test_each_state_reads_truthfully(browser, states_url, slug):
    key, words = STATES[slug]
    ctx, page = _new_page(browser, "phone")
    try:
        page.goto(states_url + f"kurser/{slug}/")
        box = page.locator(".rs-signup")
        assert box.get_attribute("data-rs-registration") == key
        assert words in box.inner_text()
        actions = page.locator(".rs-signup__now .rs-action")
        plan = page.locator("[data-rs-plan-toggle]")
        calendar = page.locator("[data-rs-calendar]")
        if key in ("open", "closing", "waitlist"):
            assert actions.count() >= 1 and actions.first.is_visible()
        else:
            assert actions.count() == 0
        if key in ("cancelled", "ended"):
            # Nothing to join, and no "next time".
            assert plan.count() == 0 and calendar.count() == 0
            assert "Næste gang" not in page.locator("article, .md-content").first.inner_text()
        if key in ("full", "closed", "cancelled"):
            assert page.locator(".rs-signup__now .rs-ask a").count() >= 1
        assert ": ." not in box.inner_text()
        assert page.js_errors == [] if hasattr(page, "js_errors") else True
    finally:
        ctx.close()


def test_cancelled_course_everywhere(browser, states_url):
    ctx, page = _new_page(browser, "desktop")
    try:
        page.goto(states_url + "kurser/aflyst/")
        sessions = page.locator(".rs-sessions li")
        assert sessions.count() == 6
        for i in range(6):
            assert "Aflyst" in sessions.nth(i).inner_text()
        assert page.locator(".rs-session--next").count() == 0
        page.goto(states_url + "kalender/")
        rows = page.locator("li", has=page.locator("a", has_text="Aflyst kursus"))
        assert rows.count() == 6
        for i in range(rows.count()):
            assert "Aflyst" in rows.nth(i).inner_text()
        page.goto(states_url + "kurser/")
        card = page.locator(".rs-card", has=page.locator("a", has_text="Aflyst kursus"))
        assert card.locator(".rs-status").inner_text().strip() == "Aflyst"
        assert card.locator("[data-rs-plan-toggle]").count() == 0
    finally:
        ctx.close()


@pytest.mark.parametrize("zone", ["Europe/Copenhagen", "America/Nuuk", "Asia/Tokyo"])
def test_recheck_follows_the_sites_timeline_in_any_zone(browser, states_url, zone):
    """'aaben' has its deadline on Saturday 20 March 2027 (Copenhagen): it closes at the
    start of 21 March there, wherever the visitor reads the page."""
    cases = [
        ("2027-03-13T23:59:00+01:00", "open"),
        ("2027-03-14T00:00:00+01:00", "closing"),
        ("2027-03-20T23:59:00+01:00", "closing"),  # the deadline day itself
        ("2027-03-21T00:00:00+01:00", "closed"),
        ("2027-04-14T12:00:00+02:00", "ended"),   # the last session ended at 12:00
    ]
    for now, key in cases:
        ctx, page = _new_page(browser, "phone", zone=zone, now=now)
        try:
            page.goto(states_url + "kurser/aaben/")
            box = page.locator(".rs-signup")
            assert box.get_attribute("data-rs-registration") == key, (zone, now)
            has_action = page.locator(".rs-signup__now .rs-action").count() > 0
            assert has_action == (key in ("open", "closing")), (zone, now)
            if key in ("closed", "ended"):
                assert page.locator("[data-rs-plan-toggle]").count() == 0
            if key == "ended":
                assert page.locator("[data-rs-calendar]").count() == 0
                # The "when" line says it ended; the box says what that means, once.
                assert page.locator("[data-rs-next]").inner_text().startswith("Kurset sluttede ")
                assert box.inner_text().count("Du kan ikke længere melde dig til.") == 1
        finally:
            ctx.close()


def test_next_session_follows_the_clock_and_skips_cancelled(browser, spec_url):
    """spec-example's 'haab': the session of 24 March is skipped by 'except' and one is cancelled."""
    ctx, page = _new_page(browser, "phone", now="2027-03-11T09:00:00+01:00")
    try:
        page.goto(spec_url + "kurser/haab/")
        nxt = page.locator(".rs-session--next")
        assert nxt.count() == 1
        assert "cancelled" not in (nxt.get_attribute("class") or "")
        # The first screen's "next time" says the same date as the marked session.
        assert page.locator("[data-rs-next] time").get_attribute("datetime") == nxt.get_attribute("data-rs-start")
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES)
def test_footer_gives_help_on_every_page_type(browser, states_url, size, axe):
    ctx, page = _new_page(browser, size)
    try:
        for path in ("", "kurser/", "kurser/aaben/", "kurser/aflyst/", "kalender/", "ordbog/", "min-plan/",
                     "undervisere/", "steder/", "temaer/", "arkiv/", "program/", "ordbog/personlig-recovery/"):
            page.goto(states_url + path)
            footer = page.locator(".rs-help-footer")
            text = footer.inner_text()
            assert "Har du brug for hjælp nu? Ring til Livslinien på 70 201 201, eller ring 112 ved akut fare." in " ".join(text.split()), path
            assert footer.locator("a[href='tel:70201201']").count() == 1
            assert footer.locator("a[href='tel:112']").count() == 1
            assert footer.locator("a[href='mailto:kontakt@skole.example.dk']").count() == 1
            assert "Skolevej 1, 4000 Roskilde" in text and "Mandag-torsdag kl. 9-15" in text
            assert footer.locator("a", has_text="Tilgængelighedserklæring").get_attribute("href") == "https://was.example.dk/erklaering/skole"
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES)
def test_axe_on_every_state(browser, states_url, axe, size):
    ctx, page = _new_page(browser, size)
    try:
        found = {}
        for slug in STATES:
            page.goto(states_url + f"kurser/{slug}/")
            violations = axe(page)
            if violations:
                found[slug] = violations
        assert found == {}
    finally:
        ctx.close()
