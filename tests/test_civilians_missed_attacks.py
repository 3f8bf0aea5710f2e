"""Violence against civilians (issue 13): the families of attacks the coder missed.
Sentences written here, several per rule, with hard negatives.

- doers news does not know: "unknown men", "miscreants", "bandits" (types/assailants.yaml);
- the subject of a violent passive with no agent is its target (rules/candidates.py,
  `passive_auxiliaries`); the passive's agent a word or two after `by` ("by a group of
  assailants", "by members of the border force"), so that the subject is the victim
  (types/assailants.yaml);
- beatings told in the passive, deaths in custody, acid, slayings, executions, shootings
  and targeted killings (types/civilians.yaml);
- the police alone in an attack on someone are its doer, not a crowd's opponent, and a
  party's members who kill someone attack a civilian (rules/crowds.py);
- a body found: the cues of weapons found drop no attack, and whoever found the body is
  not its doer (types/assailants.yaml, `found_triggers`, rules/yields.py);
- people burnt are people harmed (`harm_words`); foreign nationals are civilians;
- "under Kotwali police station" names a place, not the police as the target
  (resolve/victims.py, `station_words`, `station_openers`).
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- doers news does not know ----------------------------------------------------------
    ("Bandits killed three villagers in Zamfara on Sunday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Nigeria)",
           actor2="Civilians (Nigeria)", fatalities=3)]),
    ("Miscreants killed a shopkeeper in Rajshahi on Sunday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)")]),
    # hard negatives: the same words, no violence
    ("Unknown men were seen near the market in Lucknow on Monday.", []),
    ("Bandits are a growing worry for farmers in Zamfara, officials said.", []),
    # --- the passive's agent after a word or two more than "by" ----------------------------
    ("In Chittagong on Tuesday a Jubo League activist was shot dead by a gang of masked "
     "assailants.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)", assoc_actor_2="JL: Jubo League")]),
    ("Two Bangladeshi nationals were shot dead by members of the Indian Border Security "
     "Force at the border on Friday.",
     [dict(event_type=ATTACK, actor1="Military Forces of India")]),
    # hard negative: armed victims make a clash, whatever the agent's words
    ("Two policemen were shot dead by a group of militants in Peshawar on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    # --- the subject of a passive with no agent is the target, not the doer ---------------
    ("A traffic policeman was shot dead at a crossing in Peshawar late on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    ("A soldier was gunned down near a market in Kampot on Sunday.",
     [dict(event_type="clash", actor2="Military Forces of Cambodia")]),
    ("A Jubo League leader was shot dead at his shop in Chittagong on Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    # hard negatives: an active verb; a passive that is no violence keeps its subject
    ("Militants shot dead a policeman in Peshawar on Sunday.",
     [dict(event_type="clash", actor1="Unidentified Armed Group (Pakistan)")]),
    ("Troops were deployed in Swat on Monday.",
     [dict(event_type="group_change", actor1="Military Forces of Pakistan")]),
    # --- beatings, custody, acid, executions, shootings ------------------------------------
    ("A vendor was beaten by policemen in Lahore on Monday.",
     [dict(event_type=ATTACK, actor1="Police Forces of Pakistan")]),
    ("A detainee died in police custody in Lucknow on Tuesday.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Two men threw acid on a schoolgirl in Multan on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Pakistan)")]),
    ("Militants executed a schoolteacher in a village in Kunar on Monday.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Two refugees were killed in a shooting at a camp near Mae Sot on Monday.",
     [dict(event_type=ATTACK, fatalities=2)]),
    ("A lawyer died in a targeted killing in Quetta on Monday.",
     [dict(event_type=ATTACK)]),
    ("Gunmen shoot at two students in Nertiti.", [dict(event_type=ATTACK)]),
    ("Unidentified gunmen assassinate a retired judge near his home in Mogadishu.",
     [dict(event_type=ATTACK, actor2="Civilians (Somalia)")]),
    # hard negatives: the words in other senses
    ("Photographers shoot at dawn in Nairobi to catch the light.", []),
    ("The Kenyan national team beat Ghana 3-1 in a friendly in Nairobi on Friday.", []),
    ("Prices have beaten expectations in Karachi this year.", []),
    ("The detainee was produced in court in Lucknow on Tuesday.", []),
    ("Acid was spilled when a tanker overturned near Multan on Monday.", []),
    ("The court executed the order in Kabul on Monday.", []),
    ("The shooting range in Karachi reopened on Monday.", []),
    # --- the police alone in an attack on someone are its doer -----------------------------
    ("Police tortured to death a detained youth in Khulna on Sunday.",
     [dict(event_type=ATTACK, actor1="Police Forces of Bangladesh",
           actor2="Civilians (Bangladesh)")]),
    # hard negative: the police against a crowd stay the crowd's event
    ("Police fired tear gas at stone-throwing students in Khulna on Sunday.",
     [dict(event_type="riot")]),
    # --- a party's members who kill someone attack a civilian, they do not riot -----------
    ("A Trinamool worker was hacked to death by BJP supporters in Birbhum on Sunday.",
     [dict(event_type=ATTACK, actor1="BJP: Bharatiya Janata Party Militia",
           actor2="Civilians (India)")]),
    # hard negatives: a beating with no death is their riot; a mob's killing is mob violence,
    # one event
    ("BJP supporters attacked Trinamool workers in Birbhum on Sunday.",
     [dict(event_type="riot")]),
    # (a mob's killing is ACLED's violence against civilians: rules/crowds.py, _kills)
    ("A mob lynched a suspected thief in Comilla on Monday.",
     [dict(event_type="civilian_attack")]),
    # --- "under Kotwali police station" names where, not the police as a side ------------
    ("A retired ward councillor was assaulted by masked assailants under Kankarbagh "
     "police station of Patna on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("A shopkeeper was shot dead by miscreants under Kotwali police station in Dhaka on "
     "Monday.", [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    # hard negatives: the station attacked is the police's; policemen named beside it
    ("Unidentified militants attacked Kotwali police station in Dhaka on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    ("Two policemen were shot dead near Kotwali police station in Dhaka on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    # --- a body found ----------------------------------------------------------------------
    ("Police recovered the bullet-riddled body of a trader from a canal near Quetta on "
     "Monday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Pakistan)", fatalities=1)]),
    ("The bodies of two farmers with torture marks were found in a field near Quetta on "
     "Monday.", [dict(event_type=ATTACK, actor2="Civilians (Pakistan)")]),
    # hard negatives: weapons found, a body found with no mark of violence
    ("Two grenades were found near a school in Quetta on Monday.", []),
    ("Police recovered two pistols and a grenade from a house in Quetta on Monday.", []),
    ("The body of a fisherman was found on the beach near Karachi on Monday.", []),
    # --- people burnt are people harmed ----------------------------------------------------
    ("Attackers tossed a petrol bomb inside a crowded bus in Gazipur on Monday and nine "
     "passengers were burned.", [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    # hard negative: no one burnt (no attack on civilians: an unnamed doer's riot,
    # rules/crowd_property.py)
    ("Assailants threw a petrol bomb at an empty bus in Gazipur on Monday night.",
     [dict(event_type="riot")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_missed_attacks(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)
