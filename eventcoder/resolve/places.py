"""Places: the most precise place named for an event, with ACLED's geo precision."""

from __future__ import annotations

from ..lexicon import Gazetteer, PlaceRecord
from ..model.participants import PlaceMention
from ..model.places import Location


def _record(mention: PlaceMention, countries: set[str]) -> PlaceRecord | None:
    """Among places of one name, the one in a country the sentence involves. A small town
    of that name in an unrelated country is no place of this event ("near Tarazá" is not
    Taraz in Kazakhstan)."""
    for record in mention.records:
        if record.iso3 in countries:
            return record
    first = mention.records[0]
    if countries and 0 in mention.weak and not first.major:
        return None  # an alternate spelling of a town in another country
    return first


def _precision(record: PlaceRecord, near: bool, region: bool) -> int:
    if region:
        return 3  # "the Timbuktu region": the region, wherever its name comes from
    return max(2, record.precision) if near and record.precision < 3 else record.precision


def to_location(record: PlaceRecord, near: bool = False, region: bool = False) -> Location:
    return Location(record.name, record.admin1, record.country, record.iso3, record.latitude,
                    record.longitude, _precision(record, near, region), record.border_iso3)


# Places this many words or more from the trigger count as one precision level coarser:
# "In Kabul, the Taliban accused Pakistan of airstrikes in Paktika" is about Paktika.
NEAR_WORDS = 8


def best_location(mentions: list[PlaceMention], countries: set[str],
                  gaps: list[int] | None = None) -> Location | None:
    """The most precise place named by the trigger (ACLED); then the nearest. `gaps`: the
    words between each place and the trigger; a single place has nothing to be ranked
    against, and needs none."""
    if len(mentions) == 1:
        record = _record(mentions[0], countries)
        return None if record is None else \
            to_location(record, mentions[0].near, mentions[0].region)
    best: tuple[int, int, PlaceRecord, PlaceMention] | None = None
    for order, mention in enumerate(mentions):
        record = _record(mention, countries)
        if record is None:
            continue
        gap = gaps[order] if gaps else 0
        precision = _precision(record, mention.near, mention.region)
        rank = (precision + (2 if gap > NEAR_WORDS else 0), gap)
        if best is None or rank < best[:2]:
            best = (*rank, record, mention)
    return None if best is None else to_location(best[2], best[3].near, best[3].region)


def border_location(gazetteer: Gazetteer, iso3_a: str | None, iso3_b: str | None
                    ) -> Location | None:
    """A cross-border event between two neighbours is placed on their border."""
    if not iso3_a or not iso3_b or iso3_a == iso3_b:
        return None
    record = gazetteer.border(iso3_a, iso3_b)
    return to_location(record) if record else None
