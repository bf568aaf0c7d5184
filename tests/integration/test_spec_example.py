"""A site made only of the content model's own examples builds, with every page."""

from __future__ import annotations

import re


def test_every_generated_page_exists(spec_site):
    site = spec_site.site
    for path in [
        "index.html", "kurser/index.html", "kurser/haab/index.html", "arkiv/index.html", "kalender/index.html",
        "undervisere/index.html", "undervisere/anne-madsen/index.html", "undervisere/karsten-holm/index.html",
        "steder/index.html", "steder/vaerkstedet/index.html", "steder/biblioteket/index.html",
        "temaer/index.html", "ordbog/index.html", "ordbog/chime/index.html",
        *[f"temaer/{k}/index.html" for k in ("connectedness", "hope", "identity", "meaning", "empowerment")],
    ]:
        assert (site / path).is_file(), path


def text(html: str) -> str:
    """Visible text: inline tags vanish, block tags become spaces."""
    html = re.sub(r"</?(?:a|time|s|strong|em|span|code|abbr)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_course_page_shows_every_field(spec_site):
    html = spec_site.html("kurser/haab/index.html")
    t = text(html)
    assert "<h1>Håb og recovery</h1>" in html
    assert "Hvad giver håb, og hvordan holder man fast i det?" in t
    assert "På kurset undersøger vi" in t
    assert "Du får redskaber til at holde fast i håbet." in t
    assert "Håb og optimisme" in t and "Forbundethed" in t
    assert "Borgere med psykiske vanskeligheder og pårørende" in t
    # the two kinds of teacher, named as such (once: by the group's heading, and after
    # each name on the first screen)
    assert "Anne Madsen (levede erfaringer)" in t and "Med levede erfaringer" in t
    assert "Karsten Holm (fagprofessionel)" in t and "Fagprofessionel" in t
    assert "Underviser med levede erfaringer" not in t
    # place with address and accessibility; per-session place
    assert "Værkstedet" in t and "Eksempelvej 12, 4000 Roskilde" in t and "Niveaufri adgang og handicaptoilet." in t
    assert "Denne gang: Biblioteket" in t
    assert "Pladser 14" in t
    # sessions in Danish: weekly 6 minus one exception, plus the cancelled one
    sessions = text(html.split('class="rs-sessions"')[1].split("</ol>")[0])
    assert sessions.count("kl. 10.00\u2060–\u206012.00") == 5
    assert "onsdag den 3. marts 2027, kl. 10.00\u2060–\u206012.00" in t
    assert "onsdag den 24. marts 2027" not in t
    assert "onsdag den 21. april 2027, kl. 13.00\u2060–\u206015.30" in t
    assert re.search(r"<s><time datetime=\"2027-04-21T13:00:00\+02:00\">onsdag den 21. april 2027</time>, kl.\u00a013.00\u2060–\u206015.30</s></span>\s*<strong[^>]*>Aflyst</strong>", html)
    assert "Næste gang" in t
    assert "Hvad er håb?" in t
    # registration: open (deadline not passed on 2026-11-22), with every way
    assert "Der er åbent for tilmelding til og med onsdag den 24. februar 2027." in t
    assert 'href="https://example.dk/tilmelding"' in html
    assert 'href="mailto:tilmelding@example.dk"' in html
    assert 'href="tel:+4512345678"' in html
    assert "Husk at skrive, hvis du har brug for tolk." in t
    # glossary words on the course
    assert "Ord på kurset" in t and "Personlig recovery" in t and "CHIME" in t


def test_registration_closed_after_deadline(tmp_path, project):
    from sitekit import run_build

    result = run_build(project(), today="2027-02-25")
    assert result.returncode == 0, result.stderr
    t = text(result.html("kurser/haab/index.html"))
    assert "Tilmeldingen er lukket. Sidste dag var onsdag den 24. februar 2027." in t
    box = result.html("kurser/haab/index.html").split('class="rs-signup__now"')[1].split("<template")[0]
    assert "rs-action" not in box and "Tilmeld dig" not in box


def test_past_course_moves_to_archive(tmp_path, project):
    from sitekit import run_build

    result = run_build(project(), today="2027-04-08")
    assert result.returncode == 0, result.stderr
    # last held session (7 April) has ended; the cancelled 21 April one does not count
    assert 'data-rs-course="haab"' not in result.html("kurser/index.html")
    assert "Håb og recovery" in text(result.html("arkiv/index.html"))
    page = text(result.html("kurser/haab/index.html"))
    assert "Kurset sluttede onsdag den 7. april 2027" in page and "Du kan ikke længere melde dig til." in page


def test_catalogue_card(spec_site):
    t = text(spec_site.html("kurser/index.html"))
    assert "Håb og recovery" in t and "onsdag den 3. marts 2027, kl. 10.00\u2060–\u206012.00" in t
    assert "Værkstedet" in t and "Borgere og pårørende" in t and "Åben for tilmelding" in t


def test_teacher_place_theme_pages(spec_site):
    t = text(spec_site.html("undervisere/index.html"))
    assert "Undervisere med levede erfaringer" in t and "Fagprofessionelle undervisere" in t
    t = text(spec_site.html("undervisere/anne-madsen/index.html"))
    assert "Anne har selv haft en depression" in t and "Håb og recovery" in t
    t = text(spec_site.html("steder/vaerkstedet/index.html"))
    assert "Eksempelvej 12, 4000 Roskilde" in t and "Niveaufri adgang" in t and "Bus 202" in t and "Håb og recovery" in t
    t = text(spec_site.html("steder/biblioteket/index.html"))
    assert "Håb og recovery" in t  # one session is held there
    t = text(spec_site.html("temaer/hope/index.html"))
    assert "Håb og optimisme" in t and "Håb og recovery" in t
    t = text(spec_site.html("temaer/identity/index.html"))
    assert "Identitet" in t and "Der er ingen kommende kurser med dette tema lige nu." in t


def test_glossary_pages(spec_site):
    html = spec_site.html("ordbog/index.html")
    t = text(html)
    assert t.index("CHIME") < t.index("Dobbeltkompetence") < t.index("Erfaringskompetence") < t.index("Levede erfaringer") < t.index("Personlig recovery")
    assert 'id="erfaringskompetence"' in html
    t = text(spec_site.html("ordbog/erfaringskompetence/index.html"))
    assert "Når levede erfaringer er bearbejdet" in t and "Kilde: Socialstyrelsen" in t
    assert "Se også" in t and "Levede erfaringer" in t and "Dobbeltkompetence" in t
    html = spec_site.html("ordbog/personlig-recovery/index.html")
    assert '<a href="https://vibis.dk">VIBIS</a>' in html
    assert "Håb og recovery" in text(html)  # "Bruges i"


def test_no_foreign_hosts_and_no_generator_link(spec_site):
    for path in spec_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert "squidfunk" not in html.split("<footer")[-1] or "Made with" not in html, path


def test_headings_keep_danish_letters(spec_site):
    html = spec_site.html("kurser/haab/index.html")
    assert 'id="ord-paa-kurset"' in html


def test_calendar_page_by_month_and_day_in_danish(spec_site):
    html = spec_site.html("kalender/index.html")
    t = text(html)
    body = t[t.index("Abonnér på kalenderen"):]
    assert body.index("Marts 2027") < body.index("Onsdag 3. marts uge 9") < body.index("kl. 10.00\u2060–\u206012.00")
    # 31 March in week 13, 7 April in week 14
    assert body.index("Onsdag 31. marts uge 13") < body.index("April 2027") < body.index("Onsdag 7. april uge 14")
    assert "Onsdag 21. april" in t and "Aflyst:" in t  # the cancelled session, said in words
    assert 'href="../kurser/haab/"' in html


def test_place_page_dates_in_danish(spec_site):
    t = text(spec_site.html("steder/vaerkstedet/index.html"))
    assert "Næste gang onsdag den 3. marts 2027, kl. 10.00\u2060–\u206012.00" in t


def test_front_page_has_the_school_and_next_courses(spec_site):
    html = spec_site.html("index.html")
    t = text(html)
    assert "De næste kurser" in t and "Håb og recovery" in t
    assert 'href="kurser/"' in html
