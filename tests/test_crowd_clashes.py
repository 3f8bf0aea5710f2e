"""A country's convention (rules/crowd_communal.py, types/riots_clashes.yaml): in India and
Nepal ACLED's coders call a clash a riot unless an armed group fights in it or the text
tells arms; elsewhere the same words stay a battle. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import scaled

PUBLISHED = "2015-06-10"

# sentence, (ACLED event type, actor1, actor2) of the one event coded
TABLE: list[tuple[str, tuple[str, object, object]]] = [
    # --- no side named, or none armed, in India or Nepal: Rioters ---------------------
    ("Clashes broke out in Meerut on Tuesday over the route of a temple procession.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    ("Two neighbouring families clashed in Sitamarhi on Sunday over a boundary wall.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    ("Members of two wrestling clubs clashed in Rohtak on Sunday.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    ("Clashes broke out at a fair in Aligarh on Sunday after a cricket match.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    # a force named: Rioters against it
    ("More than 20 people were hurt in clashes with security personnel in Dhangadhi on "
     "Sunday.", ("Riots", "Rioters (Nepal)", "Military Forces of Nepal")),
    # --- hard negatives ----------------------------------------------------------------
    # the same words where ACLED's coders call such a fight a battle
    ("Clashes broke out in Sylhet on Monday over the control of a bazaar.",
     ("Battles", None, None)),
    ("Two neighbouring families clashed in Sargodha on Sunday over a boundary wall.",
     ("Battles", None, None)),
    # arms told, an armed group, two states' forces, one side's fire
    ("Clashes broke out in Meerut on Tuesday and several shots were fired.",
     ("Battles", None, None)),
    ("Two families clashed in Meerut on Tuesday and a gunfight followed.",
     ("Battles", None, None)),
    ("Militants clashed with troops in Kupwara on Monday.",
     ("Battles", "Unidentified Armed Group (India)", "Military Forces of India")),
    ("Indian and Nepali border guards clashed near Raxaul on Monday.",
     ("Battles", "Military Forces of India", "Military Forces of Nepal")),
    ("A head constable was fired upon near the district court in Bareilly on Monday.",
     ("Battles", None, "Police Forces of India")),
    ("A jawan was shot dead near the fence in Poonch on Monday.",
     ("Battles", None, "Military Forces of India")),
    ("Unidentified men shot at a constable in Bareilly on Monday.",
     ("Battles", "Unidentified Armed Group (India)", "Police Forces of India")),
]


def _none(value: object) -> object:
    return None if value != value else value  # NaN -> None


@pytest.mark.parametrize("sentence, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_clashes_follow_the_country(coder, sentence: str,
                                    expected: tuple[str, object, object]) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    rows = [(r.acled_event_type, _none(r.actor1), _none(r.actor2)) for r in events.itertuples()]
    assert rows == [expected], events[["event_type", "rule"]].to_dict("records")


# -- property ------------------------------------------------------------------------------

RIOT_PLACES = ["Meerut", "Rohtak", "Sitamarhi", "Aligarh", "Dhangadhi"]
BATTLE_PLACES = ["Sylhet", "Sargodha"]
OPENINGS = ["Clashes broke out in {place} on Tuesday",
            "Two neighbouring families clashed in {place} on Sunday"]
ENDINGS = [(".", False), (" over a boundary wall.", False),
           (" and several shots were fired.", True), (" and a gunfight followed.", True)]


@scaled(30)
@given(place=st.sampled_from(RIOT_PLACES + BATTLE_PLACES), opening=st.sampled_from(OPENINGS),
       ending=st.sampled_from(ENDINGS))
def test_a_clash_is_a_riot_only_where_the_coders_say_and_unarmed(
        place: str, opening: str, ending: tuple[str, bool]) -> None:
    """A clash that names no side is a riot exactly when it is placed in India or Nepal and
    its sentence tells no arms; else a battle."""
    from tests.conftest import shared_coder

    tail, armed = ending
    events = shared_coder().code_texts([opening.format(place=place) + tail],
                                       published=PUBLISHED)
    riot = place in RIOT_PLACES and not armed
    assert events["acled_event_type"].tolist() == ["Riots" if riot else "Battles"], \
        events[["event_type", "rule"]].to_dict("records")


# -- an unplaced clash takes the country of its state or article ---------------------------

def _pending(coder, sentence: str, event_type: str, place: object = None,
             organs: tuple[tuple[int, str], ...] = ()) -> object:
    from eventcoder.context import Pending
    from eventcoder.model.records import EventRecord

    spec = coder.types[event_type]
    record = EventRecord("d", 0, 0, len(sentence), sentence, "clash", 0, 5, event_type,
                         spec.acled_event_type, spec.acled_sub_event_type, "occurred", [],
                         place=place)
    return Pending(record, spec.structure, spec.default_organ, False, organs)


@pytest.mark.parametrize("iso3, riot", [("NPL", True), ("IND", True), ("BGD", False)])
def test_an_unplaced_clash_takes_the_article_country(coder, iso3: str, riot: bool) -> None:
    """"... were injured in the clash" with the police of no state named, the article's
    crowd placed in the country: a riot where the country's coders say so."""
    from eventcoder.model.places import Location
    from eventcoder.rules.crowd_communal import communal_riots

    placed = _pending(coder, "Farmers rallied in the town.", "protest",
                      Location("Town", None, "Country", iso3, 0.0, 0.0, 1))
    clash = _pending(coder, "Ten people were injured in the clash.", "clash",
                     organs=((1, "police"),))
    communal_riots([placed, clash], coder.types, coder.book)  # type: ignore[list-item]
    record = clash.record  # type: ignore[attr-defined]
    assert (record.acled_event_type == "Riots") == riot, record.rules
    if riot:
        assert (record.side1.name, record.side2.organ) == (
            f"Rioters ({coder.book.countries[iso3].name})", "police")


def test_the_police_and_army_left_to_place_are_one_state(coder) -> None:
    """"Youths clashed with the police and paramilitary troopers", no state named: the
    forces of the event's one country, against the crowd (two states' forces are a
    battle: the table above)."""
    from eventcoder.model.places import Location
    from eventcoder.rules.crowd_communal import communal_riots

    place = Location("Town", None, "India", "IND", 0.0, 0.0, 1)
    clash = _pending(coder, "Hundreds clashed with the police and troopers.", "clash", place,
                     organs=((0, "police"), (1, "military")))
    communal_riots([clash], coder.types, coder.book)  # type: ignore[list-item]
    record = clash.record  # type: ignore[attr-defined]
    assert record.acled_event_type == "Riots", record.rules
    assert record.side2.organ == "police"
