"""A course's registration state: decided once, here, for every surface.

The course page, its card, /program/, min plan, kurser.json and the JSON-LD all show
the state this module decides, in the same Danish words. A state can change with time
alone (a deadline passes, the last session ends), so the decision is a *timeline*: the
state from the start, and the instants at which it becomes another. The build reads the
timeline at its own "now"; the browser script reads the same timeline, shipped as data,
at the visitor's now. Neither decides anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import danish
from .model import CourseSpec, SiteSettings
from .schedule import Session, last_end

#: Every state a course's registration can be in.
KEYS = ("open", "closing", "closed", "waitlist", "full", "cancelled", "ended", "dropin")

#: How long before its deadline a registration counts as closing soon.
CLOSING_DAYS = 7


@dataclass(frozen=True)
class Way:
    """One way to reach someone: a sign-up page, an email address or a phone number."""

    kind: str  # url, email, phone
    href: str
    #: What the link says as an action ("Tilmeld dig").
    action: str
    #: The address or number itself, for print and for reading aloud.
    text: str


@dataclass(frozen=True)
class State:
    key: str
    #: A short label for cards and lists ("Åben for tilmelding").
    label: str
    #: What the course page's sign-up box says: the state and, where it matters, its
    #: date, in one or two short sentences that say nothing the page says beside them.
    #: The buttons name the action ("Skriv dig på ventelisten"), so the message does not;
    #: for a cancelled or an ended course the page's "Hvornår" line has said so
    #: (views.when_view: "Kurset er aflyst", "Kurset sluttede ..."), so the message says
    #: what that means for the visitor.
    message: str
    #: The primary ways to act (sign up, join the waitlist); empty when there is none.
    actions: tuple[Way, ...]
    #: Whom to ask, said after ``ask``; empty when no one can be named.
    contact: tuple[Way, ...]
    ask: str
    #: Whether the course is offered for min plan and for the visitor's own calendar.
    offers_plan: bool
    offers_calendar: bool
    #: What a list that shows ``label`` beside it (min plan) says after it: the message
    #: without what the label says ("Venteliste: Kurset er fuldt."); may be "".
    detail: str = ""
    #: Where a visitor with nothing left to do here can go instead: a link to the
    #: upcoming courses, said in these words (an ended course); "" for none.
    onward: str = ""

    @property
    def can_register(self) -> bool:
        return bool(self.actions)

    def as_data(self) -> dict:
        """The state as plain data (kurser.json, the browser script)."""
        return {"key": self.key, "label": self.label, "message": self.message,
                "plan": self.offers_plan, "calendar": self.offers_calendar}


@dataclass(frozen=True)
class Step:
    """From ``start`` on (None: from the beginning) the course is in ``state``."""

    start: datetime | None
    state: State


def _digits(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def contact_ways(settings: SiteSettings) -> tuple[Way, ...]:
    """The school's own contact (extra.portal), as ways to reach it."""
    ways: list[Way] = []
    contact = settings.contact
    if contact:
        if "@" in contact:
            ways.append(Way("email", f"mailto:{contact}", "Skriv til skolen", contact))
        else:
            ways.append(Way("phone", _digits(contact), "Ring til skolen", contact))
    if settings.phone and not any(w.kind == "phone" for w in ways):
        ways.append(Way("phone", _digits(settings.phone), "Ring til skolen", settings.phone))
    return tuple(ways)


def _sign_up_ways(spec: CourseSpec, settings: SiteSettings, waitlist: bool) -> tuple[Way, ...]:
    reg = spec.registration
    ways: list[Way] = []
    if reg is not None:
        if reg.url:
            ways.append(Way("url", reg.url, "Skriv dig på ventelisten" if waitlist else "Tilmeld dig", reg.url))
        if reg.email:
            ways.append(Way("email", f"mailto:{reg.email}",
                            "Skriv dig på ventelisten på mail" if waitlist else "Tilmeld dig på mail", reg.email))
        if reg.phone:
            ways.append(Way("phone", _digits(reg.phone),
                            "Ring og kom på ventelisten" if waitlist else "Ring og tilmeld dig", reg.phone))
        return tuple(ways)
    # No registration of its own: one signs up with the school.
    for way in contact_ways(settings):
        if way.kind == "email":
            ways.append(Way("email", way.href, "Skriv dig på ventelisten hos skolen" if waitlist else "Tilmeld dig hos skolen på mail", way.text))
        else:
            ways.append(Way("phone", way.href, "Ring til skolen og kom på ventelisten" if waitlist else "Ring til skolen og tilmeld dig", way.text))
    return tuple(ways)


def _ask_ways(spec: CourseSpec, settings: SiteSettings) -> tuple[Way, ...]:
    """Whom to ask about a course one cannot sign up for: the course's own email or
    phone, else the school. A sign-up page is no one to ask."""
    reg = spec.registration
    ways: list[Way] = []
    if reg is not None:
        if reg.email:
            ways.append(Way("email", f"mailto:{reg.email}", "Skriv", reg.email))
        if reg.phone:
            ways.append(Way("phone", _digits(reg.phone), "Ring", reg.phone))
    return tuple(ways) or contact_ways(settings)


def reachable(spec: CourseSpec, settings: SiteSettings) -> bool:
    """Whether a visitor can reach anyone about the course (the build refuses it if not)."""
    return spec.drop_in or spec.registration is not None or bool(contact_ways(settings))


def _midnight(d: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(d, time(0), tzinfo=zone)


def timeline(spec: CourseSpec, sessions: list[Session], settings: SiteSettings, zone: ZoneInfo) -> list[Step]:
    """Every state the course's registration will be in, from now on, in order."""
    reg = spec.registration
    deadline = reg.deadline if reg else None
    ask = _ask_ways(spec, settings)
    end = last_end(sessions) if sessions else None

    def state(key: str) -> State:
        return _state(key, spec, settings, deadline, ask)

    if spec.status == "cancelled":
        # A cancelled course stays cancelled, also once its dates have gone by.
        return [Step(None, state("cancelled"))]
    if spec.drop_in:
        steps = [Step(None, state("dropin"))]
    elif spec.status == "full":
        steps = [Step(None, state("full"))]
    elif spec.status == "waitlist":
        steps = [Step(None, state("waitlist"))]
        if deadline:
            steps.append(Step(_midnight(deadline + timedelta(days=1), zone), state("closed")))
    else:
        steps = [Step(None, state("open"))]
        if deadline:
            steps.append(Step(_midnight(deadline - timedelta(days=CLOSING_DAYS - 1), zone), state("closing")))
            steps.append(Step(_midnight(deadline + timedelta(days=1), zone), state("closed")))
    if end is not None:
        # Nothing can follow the end of a course: later steps never happen.
        steps = [s for s in steps if s.start is None or s.start < end]
        steps.append(Step(end, state("ended")))
    return steps


def at(steps: list[Step], now: datetime) -> State:
    """The state of a timeline at ``now``."""
    current = steps[0].state
    for step in steps[1:]:
        if step.start <= now:
            current = step.state
    return current


def _state(key: str, spec: CourseSpec, settings: SiteSettings, deadline: date | None, ask: tuple[Way, ...]) -> State:
    last_day = danish.long_date(deadline) if deadline else None
    question = "Spørgsmål? Kontakt os:"
    if key == "open":
        # Signing up with the school is said by the buttons ("Tilmeld dig hos skolen ...").
        message = (f"Der er åbent for tilmelding til og med {last_day}." if last_day
                   else "Der er åbent for tilmelding.")
        return State(key, "Åben for tilmelding", message, _sign_up_ways(spec, settings, False), (), "",
                     True, True, f"Til og med {last_day}." if last_day else "")
    if key == "closing":
        return State(key, "Tilmelding lukker snart", f"Tilmeldingen lukker snart. Sidste dag er {last_day}.",
                     _sign_up_ways(spec, settings, False), (), "", True, True, f"Sidste dag er {last_day}.")
    if key == "waitlist":
        message = "Kurset er fuldt, men der er en venteliste."
        detail = "Kurset er fuldt."
        if last_day:
            message += f" Den er åben til og med {last_day}."
            detail += f" Åben til og med {last_day}."
        return State(key, "Venteliste", message, _sign_up_ways(spec, settings, True), (), "", True, True, detail)
    if key == "closed":
        # Those who signed up still want the dates in their calendar.
        return State(key, "Tilmelding lukket", f"Tilmeldingen er lukket. Sidste dag var {last_day}.",
                     (), ask, question, False, True, f"Sidste dag var {last_day}.")
    if key == "full":
        return State(key, "Fuldt booket", "Kurset er fuldt booket, og der er ingen venteliste.",
                     (), ask, "Vil du høre om et nyt hold? Kontakt os:", False, True, "Der er ingen venteliste.")
    if key == "cancelled":
        message = "Ingen af kursusgangene bliver holdt, så du skal ikke møde op."
        return State(key, "Aflyst", message, (), ask, question, False, False, message)
    if key == "ended":
        message = "Du kan ikke længere melde dig til."
        return State(key, "Afsluttet", message, (), (), "", False, False, message, "Se de kommende kurser")
    if key == "dropin":
        return State(key, "Kom bare", "Du skal ikke melde dig til. Kom bare, når det passer dig.",
                     (), ask, question, True, True, "Du skal ikke melde dig til.")
    raise ValueError(key)
