"""Opening hours, public holidays and free times of a place: pure reads, no writes.

Public holidays come from the maintained `holidays` library for the place's federal state
(Saxony "SN" or Saxony-Anhalt "ST", from the first digits of its municipality key).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from transferraum.places.models import Booking, OpeningException, Place, Resource

BERLIN = ZoneInfo("Europe/Berlin")
GRID = dt.timedelta(minutes=30)


@lru_cache(maxsize=64)
def _holidays(state: str, year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("DE", subdiv=state, years=year, language="de").items())


def holiday_name(state: str, day: dt.date) -> str | None:
    """The public holiday on `day` in the federal state, or None."""
    return _holidays(state, day.year).get(day)


def spans_of(place: Place, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    """The place's opening spans on `day`: an exception first, then a holiday (closed), then
    the weekday's hours. Two small queries; callers that walk many days use `spans_between`."""
    return spans_between(place, day, day)[day]


def spans_between(
    place: Place, first: dt.date, last: dt.date
) -> dict[dt.date, list[tuple[dt.time, dt.time]]]:
    """Opening spans for every day from `first` to `last` (two queries)."""
    weekly: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for hours in place.hours.all():
        weekly.setdefault(hours.weekday, []).append((hours.opens, hours.closes))
    exceptions = {
        e.date: e for e in OpeningException.objects.filter(place=place, date__range=(first, last))
    }
    state = place.state
    days: dict[dt.date, list[tuple[dt.time, dt.time]]] = {}
    day = first
    while day <= last:
        exception = exceptions.get(day)
        if exception is not None:
            if exception.opens and exception.closes:
                days[day] = [(exception.opens, exception.closes)]
            else:
                days[day] = []
        elif holiday_name(state, day):
            days[day] = []
        else:
            days[day] = sorted(weekly.get(day.weekday(), []))
        day += dt.timedelta(days=1)
    return days


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BERLIN)


def at(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment of a wall-clock time in Berlin (keeps the time across DST changes)."""
    return dt.datetime.combine(day, time, tzinfo=BERLIN)


def within_opening(place: Place, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    start, end = local(starts_at), local(ends_at)
    if start.date() != end.date() and not (
        end.time() == dt.time(0) and end.date() == start.date() + dt.timedelta(days=1)
    ):
        return False
    for opens, closes in spans_of(place, start.date()):
        if at(start.date(), opens) <= start and end <= at(start.date(), closes):
            return True
    return False


def free_times(
    resource: Resource,
    after: dt.datetime,
    length: dt.timedelta,
    *,
    count: int = 3,
    days: int = 28,
) -> list[dt.datetime]:
    """The next `count` starts (on a half-hour grid) at which `resource` is open and free for
    `length`, from `after` on, looking `days` ahead. Two queries plus the hours."""
    start_day = local(after).date()
    last_day = start_day + dt.timedelta(days=days)
    busy = list(
        Booking.objects.holding()
        .filter(resource=resource)
        .overlapping(at(start_day, dt.time(0)), at(last_day, dt.time(23, 59)))
        .values_list("starts_at", "ends_at")
    )
    found: list[dt.datetime] = []
    for day, spans in spans_between(resource.place, start_day, last_day).items():
        for opens, closes in spans:
            moment, closing = at(day, opens), at(day, closes)
            while moment + length <= closing:
                if moment >= after and not any(s < moment + length and e > moment for s, e in busy):
                    found.append(moment)
                    if len(found) >= count:
                        return found
                    moment += length
                    continue
                moment += GRID
    return found
