"""ACLED's taxonomy (issue 13, items 1-3): a type for each sub-event type of Battles,
Explosions/Remote violence, Violence against civilians and Strategic developments, ACLED's
hierarchy as fields of the types, and the columns every row carries.

The golden table is of sentences written here, several per sub-event type, with hard
negatives (negated, hypothetical, generic, near-miss words). Each expected event lists only
the fields it pins down; `none` means the sentence holds no event.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.acled.taxonomy import load_taxonomy
from eventcoder.lexicon import load_lexicon

from .conftest import scaled
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
CIVILIANS = {"always": True}

# (sentence, [expected events]): event_type and, where pinned, other columns.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- Battles: territory --------------------------------------------------------------
    ("Mozambican troops recaptured Palma from the insurgents on Tuesday.",
     [dict(event_type="territory_regained", acled_sub_event_type="Government regains territory",
           admin1="Cabo Delgado")]),
    ("The Libyan army regained control of Sirte after weeks of fighting.",
     [dict(event_type="territory_regained", actor1="Military Forces of Libya")]),
    ("Al-Shabaab fighters took control of Bulo Burde after government forces left.",
     [dict(event_type="territory_taken", acled_event_type="Battles",
           acled_sub_event_type="Non-state actor overtakes territory", actor1="Al Shabaab")]),
    # a capture by the state's forces regains territory, whatever the verb
    ("Nigerian troops captured the town of Bama from Boko Haram on Sunday.",
     [dict(event_type="territory_regained", actor1="Military Forces of Nigeria")]),
    # hard negatives: no place taken, or only a possibility
    ("Police captured three suspected robbers near Lahore on Monday.", []),
    ("The government said it could recapture Palma within weeks.", []),
    # --- Battles: armed clash ----------------------------------------------------------
    ("Insurgents ambushed an army patrol near Kidal on Friday, killing four soldiers.",
     [dict(event_type="clash", acled_sub_event_type="Armed clash",
           actor2="Military Forces of Mali", fatalities=4)]),
    # an armed group attacking police is an armed clash, not violence against civilians
    ("Unidentified gunmen opened fire at a police van near Quetta, wounding two officers.",
     [dict(event_type="clash", actor1="Unidentified Armed Group (Pakistan)",
           actor2="Police Forces of Pakistan", civilian_targeting=False)]),
    ("Two policemen were shot dead by militants in Peshawar on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    # two armed groups exchanging long-range fire: an armed clash, not shelling
    ("Two rival militias exchanged mortar fire across the river in Bentiu on Monday.",
     [dict(event_type="clash", location="Bentiu")]),
    # an air strike inside a ground battle is one Battles event
    ("Troops backed by air strikes clashed with Boko Haram fighters near Bama on Sunday.",
     [dict(event_type="clash",
           actor2="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")]),
    ("A clash between two groups of villagers over grazing land left three dead in Jos.",
     [dict(event_type="clash", fatalities=3)]),
    # --- Explosions/Remote violence ----------------------------------------------------
    ("Army artillery shelled rebel positions outside Laukkai on Wednesday.",
     [dict(event_type="shelling", acled_event_type="Explosions/Remote violence",
           acled_sub_event_type="Shelling/artillery/missile attack",
           actor1="Military Forces of Myanmar")]),
    ("Mortar shells fired by militants landed in a market in Mogadishu, killing five people.",
     [dict(event_type="shelling", fatalities=5)]),
    ("A roadside bomb struck a bus carrying wedding guests in Kunar, killing nine passengers.",
     [dict(event_type="remote_explosive", acled_sub_event_type="Remote explosive/landmine/IED",
           fatalities=9)]),
    ("Two soldiers were wounded when their vehicle hit a landmine near Kamouna.",
     [dict(event_type="remote_explosive")]),
    ("Attackers hurled a grenade at a police checkpoint in Srinagar on Thursday.",
     [dict(event_type="grenade", acled_sub_event_type="Grenade",
           actor2="Police Forces of India")]),
    ("A suicide bomber blew himself up outside a mosque in Maiduguri, killing 12 worshippers.",
     [dict(event_type="suicide_bombing", acled_sub_event_type="Suicide bomb", fatalities=12)]),
    ("Government forces carried out a chlorine gas attack on Douma, the rebels said.",
     [dict(event_type="chemical_weapon", acled_sub_event_type="Chemical weapon")]),
    # a bomb that kills a civilian is an explosion with a civilian target
    ("Gunmen threw a grenade into a crowded tea shop in Quetta, killing a shopkeeper.",
     [dict(event_type="grenade")]),
    ("No shelling was reported in Laukkai on Friday.", []),
    ("The army has carried out air strikes in the past.", []),
    ("Militants often plant roadside bombs along this highway.", []),
    # labour, not war (an anchored "strike" is otherwise an air strike)
    # a labour strike is no air strike: ACLED codes it as a protest
    ("Nurses went on strike against the government in Lahore on Monday.",
     [dict(event_type="protest", acled_event_type="Protests")]),
    ("Thousands of teachers began a hunger strike against the government in Dhaka.",
     [dict(event_type="protest", acled_event_type="Protests")]),
    # --- Violence against civilians ----------------------------------------------------
    ("Gunmen shot dead a schoolteacher in Pattani province on Saturday.",
     [dict(event_type="civilian_attack", acled_event_type="Violence against civilians",
           acled_sub_event_type="Attack", actor1="Southern Muslim Separatists (Thailand)",
           actor2="Civilians (Thailand)", civilian_targeting=True)]),
    ("Unidentified assailants hacked a shopkeeper to death in Khulna on Friday night.",
     [dict(event_type="civilian_attack", actor2="Civilians (Bangladesh)",
           civilian_targeting=True)]),
    ("Militants stormed a village in Borno and shot dead 14 villagers.",
     [dict(event_type="civilian_attack", actor2="Civilians (Nigeria)")]),
    # a civilian abducted and killed is one Attack
    ("Militants abducted and killed a tribal elder in South Waziristan.",
     [dict(event_type="civilian_attack", actor2="Civilians (Pakistan)")]),
    ("Armed men abducted five aid workers near Bambari on Monday.",
     [dict(event_type="abduction", acled_sub_event_type="Abduction/forced disappearance",
           civilian_targeting=True)]),
    ("Soldiers raped two women in a village near Minova, local officials said.",
     [dict(event_type="sexual_violence", acled_sub_event_type="Sexual violence",
           civilian_targeting=True)]),
    # a passive whose doer is named: the victim decides (a journalist, soldiers)
    ("A senior journalist was killed by unidentified gunmen in Tank on Monday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Pakistan)")]),
    ("A shopkeeper was attacked by armed men in Kano on Monday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Nigeria)")]),
    ("Two soldiers were killed by militants in Bannu on Monday.",
     [dict(event_type="clash", fatalities=2)]),
    # a toll of civilians with one armed side: an attack on them; killed in fighting: no
    ("Militants killed three villagers in Borno on Sunday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Nigeria)", fatalities=3)]),
    ("Three civilians were killed in fighting in Kidal.", []),
    ("The rebels threatened to abduct aid workers if the government refused to talk.", []),
    ("Boko Haram has for years abducted students across the north-east.", []),
    # --- Strategic developments --------------------------------------------------------
    ("Police arrested 40 opposition activists in Dhaka on Friday.",
     [dict(event_type="arrest", acled_event_type="Strategic developments",
           acled_sub_event_type="Arrests", disorder_type="Strategic developments",
           actor1="Police Forces of Bangladesh", civilian_targeting=False)]),
    ("Police denied that anyone had been arrested in Dhaka.", []),
    # a bomb defused is disrupted weapons use, not an explosion
    ("A bomb disposal squad defused an improvised explosive device near a market in Imphal.",
     [dict(event_type="disrupted_weapons", acled_sub_event_type="Disrupted weapons use")]),
    # drones shot down: disrupted weapons use
    ("Indian border guards shot down a drone near Jammu on Sunday.",
     [dict(event_type="disrupted_weapons", actor1="Military Forces of India")]),
    ("Fighters looted the offices of an aid agency in Bambari on Friday.",
     [dict(event_type="looting", acled_sub_event_type="Looting/property destruction")]),
    ("Rebel fighters withdrew from Kitchanga without a fight on Saturday.",
     [dict(event_type="territory_transfer",
           acled_sub_event_type="Non-violent transfer of territory")]),
    ("More than 200 fighters surrendered to the army in Borno on Monday.",
     [dict(event_type="group_change", acled_sub_event_type="Change to group/activity")]),
    ("The militants established a base in the forest near Sambisa.",
     [dict(event_type="base_established",
           acled_sub_event_type="Headquarters or base established")]),
    # an arrest in the course of an attack is part of the attack
    ("Gunmen shot dead a trader in Kano, and police later arrested two suspects there.",
     [dict(event_type="civilian_attack")]),
]


def _coded(coder, sentence: str) -> pd.DataFrame:
    return coder.code_texts([sentence], published=PUBLISHED)


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_taxonomy_sentence(coder, sentence: str, expected: list[dict[str, Any]]) -> None:
    rows = _coded(coder, sentence).to_dict("records")
    summary = [(r["event_type"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)


def test_every_acled_sub_event_type_of_the_four_event_types_has_a_type() -> None:
    taxonomy = load_taxonomy()
    types = load_lexicon().event_types
    have = {(t.acled_event_type, t.acled_sub_event_type) for t in types}
    for event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                       "Strategic developments"):
        for sub in taxonomy.event_types[event_type]:
            assert (event_type, sub) in have, sub
    disorder = {"Battles": "Political violence", "Explosions/Remote violence":
                "Political violence", "Violence against civilians": "Political violence",
                "Strategic developments": "Strategic developments"}
    for t in types:
        if t.acled_event_type in disorder:
            assert t.disorder_type == disorder[t.acled_event_type], t.id


def test_every_row_carries_the_codes_of_its_type(coder) -> None:
    sentences = [s for s, expected in CASES if expected]
    frame = coder.code_texts(sentences, published=PUBLISHED)
    for row in frame.to_dict("records"):
        spec = coder.types[row["event_type"]]
        assert (row["acled_event_type"], row["acled_sub_event_type"], row["disorder_type"],
                row["cameo"], row["plover"]) == (spec.acled_event_type, spec.acled_sub_event_type,
                                                 spec.disorder_type, spec.cameo, spec.plover)
        civilians = row["actor2"] is not None and str(row["actor2"]).startswith("Civilians")
        expected = spec.targeting == "always" or (spec.targeting == "target" and civilians)
        assert row["civilian_targeting"] == expected, row["sentence"]


def test_no_type_absorbs_a_type_that_absorbs_it() -> None:
    """The hierarchy is an order: two types absorbing each other would drop neither."""
    types = {t.id: t for t in load_lexicon().event_types}
    for t in types.values():
        for other in t.absorbs:
            assert t.id not in types[other].absorbs, (t.id, other)


# An air-strike clause added to a battle sentence never adds a second event (ACLED: an air
# strike inside a ground battle is the battle).
BATTLES = ["Government troops clashed with {group} fighters near {place} on Sunday",
           "Soldiers and {group} insurgents exchanged fire in {place} on Monday",
           "Heavy fighting broke out between the army and {group} in {place}"]
STRIKES = [", backed by air strikes", " as jets pounded the area", ", with drone strikes",
           " amid air raids"]


@scaled(20)
@given(battle=st.sampled_from(BATTLES), strike=st.sampled_from(STRIKES),
       group=st.sampled_from(["Boko Haram", "al-Shabaab", "ISWAP"]),
       place=st.sampled_from(["Bama", "Gwoza", "Kismayo", "Baidoa"]))
def test_an_air_strike_inside_a_battle_adds_no_event(battle: str, strike: str, group: str,
                                                      place: str) -> None:
    from .conftest import shared_coder

    coder = shared_coder()
    plain = battle.format(group=group, place=place) + "."
    with_strike = battle.format(group=group, place=place) + strike + "."
    before = _coded(coder, plain)
    after = _coded(coder, with_strike)
    assert len(after) <= max(len(before), 1), list(after["event_type"])
    assert set(after["acled_event_type"]) <= {"Battles"}, list(after["event_type"])
