"""Violence against civilians: attacks the coder coded nothing for. Sentences
written here, several per rule, with hard negatives.

- harm told in the passive with the attack it came in ("a teacher was injured in an
  attack", "were wounded in a gun attack by unknown men") is an attack on the subject, by
  the passive's agent if one is named (types/civilians_hurt_in_attacks.yaml); soldiers so hurt are a
  clash; an animal's attack, "nobody was injured" and a blast ("a bomb attack", the
  explosions' words) are none; an agent's cue a few words before its group ("allegedly by
  a gang of robbers") makes that group the doer of the passive (rules/roles.py);
- the Fulani armed men of farmer-herder violence are ACLED's "Fulani Ethnic Militia
  (country)" (types/civilians_fulani_militia.yaml): the plural and the armed herders, never the bare
  word of a people or of a leader's community.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"
FULANI = "Fulani Ethnic Militia (Nigeria)"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- hurt in an attack ----------------------------------------------------------------
    ("A schoolteacher was injured in an attack by unknown assailants near Sirajganj on "
     "Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)", fatalities=0)]),
    ("Two rubber tappers were wounded in a gun attack in Narathiwat on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Thailand)")]),
    ("A shopkeeper was killed in a drive-by attack in Quetta on Friday evening.",
     [dict(event_type=ATTACK, actor2="Civilians (Pakistan)", fatalities=1)]),
    ("A union council chairman was wounded in an armed attack on his car in Mardan on "
     "Sunday.",
     [dict(event_type=ATTACK, actor2="Civilians (Pakistan)")]),
    # hard negatives: soldiers so hurt fight; animals; nobody hurt; a blast is the
    # explosions'; a word of attack that tells no harm
    ("Three soldiers were wounded in an attack by militants in Kupwara on Monday.",
     [dict(event_type="clash")]),
    ("A farmer was injured in an attack by a wild elephant in Sherpur on Monday.", []),
    ("Two herders were killed in an attack by leopards near Chitwan on Friday.", []),
    ("Two children were injured in an attack by stray dogs in Kasur on Sunday.", []),
    ("Nobody was injured in an attack on an empty office in Quetta on Friday.", []),
    ("Two passers-by were injured in a bomb attack in Quetta on Friday.",
     [dict(event_type="remote_explosive")]),
    ("The minister condemned every attack on journalists in Quetta on Friday.", []),
    # the agent's cue a few words before its group ("allegedly by a gang of"), too far for
    # the role: the group after the passive is its doer, the subject its target
    # (rules/roles.py, `_late_agent`)
    ("A cattle trader was hurt in an attack allegedly by a gang of unknown assailants "
     "near Jessore on Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    ("Two soldiers were wounded in an attack allegedly by a gang of masked men near "
     "Kupwara on Monday.",
     [dict(event_type="clash", actor1="Unidentified Armed Group (India)",
           actor2="Military Forces of India")]),
    # hard negatives: the active voice keeps its subject; "by" with no group near it
    ("Unknown assailants shot a cattle trader near the bus stand by the river in Jessore on "
     "Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    ("A schoolteacher was shot dead in front of the Kotwali police station in Jessore on "
     "Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    # --- Fulani armed men -------------------------------------------------------------------
    ("Fulani herdsmen attacked Agatu village in Benue State on Sunday, killing seven "
     "farmers.",
     [dict(event_type=ATTACK, actor1=FULANI, actor2="Civilians (Nigeria)", fatalities=7)]),
    ("Armed Fulanis raided a hamlet near Kafanchan in Kaduna State, killing four residents.",
     [dict(event_type=ATTACK, actor1=FULANI)]),
    ("A trader was wounded in an attack by suspected Fulani gunmen near Jos on Tuesday.",
     [dict(event_type=ATTACK, actor1=FULANI, actor2="Civilians (Nigeria)")]),
    ("Fulani herdsmen clashed with soldiers near Makurdi on Friday.",
     [dict(event_type="clash", actor1=FULANI)]),
    # hard negatives: a leader of the community, the people at a market
    ("A Fulani leader called for calm in Yola on Monday.", []),
    ("The Fulanis of the district held a cattle market in Yola on Monday.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_hurt_in_attacks(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary, versioned=True)


_VICTIMS = ["A shopkeeper", "Two farmers", "A schoolteacher"]
_HARM = ["injured", "wounded"]
_ATTACKS = ["an attack", "a gun attack", "an armed attack"]
_AGENTS = ["", " by unidentified gunmen", " by unknown assailants", " by a wild elephant",
           " by stray dogs"]


@given(st.sampled_from(_VICTIMS), st.sampled_from(_HARM), st.sampled_from(_ATTACKS),
       st.sampled_from(_AGENTS))
def test_hurt_in_an_attack_is_an_attack_on_civilians_unless_by_animals(
        coder, victims: str, harm: str, attack: str, agent: str) -> None:
    """"was wounded in a gun attack (by gunmen)" is one attack on civilians; by an animal,
    none."""
    aux = "was" if victims.startswith("A ") else "were"
    text = f"{victims} {aux} {harm} in {attack}{agent} in Peshawar on Monday."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    animal = "elephant" in agent or "dogs" in agent
    assert [r["event_type"] for r in rows] == ([] if animal else [ATTACK]), (text, rows)
    if not animal:
        assert rows[0]["actor2"] == "Civilians (Pakistan)", (text, rows)
