"""Golden tables: sentences (our own) and the events a careful coder finds in them.

Each expected event lists only the fields it pins down. `sides` is the set of actor1/actor2
codes, a state by its ISO code and any other actor by its name.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

PUBLISHED = "2026-03-06"  # a Friday

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- clashes -----------------------------------------------------------------------
    ("Pakistan and Afghanistan exchanged heavy fire along the border on Thursday.",
     [dict(event_type="clash", status="occurred", sides={"PAK", "AFG"},
           location="Pakistan-Afghanistan border", event_date="2026-03-05", time_precision=1,
           fatalities=0)]),
    ("Sudanese army troops clashed with the Rapid Support Forces near El Fasher on Tuesday, "
     "killing at least 14 fighters.",
     [dict(event_type="clash", sides={"SDN", "RSF: Rapid Support Forces"}, location="El Fasher",
           iso3="SDN", geo_precision=2, event_date="2026-03-03", fatalities=14)]),
    ("Colombian soldiers and ELN guerrillas exchanged fire in Catatumbo on Sunday.",
     [dict(event_type="clash", sides={"COL", "ELN: National Liberation Army"}, location="Catatumbo",
           event_date="2026-03-01")]),
    ("Gunmen killed four policemen near Dera Ismail Khan on Monday.",
     [dict(event_type="clash", actor1="Unidentified Armed Group (Pakistan)", fatalities=4,
           location="Dera Ismail Khan", geo_precision=2, event_date="2026-03-02")]),
    ("Pakistani troops killed 12 militants in North Waziristan and five more in Khyber, "
     "the army said.",
     [dict(event_type="clash", actor1="Military Forces of Pakistan", location="North Waziristan",
           fatalities=12),
      dict(event_type="clash", actor1="Military Forces of Pakistan", location="Khyber",
           fatalities=5)]),
    ("Afghan and Pakistani forces clashed at the Torkham crossing for a second day.",
     [dict(event_type="clash", sides={"AFG", "PAK"}, location="Torkham", geo_precision=1)]),
    # --- airstrikes --------------------------------------------------------------------
    ("The Saudi-led coalition carried out airstrikes on Houthi positions in Hodeidah on "
     "Wednesday.",
     [dict(event_type="airstrike", actor1="Military Forces of Saudi Arabia",
           actor2="Houthi Movement", location="Hodeidah", iso3="YEM", event_date="2026-03-04")]),
    ("Russian drones struck Kharkiv overnight, killing three civilians.",
     [dict(event_type="airstrike", actor1="Military Forces of Russia", location="Kharkiv",
           fatalities=3)]),
    ("Myanmar's military bombed a village in Rakhine State last week, killing 11 people.",
     [dict(event_type="airstrike", actor1="Military Forces of Myanmar", iso3="MMR",
           geo_precision=3, time_precision=2, event_date="2026-02-23", fatalities=11)]),
    ("Kabul said Pakistani jets struck targets in Paktika province, killing dozens of civilians.",
     [dict(event_type="airstrike", actor1="Military Forces of Pakistan", location="Paktika",
           geo_precision=3, fatalities=12)]),
    ("Saudi Arabia accused the Houthis of launching drone attacks on Jeddah.",
     [dict(event_type="airstrike", status="alleged", actor1="Houthi Movement", location="Jeddah")]),
    # --- ceasefires --------------------------------------------------------------------
    ("The ceasefire brokered by Qatar and Egypt between Israel and Hamas took effect on "
     "January 19, 2025.",
     [dict(event_type="ceasefire", status="occurred", sides={"ISR", "Hamas Movement"},
           mediators={"QAT", "EGY"}, event_date="2025-01-19", time_precision=1)]),
    ("The UN urged both sides to agree a humanitarian truce in Darfur.",
     [dict(event_type="ceasefire", status="called_for")]),
    ("A truce between Thailand and Cambodia collapsed on Monday after renewed shelling.",
     [dict(event_type="ceasefire", status="failed", sides={"THA", "KHM"},
           event_date="2026-03-02")]),
    # --- negotiations ------------------------------------------------------------------
    ("Ukraine and Russia will hold a new round of talks in Istanbul next week.",
     [dict(event_type="negotiation", status="planned", sides={"UKR", "RUS"},
           location="Istanbul", iso3="TUR", time_precision=2, event_date="2026-03-09")]),
    ("Talks between the Colombian government and the ELN collapsed in January 2025.",
     [dict(event_type="negotiation", status="failed",
           sides={"COL", "ELN: National Liberation Army"}, event_date="2025-01-01",
           time_precision=3)]),
    ("Delegations from Armenia and Azerbaijan met in Abu Dhabi on Saturday for peace talks "
     "hosted by the United Arab Emirates.",
     [dict(event_type="negotiation", status="occurred", sides={"ARM", "AZE"},
           mediators={"ARE"}, location="Abu Dhabi", event_date="2026-02-28")]),
    # --- mediation offers --------------------------------------------------------------
    ("Oman offered to mediate between Saudi Arabia and the Houthis.",
     [dict(event_type="mediation_offer", mediators={"OMN"}, sides={"SAU", "Houthi Movement"})]),
    ("Türkiye said it was ready to mediate between Kabul and Islamabad.",
     [dict(event_type="mediation_offer", mediators={"TUR"}, sides={"AFG", "PAK"})]),
    ("Turkey urged Pakistan and Afghanistan to return to the negotiating table.",
     [dict(event_type="mediation_offer", mediators={"TUR"}, sides={"AFG", "PAK"})]),
    ("Foreign Minister Hakan Fidan said Ankara was ready to host talks between Kabul and "
     "Islamabad.",
     [dict(event_type="mediation_offer", mediators={"TUR"}, sides={"AFG", "PAK"})]),
    # --- roles -------------------------------------------------------------------------
    ("Three policemen were killed by Taliban militants in Kandahar in June 2019.",
     [dict(event_type="clash", sides={"AFG", "Taliban"}, fatalities=3, time_precision=3,
           location="Kandahār")]),  # before 2021-08-15 the Taliban are a rebel group
    ("The Afghan government and the Taliban held talks in Doha in September 2020.",
     [dict(event_type="negotiation", sides={"AFG", "Taliban"}, location="Doha")]),
    ("Delegations from Kabul and Islamabad met under Turkish facilitation in Istanbul on "
     "Saturday.",
     [dict(event_type="negotiation", sides={"AFG", "PAK"}, mediators={"TUR"},
           location="Istanbul", event_date="2026-02-28")]),
    ("Erdogan met Sharif in Baku on Saturday.", []),
    ("Pakistan's army said militants attacked a checkpoint in North Waziristan, killing two "
     "soldiers.",
     [dict(event_type="clash", sides={"PAK", "Unidentified Armed Group (Pakistan)"},
           fatalities=2)]),
    ("The talks between Sudan's army and the RSF stalled in Jeddah last month.",
     [dict(event_type="negotiation", status="failed", sides={"SDN", "RSF: Rapid Support Forces"},
           location="Jeddah", time_precision=3, event_date="2026-02-01")]),
    ("Norway and Cuba are preparing to host a new round of talks between Colombia and the ELN.",
     [dict(event_type="negotiation", status="planned", mediators={"NOR", "CUB"},
           sides={"COL", "ELN: National Liberation Army"})]),
    ("Israel and Hamas agreed to extend the truce brokered by Qatar and Egypt.",
     [dict(event_type="ceasefire", status="occurred", sides={"ISR", "Hamas Movement"},
           mediators={"QAT", "EGY"})]),
    ("Russia and Ukraine were scheduled to meet in Istanbul on Monday.",
     [dict(event_type="negotiation", status="planned", event_date="2026-03-09")]),
]

NON_EVENTS = [
    "No clashes were reported along the border overnight.",
    "Officials denied that any airstrike took place in Kandahar.",
    "Analysts warned of the risk of renewed fighting in Darfur.",
    "Militant groups often launch attacks from the mountains.",
    "Talks could resume if both governments agree on a monitoring mechanism.",
    "Also Read: Apple Cuts iPhone Air Output After Weak Sales",
    "The talks were described as difficult.",
    "Kabul has never carried out airstrikes on its neighbours.",
    "It is not true that Afghanistan and Angola held talks.",
    "Officials of the two cricket boards held talks in Dubai on Tuesday.",
    "The two ministers clashed over budget priorities at a cabinet meeting.",
    "Ukraine's finance ministry said talks with bondholders were progressing.",
    "Continued dialogue between the neighbours is essential for peace.",
]


def _code(value: Any, iso3: Any, inter: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return iso3 if inter == 1 and " of " in value else value  # a state organ, or a group


def _check(event: dict[str, Any], expected: dict[str, Any]) -> None:
    for key, want in expected.items():
        if key == "sides":
            got = {c for c in (_code(event["actor1"], event["actor1_iso3"], event["inter1"]),
                               _code(event["actor2"], event["actor2_iso3"], event["inter2"])) if c}
        elif key == "mediators":
            got = set(event["mediators_iso3"])
        elif key == "event_date":
            got = None if pd.isna(event[key]) else pd.Timestamp(event[key]).strftime("%Y-%m-%d")
        else:
            got = event[key]
        assert got == want, f"{key}: expected {want!r}, got {got!r}"


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_golden_sentence(coder, sentence: str, expected: list[dict[str, Any]]) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED).to_dict("records")
    assert len(events) == len(expected), [(e["event_type"], e["rule"]) for e in events]
    for event, want in zip(events, expected):
        _check(event, want)


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_non_events(coder, sentence: str) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    assert events.empty, events[["event_type", "rule"]].to_dict("records")


def test_every_event_records_its_rule_and_trigger(coder) -> None:
    events = coder.code_texts([c[0] for c in CASES], published=PUBLISHED)
    assert (events["rule"].str.startswith("trigger:")).all()
    for row in events.to_dict("records"):
        assert row["sentence"][row["trigger_start"] - row["sentence_start"]:
                               row["trigger_end"] - row["sentence_start"]] == row["trigger"]


def test_relative_dates_need_a_publication_date(coder) -> None:
    events = coder.code_texts(["Pakistan and Afghanistan exchanged fire on Thursday."])
    assert events["event_date"].isna().all()
    assert events["date_text"].tolist() == ["on Thursday"]
