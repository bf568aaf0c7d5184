"""Every class of editor mistake gets a located, plain-words problem (path:line: message)."""

from __future__ import annotations

import pytest

from helpers import COURSE, TEACHERS as TEACHERS_TEXT, TERM, load_files, problems_of


def course(**changes: str) -> str:
    """The valid COURSE with some lines replaced: key -> new line text (or '' to drop)."""
    lines = COURSE.strip("\n").splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key in changes:
            if changes[key]:
                out.append(changes.pop(key))
        else:
            out.append(line)
    out.extend(v for v in changes.values() if v)
    return "\n".join(out) + "\n"


def test_valid_course_loads(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": COURSE})
    assert not problems, problems.report()
    assert list(cat.courses) == ["haab"]
    assert cat.courses["haab"].sessions[0].start.isoformat() == "2027-03-03T10:00:00+01:00"


def test_yaml_syntax_error_is_located(tmp_path):
    text = course(summary="summary: Hvad: giver håb?")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:2: YAML-syntaksfejl: et kolon står et sted, hvor YAML ikke venter det "
        "(mangler der et mellemrum efter kolon, eller skal teksten i anførselstegn?)"
    ]


def test_unclosed_list_is_located(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(themes="themes: [hope")})
    assert len(problems) == 1 and problems[0].startswith("courses/haab.yml:")
    assert "lukkes ikke med ']'" in problems[0]


def test_duplicate_key(tmp_path):
    text = COURSE.strip("\n") + "\ntitle: Igen\n"
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:12: nøglen 'title' står to gange (første gang i linje 1); slet den ene"
    ]


def test_unknown_key_suggests(tmp_path):
    text = COURSE.replace("sessions:", "sesions:")
    problems = problems_of(tmp_path, {"courses/haab.yml": text})
    assert problems[0].startswith("courses/haab.yml:8: ukendt felt 'sesions' (mente du 'sessions'?)")


def test_unknown_key_inside_session(tmp_path):
    text = COURSE.replace('    end: "12:00"', '    end: "12:00"\n    topik: Håb')
    problems = problems_of(tmp_path, {"courses/haab.yml": text})
    assert problems[0].startswith("courses/haab.yml:12: ukendt felt 'topik' (mente du 'topic'?)")


def test_missing_required_field(tmp_path):
    assert problems_of(tmp_path, {"courses/haab.yml": course(summary="")}) == [
        "courses/haab.yml:1: feltet 'summary' mangler"
    ]


def test_wrong_type(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(title="title: 2027")})
    assert problems == ["courses/haab.yml:1: 'title' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: \"2027\""]


def test_capacity_must_be_positive_integer(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(location="location: vaerkstedet\ncapacity: 0")})
    assert problems == ["courses/haab.yml:8: 'capacity' skal være mellem 1 og 10000 (er 0)"]


def test_summary_too_long(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(summary="summary: " + "a" * 201)})
    assert problems == ["courses/haab.yml:2: 'summary' er 201 tegn lang; et resumé må højst være 200 tegn (én sætning)"]


def test_impossible_date(tmp_path):
    text = COURSE.replace("2027-03-03", "2027-02-30")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:9: 'date': datoen 2027-02-30 findes ikke i kalenderen"
    ]


def test_date_in_wrong_format(tmp_path):
    text = COURSE.replace("2027-03-03", "3. marts 2027")
    problems = problems_of(tmp_path, {"courses/haab.yml": text})
    assert problems == ["courses/haab.yml:9: 'date': '3. marts 2027' er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-03"]


def test_unquoted_time_is_still_read_as_a_time(tmp_path):
    # YAML 1.1 would read 10:00 as the number 600; editors mean ten o'clock.
    text = COURSE.replace('"10:00"', "10:00").replace('"12:00"', "12:00")
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text})
    assert not problems
    assert cat.courses["haab"].sessions[0].start.hour == 10


def test_impossible_time(tmp_path):
    text = COURSE.replace('"12:00"', '"25:00"')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:11: 'end': klokkeslættet 25:00 findes ikke (brug 00:00-23:59)"
    ]


def test_end_before_start(tmp_path):
    text = COURSE.replace('"12:00"', '"09:00"')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:9: kursusgangen slutter (09:00) før eller samtidig med, at den begynder (10:00); 'end' skal ligge efter 'start' samme dag"
    ]


def test_nonexistent_local_time(tmp_path):
    text = COURSE.replace("2027-03-03", "2027-03-28").replace('"10:00"', '"02:30"').replace('"12:00"', '"04:00"')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:9: klokken 02:30 findes ikke den 2027-03-28 i tidszonen Europe/Copenhagen, fordi urene stilles frem til sommertid; vælg et andet tidspunkt"
    ]


def test_unknown_teacher_suggests(tmp_path):
    text = course(teachers="teachers: [anne-madsen, karsten-hom]")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:6: underviseren 'karsten-hom' findes ikke i courses/_teachers.yml (mente du 'karsten-holm'?)"
    ]


def test_unknown_place_suggests(tmp_path):
    text = course(location="location: vaerkstede")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:7: stedet 'vaerkstede' findes ikke i courses/_locations.yml (mente du 'vaerkstedet'?)"
    ]


def test_unknown_session_place(tmp_path):
    text = COURSE.replace('    end: "12:00"', '    end: "12:00"\n    location: bibliotek')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:12: stedet 'bibliotek' findes ikke i courses/_locations.yml (mente du 'biblioteket'?)"
    ]


def test_unknown_theme_suggests(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(themes="themes: [hope, conectedness]")})
    assert problems == [
        "courses/haab.yml:4: 'themes': 'conectedness' er ikke et CHIME-tema (mente du 'connectedness'?); "
        "mulige værdier: connectedness (forbundethed), hope (håb og optimisme), identity (identitet), meaning (mening), empowerment"
    ]


def test_unknown_audience(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(audiences="audiences: [citizen]")})
    assert problems == [
        "courses/haab.yml:5: 'audiences': 'citizen' er ikke en målgruppe (mente du 'citizens'?); mulige værdier: citizens (borgere), relatives (pårørende), professionals (fagprofessionelle)"
    ]


def test_unknown_glossary_slug(tmp_path):
    text = course(location="location: vaerkstedet\nglossary: [personlig-recovry]")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:8: 'personlig-recovry' er ikke et ord i ordbogen (glossary/) (mente du 'personlig-recovery'?)"
    ]


@pytest.mark.parametrize(
    "teachers, message",
    [
        ("[karsten-holm]", "kurset har ingen underviser med levede erfaringer"),
        ("[anne-madsen]", "kurset har ingen fagprofessionel underviser"),
        ("[anne-madsen, inge-berg]", "kurset har ingen fagprofessionel underviser"),
    ],
)
def test_co_teaching_rule(tmp_path, teachers, message):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(teachers=f"teachers: {teachers}")})
    rule = "ethvert kursus skal have mindst én underviser med rollen peer eller relative og én med rollen professional"
    assert problems == [f"courses/haab.yml:6: {message}; {rule}"]


def test_relative_with_professional_is_enough(tmp_path):
    _, problems = load_files(tmp_path, {"courses/haab.yml": course(teachers="teachers: [inge-berg, karsten-holm]")})
    assert not problems


def test_co_teaching_rule_holds_for_cancelled_courses(tmp_path):
    text = course(teachers="teachers: [karsten-holm]", location="location: vaerkstedet\nstatus: cancelled")
    assert any("levede erfaringer" in p for p in problems_of(tmp_path, {"courses/haab.yml": text}))


def test_in_person_course_without_place(tmp_path):
    assert problems_of(tmp_path, {"courses/haab.yml": course(location="")}) == [
        "courses/haab.yml:1: kurset er med fremmøde, men har intet sted; skriv 'location: <id>' med et id fra courses/_locations.yml (eller 'format: online')"
    ]


def test_hybrid_course_without_place(tmp_path):
    text = course(location="format: hybrid\nonline_url: https://moede.example.dk/x")  # line 7: format
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:7: kurset er med hybrid, men har intet sted; skriv 'location: <id>' med et id fra courses/_locations.yml (eller 'format: online')"
    ]


def test_hybrid_course_without_place_in_a_file_with_other_mistakes(tmp_path):
    # A file that fails validation is still checked for its place (the salvaged part).
    text = course(location="format: hybrid", themes="themes: [haab]")
    problems = problems_of(tmp_path, {"courses/haab.yml": text})
    assert "courses/haab.yml:7: kurset er med hybrid, men har intet sted; skriv 'location: <id>' med et id fra courses/_locations.yml (eller 'format: online')" in problems
    assert len(problems) == 2, problems


def test_online_course_needs_no_place(tmp_path):
    text = course(location="format: online\nonline_url: https://moede.example.dk/x")
    _, problems = load_files(tmp_path, {"courses/haab.yml": text})
    assert not problems


def test_online_url_must_be_https(tmp_path):
    text = course(location="format: online\nonline_url: http://moede.example.dk/x")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:8: 'online_url': 'http://moede.example.dk/x' er ikke et sikkert link; et onlinelink skal begynde med https://"
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.dk", "www.example.dk", "data:text/html,x"])
def test_registration_url_scheme(tmp_path, url):
    text = course(location=f"location: vaerkstedet\nregistration:\n  url: \"{url}\"")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        f"courses/haab.yml:9: 'url': '{url}' er ikke en gyldig adresse; et link skal begynde med https://, http://, mailto: eller tel:"
    ]


def test_registration_needs_a_way(tmp_path):
    text = course(location="location: vaerkstedet\nregistration:\n  deadline: 2027-02-01")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:8: 'registration' skal have mindst én af url, email og phone"
    ]


def test_file_name_not_a_slug_suggests_one(tmp_path):
    assert problems_of(tmp_path, {"courses/håb-og-mod.yml": COURSE}) == [
        "courses/håb-og-mod.yml: filnavnet 'håb-og-mod.yml' kan ikke bruges som adresse; omdøb filen til 'haab-og-mod.yml'"
    ]


def test_same_slug_in_two_folders(tmp_path):
    problems = problems_of(tmp_path, {"courses/2026/haab.yml": COURSE, "courses/2027/haab.yml": COURSE})
    assert problems == [
        "courses/2027/haab.yml: der findes allerede et kursus med navnet 'haab' (courses/2026/haab.yml); "
        "to kurser kan ikke have samme filnavn, heller ikke i hver sin mappe"
    ]


def test_courses_in_subfolders_load(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/2027-foraar/haab.yml": COURSE})
    assert not problems and cat.courses["haab"].path == "courses/2027-foraar/haab.yml"


def test_empty_file(tmp_path):
    assert problems_of(tmp_path, {"courses/haab.yml": "\n\n"}) == ["courses/haab.yml:1: filen er tom"]


def test_file_not_a_mapping(tmp_path):
    assert problems_of(tmp_path, {"courses/haab.yml": "- title: Håb\n"}) == [
        "courses/haab.yml:1: filen skal være en opslagstabel med felter (linjer med 'navn: værdi'), men er en liste"
    ]


def test_bytes_not_utf8(tmp_path):
    raw = COURSE.lstrip("\n").encode("utf-8").replace("Håb".encode(), "Håb".encode("latin-1"))
    assert problems_of(tmp_path, {"courses/haab.yml": raw}) == [
        "courses/haab.yml:1: filen er ikke gemt som UTF-8 (der er et tegn, som ikke kan læses); gem den som UTF-8 i din editor"
    ]


def test_every_problem_is_reported_in_one_run(tmp_path):
    problems = problems_of(tmp_path, {
        "courses/a.yml": course(teachers="teachers: [karsten-holm]"),
        "courses/b.yml": COURSE.replace("sessions:", "sesions:"),
        "courses/c.yml": "",
        "glossary/x.md": "---\nterm: X\nsee_also: [nope]\n---\nTekst.\n",
    })
    assert [p.split(":")[0] for p in problems] == ["courses/a.yml", "courses/b.yml", "courses/c.yml", "glossary/x.md"]


def test_except_must_be_in_series(tmp_path):
    text = COURSE.replace('    end: "12:00"', '    end: "12:00"\n    weekly: 3\n    except: [2027-03-11]')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:9: 'except' nævner 2027-03-11, som ikke er en af rækkens datoer (2027-03-03 og 2 uger frem, samme ugedag)"
    ]


def test_too_many_sessions(tmp_path):
    text = COURSE.replace('    end: "12:00"', '    end: "12:00"\n    weekly: 500')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:12: 'weekly' skal være mellem 1 og 104 (er 500)"
    ]


# --- teachers, places, glossary -----------------------------------------------------------


def test_teacher_unknown_role(tmp_path):
    teachers = "anne-madsen:\n  name: Anne\n  role: peers\nkarsten-holm:\n  name: K\n  role: professional\n"
    problems = problems_of(tmp_path, {"courses/_teachers.yml": teachers})
    assert problems == [
        "courses/_teachers.yml:3: 'role': 'peers' er ikke en underviserrolle (mente du 'peer'?); mulige værdier: peer (levede erfaringer), relative (pårørende), professional (fagprofessionel)"
    ]


def test_teacher_id_not_a_slug(tmp_path):
    teachers = "Anne Madsen:\n  name: Anne\n  role: peer\n"
    assert problems_of(tmp_path, {"courses/_teachers.yml": teachers}) == [
        "courses/_teachers.yml:1: 'Anne Madsen' er ikke et gyldigt id; brug små bogstaver a-z, tal og bindestreger (fx 'anne-madsen')"
    ]


def test_place_missing_address(tmp_path):
    assert problems_of(tmp_path, {"courses/_locations.yml": "vaerkstedet:\n  name: Værkstedet\n"}) == [
        "courses/_locations.yml:1: feltet 'address' mangler"
    ]


def test_teachers_file_missing(tmp_path):
    _, problems = load_files(tmp_path, {"courses/_locations.yml": "x:\n  name: X\n  address: Y\n"}, defaults=False)
    assert [str(p) for p in problems.sorted()] == ["courses/_teachers.yml: filen mangler; den skal liste hvert underviser med et id"]


def test_glossary_see_also_unknown_suggests(tmp_path):
    term = "---\nterm: CHIME\nsee_also: [forbundenhed]\n---\nFem elementer.\n"
    forb = "---\nterm: Forbundethed\n---\nAt høre til.\n"
    assert problems_of(tmp_path, {"glossary/chime.md": term, "glossary/forbundethed.md": forb}) == [
        "glossary/chime.md:3: see_also nævner 'forbundenhed', som ikke er et ord i ordbogen (mente du 'forbundethed'?)"
    ]


def test_glossary_without_term(tmp_path):
    assert problems_of(tmp_path, {"glossary/x.md": "---\nforms: [x]\n---\nTekst.\n"}) == ["glossary/x.md:2: feltet 'term' mangler"]


def test_glossary_form_claimed_twice(tmp_path):
    a = "---\nterm: Peer-støtte\nforms: [peerstøtte]\n---\nA.\n"
    b = "---\nterm: Støtte\nforms: [Peerstøtte]\n---\nB.\n"
    assert problems_of(tmp_path, {"glossary/peer-stoette.md": a, "glossary/stoette.md": b}) == [
        "glossary/stoette.md:3: bøjningsformen 'Peerstøtte' bruges også af 'peer-stoette' (glossary/peer-stoette.md); et ord kan kun høre til ét opslag"
    ]


def test_glossary_duplicate_term(tmp_path):
    b = "---\nterm: personlig recovery\n---\nB.\n"
    assert problems_of(tmp_path, {"glossary/pr.md": b}) == [
        "glossary/pr.md:2: ordet 'personlig recovery' bruges også af 'personlig-recovery' (glossary/personlig-recovery.md); et ord kan kun høre til ét opslag"
    ]


def test_glossary_without_front_matter(tmp_path):
    assert problems_of(tmp_path, {"glossary/x.md": "Bare tekst.\n"}) == [
        "glossary/x.md:1: filen skal begynde med front matter: en linje med '---', felterne (fx 'term: ...') og en linje med '---'"
    ]


def test_glossary_front_matter_error_line_counts_the_dashes(tmp_path):
    assert problems_of(tmp_path, {"glossary/x.md": "---\nterm: X\nterm: Y\n---\nTekst.\n"}) == [
        "glossary/x.md:3: nøglen 'term' står to gange (første gang i linje 2); slet den ene"
    ]


def test_glossary_file_name_not_slug(tmp_path):
    assert problems_of(tmp_path, {"glossary/Peer støtte.md": TERM.replace("Personlig recovery", "Peer-støtte").replace("personlige recovery", "x")}) == [
        "glossary/Peer støtte.md: filnavnet 'Peer støtte.md' er ikke et gyldigt slug; omdøb filen til 'peer-stoette.md'"
    ]


def test_files_starting_with_underscore_are_not_courses(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/_noter.yml": "bare: noter\n"})
    assert not problems and not cat.courses


@pytest.mark.parametrize("url", ['https://example.dk/?a="x"', "https://example.dk/<script>", "https://example.dk/a b"])
def test_url_with_characters_not_allowed_in_links(tmp_path, url):
    text = course(location=f"location: vaerkstedet\nregistration:\n  url: '{url}'")
    [problem] = problems_of(tmp_path, {"courses/haab.yml": text})
    assert problem.startswith("courses/haab.yml:9: 'url': ") and "er ikke en gyldig adresse" in problem


@pytest.mark.parametrize("value", ["yes", "'ja'", "1"])
def test_cancelled_is_true_or_false_only(tmp_path, value):
    text = COURSE.replace('    end: "12:00"', f'    end: "12:00"\n    cancelled: {value}')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == ["courses/haab.yml:12: 'cancelled' skal være true eller false"]


def test_time_given_as_a_list(tmp_path):
    text = COURSE.replace('start: "10:00"', "start: [10, 12]")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:10: 'start' skal være et klokkeslæt, fx \"10:00\", ikke en liste"]


@pytest.mark.parametrize("field, value, message", [
    ("email", "tilmelding-example.dk", "'email': 'tilmelding-example.dk' er ikke en e-mailadresse"),
    ("phone", "ring til Anne", "'phone': 'ring til Anne' er ikke et telefonnummer (kun cifre, mellemrum og evt. +45)"),
    ("deadline", "24. februar", "'deadline': '24. februar' er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-03"),
])
def test_registration_fields(tmp_path, field, value, message):
    text = course(location=f"location: vaerkstedet\nregistration:\n  url: https://example.dk\n  {field}: '{value}'")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [f"courses/haab.yml:10: {message}"]


# --- editors in their own words (issue 16) ------------------------------------------------

STATUS_VALUES = "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)"
THEME_VALUES = "connectedness (forbundethed), hope (håb og optimisme), identity (identitet), meaning (mening), empowerment"
AUDIENCE_VALUES = "citizens (borgere), relatives (pårørende), professionals (fagprofessionelle)"
FORMAT_VALUES = "in-person (fremmøde), online, hybrid (fremmøde eller online)"
ROLE_VALUES = "peer (levede erfaringer), relative (pårørende), professional (fagprofessionel)"


@pytest.mark.parametrize("written, key, name", [
    ("åben", "open", "åben"), ("Åben", "open", "åben"), ("aaben", "open", "åben"), ("aben", "open", "åben"),
    ("venteliste", "waitlist", "venteliste"), ("ventelisten", "waitlist", "venteliste"),
    ("fuldt", "full", "fuldt booket"), ("fuldt booket", "full", "fuldt booket"), ("optaget", "full", "fuldt booket"),
    ("aflyst", "cancelled", "aflyst"), ("annulleret", "cancelled", "aflyst"),
])
def test_danish_status_gets_the_key(tmp_path, written, key, name):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(location=f"location: vaerkstedet\nstatus: {written}")})
    assert problems == [
        f"courses/haab.yml:8: 'status': '{written}' er ikke en status (mente du '{key}' ({name})?); mulige værdier: {STATUS_VALUES}"
    ]


@pytest.mark.parametrize("written, key, name", [
    ("håb", "hope", "håb og optimisme"), ("haab", "hope", "håb og optimisme"), ("Håbet", "hope", "håb og optimisme"),
    ("hab", "hope", "håb og optimisme"), ("Håb og optimisme", "hope", "håb og optimisme"),
    ("forbundethed", "connectedness", "forbundethed"), ("fællesskab", "connectedness", "forbundethed"),
    ("faellesskab", "connectedness", "forbundethed"), ("identitet", "identity", "identitet"),
    ("mening", "meaning", "mening"), ("meningen", "meaning", "mening"), ("myndiggørelse", "empowerment", "empowerment"),
])
def test_danish_theme_gets_the_key(tmp_path, written, key, name):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(themes=f"themes: [{written}]")})
    assert problems == [
        f"courses/haab.yml:4: 'themes': '{written}' er ikke et CHIME-tema (mente du '{key}' ({name})?); mulige værdier: {THEME_VALUES}"
    ]


@pytest.mark.parametrize("written, key, name", [
    ("borgere", "citizens", "borgere"), ("borger", "citizens", "borgere"), ("Borgerne", "citizens", "borgere"),
    ("pårørende", "relatives", "pårørende"), ("paaroerende", "relatives", "pårørende"), ("parorende", "relatives", "pårørende"),
    ("de pårørende", "relatives", "pårørende"), ("fagprofessionelle", "professionals", "fagprofessionelle"),
    ("fagfolk", "professionals", "fagprofessionelle"),
])
def test_danish_audience_gets_the_key(tmp_path, written, key, name):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(audiences=f"audiences: [{written}]")})
    assert problems == [
        f"courses/haab.yml:5: 'audiences': '{written}' er ikke en målgruppe (mente du '{key}' ({name})?); mulige værdier: {AUDIENCE_VALUES}"
    ]


@pytest.mark.parametrize("written, key, name", [
    ("fremmøde", "in-person", "fremmøde"), ("fremmoede", "in-person", "fremmøde"), ("Fremmøde", "in-person", "fremmøde"),
    ("fysisk", "in-person", "fremmøde"), ("fremøde", "in-person", "fremmøde"), ("digitalt", "online", "online"),
    ("fremmøde eller online", "hybrid", "fremmøde eller online"), ("hybridt", "hybrid", "fremmøde eller online"),
])
def test_danish_format_gets_the_key(tmp_path, written, key, name):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(location=f"location: vaerkstedet\nformat: {written}")})
    assert problems == [
        f"courses/haab.yml:8: 'format': '{written}' er ikke en kursusform (mente du '{key}' ({name})?); mulige værdier: {FORMAT_VALUES}"
    ]


@pytest.mark.parametrize("written, key, name", [
    ("pårørende", "relative", "pårørende"), ("fagprofessionel", "professional", "fagprofessionel"),
    ("levede erfaringer", "peer", "levede erfaringer"), ("erfaringsunderviser", "peer", "levede erfaringer"),
])
def test_danish_role_gets_the_key(tmp_path, written, key, name):
    teachers = f"anne-madsen:\n  name: Anne\n  role: {written}\nkarsten-holm:\n  name: K\n  role: professional\n"
    assert problems_of(tmp_path, {"courses/_teachers.yml": teachers}) == [
        f"courses/_teachers.yml:3: 'role': '{written}' er ikke en underviserrolle (mente du '{key}' ({name})?); mulige værdier: {ROLE_VALUES}"
    ]


def test_a_word_that_is_no_value_gets_no_hint(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(location="location: vaerkstedet\nstatus: måske")})
    assert problems == [f"courses/haab.yml:8: 'status': 'måske' er ikke en status; mulige værdier: {STATUS_VALUES}"]


def test_danish_values_are_not_accepted(tmp_path):
    # The files and kurser.json keep the documented keys: a Danish word is a problem with a hint.
    _, problems = load_files(tmp_path, {"courses/haab.yml": course(themes="themes: [håb]")})
    assert len(problems) == 1


@pytest.mark.parametrize("written, fix", [
    ("9.00", '"09:00"'), ("9.30", '"09:30"'), ("10.15", '"10:15"'), ("9", '"09:00"'), ("14", '"14:00"'),
])
def test_time_written_as_a_number_is_echoed_as_written_with_the_fix(tmp_path, written, fix):
    text = COURSE.replace('start: "10:00"', f"start: {written}").replace('end: "12:00"', 'end: "16:00"')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        f"courses/haab.yml:10: 'start': '{written}' er ikke et klokkeslæt; skriv klokkeslættet som {fix}"
    ]


@pytest.mark.parametrize("written, fix", [('"kl. 9"', '"09:00"'), ('"9,30"', '"09:30"'), ("kl 10", '"10:00"')])
def test_time_written_in_words_gets_the_fix(tmp_path, written, fix):
    text = COURSE.replace('start: "10:00"', f"start: {written}").replace('end: "12:00"', 'end: "16:00"')
    shown = written.strip('"')
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        f"courses/haab.yml:10: 'start': '{shown}' er ikke et klokkeslæt; skriv klokkeslættet som {fix}"
    ]


def test_time_number_without_a_clear_fix_is_still_echoed(tmp_path):
    text = COURSE.replace('start: "10:00"', "start: 25.00")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:10: 'start': '25.00' er ikke et klokkeslæt; skriv det som \"TT:MM\" i anførselstegn, fx \"10:00\""
    ]


@pytest.mark.parametrize("written", ["TRUE", "true", "1.50", "2027.0"])
def test_text_that_yaml_read_as_a_value_is_echoed_as_written(tmp_path, written):
    problems = problems_of(tmp_path, {"courses/haab.yml": course(title=f"title: {written}")})
    assert problems == [f"courses/haab.yml:1: 'title' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: \"{written}\""]


INDENT = "linjen hører måske til teksten ovenfor: ryk den ind med mellemrum som linjerne over"


@pytest.mark.parametrize("description, line", [
    ("description: |\n  Om håb.\nKurset er for alle: også pårørende", 5),
    ("description: |\n  Om håb.\n\n  Mere om håb.\nKurset er for alle: også pårørende", 7),
    ("description: >-\n  Om håb.\nKurset er for alle: også pårørende", 5),
    ("description: Om håb\n  og mod.\nKurset er for alle: også pårørende", 5),
    ("description: |\n  Om håb.\nvi ses: hver onsdag", 5),
])
def test_prose_line_after_a_text_block_gets_the_indentation_hint(tmp_path, description, line):
    assert problems_of(tmp_path, {"courses/haab.yml": course(description=description)}) == [
        f"courses/haab.yml:{line}: ukendt felt '{description.splitlines()[-1].split(':')[0]}'; {INDENT}"
    ]


def test_prose_line_without_a_colon_after_a_text_block(tmp_path):
    text = course(description="description: |\n  Om håb.\nKurset er for alle.")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        f"courses/haab.yml:5: YAML-syntaksfejl: der mangler et kolon efter en nøgle; {INDENT}"
    ]


def test_prose_line_after_a_bio_in_the_teachers_file(tmp_path):
    teachers = TEACHERS_TEXT.replace("  role: peer\n", "  role: peer\n  bio: |\n    Anne underviser.\n  Hun har selv: været syg\n")
    assert problems_of(tmp_path, {"courses/_teachers.yml": teachers}) == [f"courses/_teachers.yml:6: ukendt felt 'Hun har selv'; {INDENT}"]


@pytest.mark.parametrize("text", [
    # After a one-line text there are no indented lines to match: the plain message.
    "description: Om håb.\nKurset er for alle: også pårørende",
    # A capitalised field name is a misspelling, not prose.
    "description: |\n  Om håb.\nThemes: [hope]",
])
def test_no_indentation_hint_where_it_does_not_fit(tmp_path, text):
    [problem] = problems_of(tmp_path, {"courses/haab.yml": course(description=text)})
    assert INDENT not in problem and "ukendt felt" in problem


def test_no_indentation_hint_after_a_nested_field(tmp_path):
    text = course(location="location: vaerkstedet\nregistration:\n  email: a@example.dk\nTilmelding er vigtig: ja")
    [problem] = problems_of(tmp_path, {"courses/haab.yml": text})
    assert problem.startswith("courses/haab.yml:10: ukendt felt 'Tilmelding er vigtig'; tilladte felter: ")


FIELDS = ("title, summary, description, learning_outcomes, themes, audiences, teachers, format, location, online_url, "
          "online_url_public, capacity, status, drop_in, registration, glossary, sessions")


@pytest.mark.parametrize("old, new, line", [("summary:", "summery:", 2), ("title:", "titel:", 1), ("teachers:", "teacher:", 6)])
def test_misspelt_required_field_is_one_problem(tmp_path, old, new, line):
    key, meant = new.rstrip(":"), old.rstrip(":")
    assert problems_of(tmp_path, {"courses/haab.yml": COURSE.replace(old, new)}) == [
        f"courses/haab.yml:{line}: ukendt felt '{key}' (mente du '{meant}'?); tilladte felter: {FIELDS}"
    ]


def test_misspelt_required_field_in_a_session_is_one_problem(tmp_path):
    assert problems_of(tmp_path, {"courses/haab.yml": COURSE.replace("start:", "strat:")}) == [
        "courses/haab.yml:10: ukendt felt 'strat' (mente du 'start'?); tilladte felter: date, start, end, topic, weekly, except, location, cancelled"
    ]


def test_missing_field_without_a_misspelling_is_still_reported(tmp_path):
    text = course(summary="", location="location: vaerkstedet\nnoter: x")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:1: feltet 'summary' mangler",
        f"courses/haab.yml:7: ukendt felt 'noter'; tilladte felter: {FIELDS}",
    ]


# --- Every course leaves a visitor a way to reach someone -----------------------------

def _course_problems(tmp_path, extra: str, contact: bool = True):
    from rskole.catalogue import Paths, load
    from rskole.model import SiteSettings
    from zoneinfo import ZoneInfo
    from helpers import COURSE, LOCATIONS, TEACHERS, write
    write(tmp_path, {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
                     "courses/k.yml": COURSE.split("sessions:")[0] + extra + "sessions: []\n"})
    settings = SiteSettings(name="T", contact="kontakt@example.dk" if contact else None)
    _, problems = load(Paths(tmp_path), settings, ZoneInfo("Europe/Copenhagen"))
    return [str(p) for p in problems.sorted()]


def test_course_nobody_can_be_reached_about_is_refused(tmp_path):
    found = _course_problems(tmp_path, "", contact=False)
    assert found == ["courses/k.yml:1: kurset har ingen tilmelding, og skolen har ingen kontakt i mkdocs.yml, så ingen kan "
                     "melde sig til; skriv 'registration:' med url, email eller phone, skriv 'drop_in: true', eller sæt "
                     "'contact' under extra.portal"]


def test_drop_in_course_needs_no_registration_or_contact(tmp_path):
    assert _course_problems(tmp_path, "drop_in: true\n", contact=False) == []


def test_drop_in_with_registration_or_waitlist_is_refused(tmp_path):
    found = _course_problems(tmp_path, "drop_in: true\nstatus: full\nregistration:\n  email: a@b.dk\n")
    assert any(p.endswith("kurset har 'drop_in: true' (man skal ikke melde sig til), men også 'registration'; fjern den ene") for p in found)
    assert any("kurset har 'drop_in: true', så det kan ikke have status 'full'; skriv 'status: open' eller 'status: cancelled'" in p for p in found)


def test_glossary_form_that_can_never_match_is_reported(tmp_path):
    from helpers import write
    from rskole.catalogue import Paths, load
    from rskole.model import SiteSettings
    from zoneinfo import ZoneInfo
    write(tmp_path, {"courses/_teachers.yml": "{}\n", "courses/_locations.yml": "{}\n",
                     "glossary/fou.md": "---\nterm: Forskning\nforms: [forskningen, \"R&D\"]\n---\nUndersøgelser.\n"})
    _, problems = load(Paths(tmp_path), SiteSettings(name="T", contact="a@b.dk"), ZoneInfo("Europe/Copenhagen"))
    assert [str(p) for p in problems.sorted()] == [
        "glossary/fou.md:3: bøjningsformen 'R&D' kan aldrig findes i en tekst, fordi det ikke er hele ord "
        "(fx tegn som & eller / midt i); skriv det med bogstaver, tal og bindestreger"]
