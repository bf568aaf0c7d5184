"""What the build shows from its now: the next session (also one in progress), the
weekday and time-of-day filters, the printed programme, and PORTAL_TODAY."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from helpers import COURSE, load_files
from rskole import views
from rskole.catalogue import today

CPH = ZoneInfo("Europe/Copenhagen")
HEAD = COURSE.split("sessions:")[0]

#: Wednesdays 3, 10 and 17 March at 10-12, and a one-off on Friday 12 March, cancelled.
WEDNESDAYS = HEAD + """sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
    weekly: 3
  - date: 2027-03-12
    start: "18:00"
    end: "20:00"
    cancelled: true
    location: biblioteket
"""


def env_at(tmp_path, text: str, now: datetime) -> tuple[views.Env, object]:
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text})
    assert not problems, problems.report()
    return views.Env(cat, now.date(), now), cat.courses["haab"]


def marked(view: dict) -> list[str]:
    return [s["start_iso"] for s in view["sessions"] if s["is_next"]]


@pytest.mark.parametrize("now, expected", [
    (datetime(2027, 3, 3, 0, 0, tzinfo=CPH), "2027-03-03T10:00:00+01:00"),
    (datetime(2027, 3, 3, 10, 0, tzinfo=CPH), "2027-03-03T10:00:00+01:00"),   # starting now
    (datetime(2027, 3, 3, 11, 59, tzinfo=CPH), "2027-03-03T10:00:00+01:00"),  # in progress: still the next one
    (datetime(2027, 3, 3, 12, 0, tzinfo=CPH), "2027-03-10T10:00:00+01:00"),   # over
    (datetime(2027, 3, 11, 0, 0, tzinfo=CPH), "2027-03-17T10:00:00+01:00"),   # the cancelled 12 March is skipped
])
def test_next_session_is_the_one_not_yet_over_and_marked_once(tmp_path, now, expected):
    env, course = env_at(tmp_path, WEDNESDAYS, now)
    view = views.course_view(env, course)
    # The "Næste gang" line and the marked session in the list are the same session.
    assert view["when"]["next_iso"] == expected
    assert marked(view) == [expected]
    past = [s["start_iso"][:10] for s in view["sessions"] if s["is_past"]]
    assert all(s < expected[:10] for s in past)


def test_no_next_session_once_the_last_is_over(tmp_path):
    env, course = env_at(tmp_path, WEDNESDAYS, datetime(2027, 3, 17, 12, 0, tzinfo=CPH))
    view = views.course_view(env, course)
    assert view["when"]["next_iso"] is None and marked(view) == []
    assert view["when"]["none_left"] == "Kurset sluttede onsdag den 17. marts 2027"


def test_a_cancelled_course_has_no_next_session(tmp_path):
    env, course = env_at(tmp_path, WEDNESDAYS.replace("themes:", "status: cancelled\nthemes:"), datetime(2027, 3, 1, tzinfo=CPH))
    view = views.course_view(env, course)
    assert view["when"]["next_iso"] is None and marked(view) == []
    assert view["when"]["none_left"] == "Kurset er aflyst"
    assert all(s["cancelled"] for s in view["sessions"])


def test_a_cancelled_one_off_does_not_add_its_weekday_time_or_place(tmp_path):
    env, course = env_at(tmp_path, WEDNESDAYS, datetime(2027, 3, 1, tzinfo=CPH))
    assert views.facets(course) == {
        "tema": ["hope"], "for": ["citizens"], "form": ["in-person"], "sted": ["vaerkstedet"],
        "dag": ["ons"],  # not "fre": the Friday session is cancelled
        "tid": ["formiddag"],  # not "aften"
    }
    groups = {g["key"]: [(o["value"], o["count"]) for o in g["options"]] for g in views.filter_groups(env, [course])}
    assert groups["dag"] == [("ons", 1)] and groups["tid"] == [("formiddag", 1)] and groups["sted"] == [("vaerkstedet", 1)]


def test_held_sessions_on_two_weekdays_match_both(tmp_path):
    text = WEDNESDAYS.replace("    cancelled: true\n", "")
    env, course = env_at(tmp_path, text, datetime(2027, 3, 1, tzinfo=CPH))
    facets = views.facets(course)
    assert facets["dag"] == ["ons", "fre"] and facets["tid"] == ["formiddag", "aften"]
    assert facets["sted"] == ["biblioteket", "vaerkstedet"]


@pytest.mark.parametrize("hour, part", [(0, "formiddag"), (11, "formiddag"), (12, "eftermiddag"), (16, "eftermiddag"),
                                        (17, "aften"), (23, "aften")])
def test_time_of_day(hour, part):
    assert views.time_of_day(datetime(2027, 3, 3, hour, 59, tzinfo=CPH)) == part


def test_programme_entry_ends_with_the_last_held_session(tmp_path):
    text = WEDNESDAYS.replace('  - date: 2027-03-12\n    start: "18:00"', '  - date: 2027-03-24\n    start: "18:00"')
    env, course = env_at(tmp_path, text, datetime(2027, 3, 1, tzinfo=CPH))
    when = views.programme_entry(env, course)["when"].replace("\u2060", "").replace("\xa0", " ")
    assert when == "3 gange fra onsdag den 3. marts 2027 til onsdag den 17. marts 2027, kl. 10.00–12.00"


def test_programme_entry_of_one_session_and_of_none(tmp_path):
    one = HEAD + 'sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00"}\n  - {date: 2027-03-10, start: "10:00", end: "12:00", cancelled: true}\n'
    env, course = env_at(tmp_path / "a", one, datetime(2027, 3, 1, tzinfo=CPH))
    when = views.programme_entry(env, course)["when"].replace("\u2060", "").replace("\xa0", " ")
    assert when == "onsdag den 3. marts 2027, kl. 10.00–12.00"  # the time once, not twice
    env, course = env_at(tmp_path / "b", HEAD + "sessions: []\n", datetime(2027, 3, 1, tzinfo=CPH))
    assert views.programme_entry(env, course)["when"] == "Datoer følger"


def test_programme_entry_with_different_times_gives_no_time(tmp_path):
    text = WEDNESDAYS.replace("    cancelled: true\n", "")
    env, course = env_at(tmp_path, text, datetime(2027, 3, 1, tzinfo=CPH))
    when = views.programme_entry(env, course)["when"].replace("\u2060", "").replace("\xa0", " ")
    assert when == "4 gange fra onsdag den 3. marts 2027 til onsdag den 17. marts 2027"


def test_portal_today_is_the_start_of_the_day_in_the_sites_zone():
    day, now = today(CPH, {"PORTAL_TODAY": "2027-03-03"})
    assert day == date(2027, 3, 3) and now == datetime(2027, 3, 3, 0, 0, tzinfo=CPH)
    assert now.isoformat() == "2027-03-03T00:00:00+01:00"
    nuuk = ZoneInfo("America/Nuuk")
    assert today(nuuk, {"PORTAL_TODAY": " 2027-07-01 "})[1].isoformat() == "2027-07-01T00:00:00-01:00"


def test_portal_today_must_be_a_date():
    with pytest.raises(ValueError, match="PORTAL_TODAY='3. marts' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD"):
        today(CPH, {"PORTAL_TODAY": "3. marts"})


def test_without_portal_today_the_clock_in_the_sites_zone():
    day, now = today(ZoneInfo("Asia/Tokyo"), {})
    assert now.tzinfo == ZoneInfo("Asia/Tokyo") and day == now.date()
    assert abs((datetime.now(ZoneInfo("Asia/Tokyo")) - now).total_seconds()) < 60
