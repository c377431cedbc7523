"""Facts that know their date: warn when a place's legal status rests on evidence older than the pack allows.

Laws change; a briefing dated 2026 that prints a 2004 evaluation as a place's
current law is wrong without anyone having written a false sentence. Each
place's status was last confirmed in its ``as_of`` year, or else in the newest
year among its sources (and its events' sources). When that is more than
``pack.status_max_age`` years before the pack's date, ``check`` asks the
editor to confirm it or say until when it held. A status dated in print needs
no warning: ``until`` prints "until 2024", and an explicit ``as_of`` older than
the limit prints "last confirmed 2004".
"""

from __future__ import annotations

from collections.abc import Callable

from generator.content.fieldpath import FieldPath
from generator.content.loader import LoadedPack
from generator.content.models import Jurisdiction
from generator.content.schema import Pack
from generator.errors import Problem

Warn = Callable[[FieldPath, str], Problem]


def confirmed_in(place: Jurisdiction, pack: Pack) -> int | None:
    """Return the year a place's status was last confirmed.

    Its ``as_of``; else the newest of its sources' years and the years of its
    sourced events and its own year (a source reporting a law in force in 2009
    confirms it then).
    """
    if place.as_of:
        return place.as_of
    years = {s.id: s.year for s in pack.sources if s.year}
    cited = [*place.sources, *(source for event in place.events for source in event.sources)]
    found = [years[source] for source in cited if source in years] + [event.year for event in place.events]
    found += [place.year] if place.year else []
    return max(found) if found else None


def lint_currency(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each place whose status is older than the pack allows and is not dated in print."""
    pack = loaded.content
    limit = pack.meta.status_max_age
    year = pack.meta.date.year
    problems = []
    for m, model in enumerate(pack.models):
        for j, place in enumerate(model.jurisdictions):
            if place.until or place.as_of:  # dated in print, or confirmed by the editor
                continue
            path: FieldPath = ("models", m, "jurisdictions", j, "name")
            confirmed = confirmed_in(place, pack)
            if confirmed is None:
                problems.append(warn(path, f"{place.name}: none of the sources for this status has a year, so no "
                                     "one can tell how current it is; set `as_of:` to the year it was last "
                                     "confirmed"))
            elif year - confirmed > limit:
                problems.append(warn(path, f"{place.name}: the newest source for this status is from {confirmed}, "
                                     f"{year - confirmed} years before this pack's date: confirm it (set `as_of:` "
                                     "to the year you did, from a source), or say until when it held "
                                     "(`until:`); an `as_of` this old prints as 'last confirmed <year>'"))
    return problems
