"""Violence against civilians, round 6 (issue 13): the families of attacks the coder took
for armed clashes. Sentences written here, several per rule, with hard negatives.

- a state named as the target only by its name, adjective or capital is its people, the
  civilians ("a Nepali national was shot dead", "a Kathmandu-bound bus"), never when a
  word of its forces or posts stands beside the name ("Nepali soldiers", "Indian border
  posts", "Border Guard Bangladesh") (resolve/victims.py, `_people_of`);
- a station named where the attack was may carry a name of a few words and "the" ("in
  front of Rampur Bazar police station", "of the Sadar police camp") (resolve/victims.py,
  `station_words`);
- a slaughter of people named beside it, throats cut told by the -ing form, a vehicle
  firebombed with people hurt (types/civilians.yaml, `harmless_triggers`).
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- a state named only by its name, adjective or capital is its people ---------------
    ("A Nepali national was shot dead by Indian border guards near Birgunj on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (Nepal)")]),
    ("A Bangladeshi teenager was shot to death by members of the Indian Border Security "
     "Force near the Hili border on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("A truck driver suffered burns when militants hurled a petrol bomb at his truck on "
     "the Dhaka-Sylhet highway on Wednesday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("A Japanese citizen was gunned down by unknown assailants in Rangpur on Saturday.",
     [dict(event_type=ATTACK, actor2="Civilians (Japan)")]),
    # hard negatives: the state's forces named beside its name stay a clash
    ("Nepali soldiers were shot at by smugglers near Birgunj on Friday.",
     [dict(event_type="clash", actor2="Military Forces of Nepal")]),
    ("Pakistani troops fired at Indian border posts in Poonch on Tuesday.",
     [dict(event_type="clash", actor2="Military Forces of India")]),
    ("A patrol of Border Guard Bangladesh was shot at by smugglers near Teknaf on "
     "Wednesday.", [dict(event_type="clash")]),
    ("Gunmen shot dead two Afghan soldiers in Kandahar on Monday.",
     [dict(event_type="clash", actor2="Military Forces of Afghanistan")]),
    # --- a station named where, with a name of a few words or "the" ------------------------
    ("Assailants hurled a petrol bomb at a bus in front of Rampur Bazar police station in "
     "Dhaka, injuring two passengers on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("A trader was stabbed to death near the Sadar police camp in Bogra on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    # hard negatives: the camp or station attacked is the police's
    ("Militants attacked the Sadar police camp in Bogra on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    ("Two constables were stabbed near Rampur Bazar police station in Dhaka on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    # --- slaughter, throats cut, firebombing ---------------------------------------------
    ("A Jubo League activist was slaughtered in Jessore on Thursday night.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Unidentified men slit their throats and dumped two traders near Malkangiri on "
     "Friday.", [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
    ("Two passengers were injured when a minibus was firebombed in Narayanganj on Monday.",
     [dict(event_type=ATTACK)]),
    # hard negatives: animals slaughtered; a vehicle firebombed with no one hurt
    ("Hundreds of goats were slaughtered for the feast in Jessore on Thursday.", []),
    ("An empty minibus was firebombed in Narayanganj on Monday night.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_violence_against_civilians_round6(coder, text: str, expected: list[dict[str, Any]]
                                           ) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)
