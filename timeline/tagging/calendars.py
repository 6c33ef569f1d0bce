"""Movable feasts of other calendars: Hindu, Islamic, Chinese, Hebrew and Buddhist.

A holiday of the lexicon written ``CAL:<calendar>:<feast>`` ("CAL:hindu:diwali") is found
here, through the lunar and lunisolar calendars of the ``holidays`` package (their tables
cover 1901-2100; outside them there is no date, and the expression is dropped). Islamic
dates are the package's estimates of the first sighting: a country that sights the moon a
day later keeps the feast a day later. Each calendar and feast this module knows is in
``FEASTS``; the lexicon is checked against it by the tests.

>>> movable("hindu", "diwali", 2024), movable("islamic", "eid_al_fitr", 2024)
(datetime.date(2024, 10, 31), datetime.date(2024, 4, 10))
>>> movable("chinese", "lunar_new_year", 2024), movable("hebrew", "passover", 2024)
(datetime.date(2024, 2, 10), datetime.date(2024, 4, 23))
>>> movable("hindu", "diwali", 2150) is None
True
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable
from typing import Any

__all__ = ["FEASTS", "movable"]

#: calendar -> (class in ``holidays.calendars``, {feast: the class's method})
FEASTS: dict[str, tuple[str, dict[str, str]]] = {
    "hindu": ("_HinduLunisolar", {"diwali": "diwali_india_date", "holi": "holi_date", "dussehra": "dussehra_date"}),
    "islamic": (
        "_IslamicLunar",
        {
            "eid_al_fitr": "eid_al_fitr_dates",
            "eid_al_adha": "eid_al_adha_dates",
            "ramadan": "ramadan_beginning_dates",
            "islamic_new_year": "hijri_new_year_dates",
            "mawlid": "mawlid_dates",
        },
    ),
    "chinese": ("_ChineseLunisolar", {"lunar_new_year": "lunar_new_year_date", "mid_autumn": "mid_autumn_date"}),
    "hebrew": (
        "_HebrewLunisolar",
        {
            "passover": "passover_date",
            "hanukkah": "hanukkah_date",
            "rosh_hashanah": "rosh_hashanah_date",
            "yom_kippur": "yom_kippur_date",
            "purim": "purim_date",
        },
    ),
    "buddhist": ("_BuddhistLunisolar", {"vesak": "vesak_date"}),
}


@functools.cache
def _calendar(name: str) -> Any:
    import holidays.calendars  # imported on first use: most texts name no such feast

    return getattr(holidays.calendars, name)()


def _dates(found: object) -> Iterable[_dt.date]:
    """The package answers a date, (date, estimated), a set of dates, or an iterable of
    (date, estimated) pairs."""
    if found is None:
        return ()
    if isinstance(found, _dt.date):
        return (found,)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return _dates(found[0])  # (date or None, estimated)
    out: list[_dt.date] = []
    if isinstance(found, Iterable):
        for item in found:
            out.extend(_dates(item))
    return out


@functools.lru_cache(maxsize=1024)
def movable(calendar: str, feast: str, year: int) -> _dt.date | None:
    """The first day of ``feast`` of ``calendar`` in the Gregorian ``year``, or None."""
    cls, methods = FEASTS[calendar]
    try:
        found = getattr(_calendar(cls), methods[feast])(year)
    except (KeyError, ValueError, OverflowError, AttributeError, ImportError):
        # no such year in the tables, or a holidays release without this calendar (its
        # classes are not public API): no date, never an exception from text
        return None
    days = sorted(d for d in _dates(found) if d.year == year)
    return days[0] if days else None
