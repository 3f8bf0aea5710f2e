"""Places: where an event happened, as the dataset records it."""

from __future__ import annotations

from dataclasses import dataclass


# Not frozen: a frozen dataclass sets each of its twelve fields through object.__setattr__,
# which made building one a fifth of choosing an event's place. Hashed as if frozen, and
# read only: nothing assigns to one (a changed place is a new one, `dataclasses.replace`).
@dataclass(slots=True, unsafe_hash=True)
class Location:
    """A place with ACLED's geo precision (1 a town or point, 2 near a town or part of a
    region, 3 a region, province or country only); `border_iso3` names the two states of a
    border ("AFG-PAK")."""

    name: str
    admin1: str | None
    country: str
    iso3: str
    latitude: float
    longitude: float
    precision: int
    border_iso3: str | None = None
    admin2: str | None = None  # the district, where the gazetteer has it
    admin3: str | None = None
    ascii_name: str | None = None  # the name in ASCII letters (joins with other lists)
    text: str | None = None  # the name as the article writes it
