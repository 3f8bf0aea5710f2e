"""The article country's speed-ups hold to plain versions: the gated searches
(`resolve.country.gated_finditer`) find what the plain searches find (the gate only skips
texts that hold none of the words every match needs); the one pass over an article's
mentions reads what the plain passes read; the memos of place names and sources give what
is worked out afresh."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.lexicon import PlaceRecord
from eventcoder.model.mentions import ActorRef, Mention, Payload, PlaceRef
from eventcoder.resolve import country
from eventcoder.resolve.country import (NO_COUNTRY, ArticleCountry, CountryReader,
                                        _currency_pattern, _ends_free, _place_facts,
                                        gated_finditer, screened_finditer, screens)

WORDS = ["tk", "taka", "rs", "kyats", "rupees", "afghanis"]
PATTERN = _currency_pattern(WORDS)
PIECES = st.sampled_from([*WORDS, "tk.", "500", "5,000", " ", "lakh", "stock", "ratka",
                          "rupee", "a", ".", "12 ", "crore", "\n", "afghanistan", "tkx", "m",
                          "_", "é", "\u0663", "kyatsi"])
CAPITAL_WORDS = ["the capital city", "the capital"]
CAPITAL = re.compile(r"\b(?:in|at|near)\s+(?:the capital city|the capital)\b")
CAPITAL_PIECES = st.sampled_from([*CAPITAL_WORDS, "in ", "at", " ", "near ", "s", "capitals",
                                  "the capital punishment", ".", "_", "é", "\n", "city"])


@settings(max_examples=500)
@given(st.lists(PIECES, max_size=12))
def test_the_gated_currency_search_finds_what_the_plain_one_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in gated_finditer(PATTERN, WORDS, text)]
    assert spans == [m.span() for m in PATTERN.finditer(text)]


@settings(max_examples=300)
@given(st.lists(CAPITAL_PIECES, max_size=10))
def test_the_gated_capital_search_finds_what_the_plain_one_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in gated_finditer(CAPITAL, CAPITAL_WORDS, text)]
    assert spans == [m.span() for m in CAPITAL.finditer(text)]


SCREENED_WORDS = [*WORDS, "kyat", "ratk", "stock"]  # "kyat" screens "kyats", "tk" "ratk"
SCREENED = _currency_pattern(SCREENED_WORDS)


@settings(max_examples=500)
@given(st.lists(st.one_of(PIECES, st.sampled_from(["kyat", "kyat ", "ratk 5", "5 stock"])),
                max_size=12))
def test_the_screened_currency_search_finds_what_the_plain_one_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in screened_finditer(SCREENED, screens(SCREENED_WORDS), text)]
    assert spans == [m.span() for m in SCREENED.finditer(text)]


@settings(max_examples=300)
@given(st.lists(st.one_of(CAPITAL_PIECES, st.sampled_from(["the national capital", "of "])),
                max_size=10))
def test_the_screened_capital_search_finds_what_the_plain_one_does(pieces: list[str]) -> None:
    words = [*CAPITAL_WORDS, "the national capital"]
    pattern = re.compile(r"\b(?:in|at|near|of)\s+(?:the national capital|the capital city|"
                         r"the capital)\b")
    text = "".join(pieces)
    spans = [m.span() for m in screened_finditer(pattern, screens(words), text)]
    assert spans == [m.span() for m in pattern.finditer(text)]


def test_screens_are_a_common_part_or_the_words_that_hold_no_other() -> None:
    assert screens(["the capital city", "the national capital", "the capital"]) == \
        {" capital": ("the capital", "the capital city", "the national capital")}
    assert screens(["kyats", "tk", "kyat", "taka"]) == \
        {"tk": ("tk",), "kyat": ("kyat", "kyats"), "taka": ("taka",)}
    assert screens(["ab", "abc", "bc"]) == {"ab": ("ab", "abc"), "bc": ("bc",)}
    assert screens(["xabcx", "abcd", "yabc"]) == {"abc": ("abcd", "yabc", "xabcx")}
    assert screens([]) == {}


def test_the_gate_is_not_blind() -> None:
    """A text with a currency beside an amount is searched; one with no currency word, or
    with one only inside a longer word ("afghanistan"), is skipped (and the plain search
    finds nothing there either)."""
    assert [m.group(0) for m in gated_finditer(PATTERN, WORDS, "paid tk 500 each")] == \
        ["tk 5"]
    assert [m.group(0) for m in gated_finditer(PATTERN, WORDS, "5,000 afghanis")] == \
        ["5,000 afghanis"]
    assert [m.group(0) for m in gated_finditer(PATTERN, WORDS, "a fee of tk500")] == ["tk5"]
    for text in ["paid 500 each", "afghanistan 500", "500 afghanistan"]:
        assert list(gated_finditer(PATTERN, WORDS, text)) == []
        assert _ends_free(text, "afghanis") is False


# -- the one pass over the mentions, and the memos of place names and sources -------------

# Sentences of the project's own, whose mentions make the pool the properties draw from:
# states, nationalities, a capital that is also a place ("Dhaka"), a group of one province,
# groups of several countries, a person, generic forces, provinces one or several countries
# share, towns.
POOL_TEXTS = [
    "Pakistani troops and Indian police met in Dhaka and Punjab.",
    "Shiv Sena workers clashed with Taliban fighters near Nangarhar.",
    "Rebels of the Lord's Resistance Army attacked Kampala; Modi spoke in Lahore.",
    "Bangladeshi and Nigerian police in Sindh and Jalalabad marched on Kano.",
    "DMK cadres and Sri Ram Sene members blocked the road.",
]
SOURCES = [None, "The Hindu", "Dawn", "Reuters", "Times of Malawi", "Invented Wire; The Hindu",
           "The Nation", "Assam Chronicle", ""]
FOLDED = ["", "paid tk 500 each", "in the capital on monday", "afghanistan 20,000 kyats"]


def _pool(coder: Coder) -> list[tuple[Payload, ...]]:
    pool: list[tuple[Payload, ...]] = []
    for text in POOL_TEXTS:
        folded = coder.folder.fold(text)
        pool.extend(m.payloads for m in coder.matcher.mentions(folded, 0, len(folded), text))
    return pool


def _plain_provinces(reader: CountryReader, key: str) -> list[PlaceRecord]:
    countries = reader.gazetteer.points_to(key)
    return [r for r in reader.gazetteer.candidates(key) if r.iso3 in countries and
            r.kind == "admin1"]


def _plain_actor_vote(reader: CountryReader, ref: ActorRef, votes: Counter[str]) -> bool:
    countries = reader._actors.get(ref.key, set()) - {""}
    if ref.kind in {"state", "adjective", "capital"}:
        votes[ref.key] += 4
    elif ref.kind in {"group", "group_adjective", "person"} and len(countries) == 1:
        votes[next(iter(countries))] += 3
    else:
        return False
    return True


def _plain_text_votes(reader: CountryReader, mentions: list[Mention]
                      ) -> tuple[Counter[str], list[PlaceRecord]]:
    """The text's votes and provinces as read before the one pass: a vote worked out for
    every mention, no memo."""
    votes: Counter[str] = Counter()
    admin1: list[PlaceRecord] = []
    seen: set[object] = set()
    for mention in mentions:
        if not (mention.of(ActorRef) or mention.of(PlaceRef)):
            continue
        actor = False
        for payload in mention.payloads:
            if isinstance(payload, ActorRef) and payload not in seen:
                seen.add(payload)
                actor = _plain_actor_vote(reader, payload, votes) or actor
        if actor:
            for ref in mention.of(PlaceRef):
                admin1.extend(_plain_provinces(reader, ref.key))
            continue
        for payload in mention.payloads:
            if isinstance(payload, PlaceRef) and payload not in seen:
                seen.add(payload)
                admin1.extend(_plain_provinces(reader, payload.key))
                if len(reader.gazetteer.points_to(payload.key)) == 1:
                    votes[next(iter(reader.gazetteer.points_to(payload.key)))] += 3
    return votes, admin1


def _plain_states_only(reader: CountryReader, mentions: list[Mention]) -> bool:
    return all(ref.kind in {"state", "adjective", "capital"} or
               reader._actors.get(ref.key, {""}) == {""}
               for m in mentions for ref in m.of(ActorRef)) and not any(
        reader.gazetteer.points_to(ref.key) for m in mentions for ref in m.of(PlaceRef)
        if not m.of(ActorRef))


def _plain_read(reader: CountryReader, mentions: list[Mention], folded: str,
                source: str | None) -> ArticleCountry:
    """The article's country as read before the one pass (three passes over the mentions,
    no memo, the currency and capital searched with no gate): the reference."""
    votes, admin1 = _plain_text_votes(reader, mentions)
    states = Counter(votes)
    for match in reader._currency.finditer(folded) if reader._currency else ():
        votes[reader._currencies[match.group("a") or match.group("b")]] += 2
    before = sum(votes.values())
    outlet = reader._source_votes(source)
    for iso3, weight in outlet.votes:
        votes[iso3] += weight
    if not votes:
        return NO_COUNTRY
    top = max(votes.items(), key=lambda kv: kv[1])[0]
    return ArticleCountry(
        top, frozenset(c for c, v in votes.items() if v >= votes[top]),
        next((r for r in admin1 if r.iso3 == top), None),
        reader._capital is not None and reader._capital.search(folded) is not None,
        tuple(votes.items()), votes == states and _plain_states_only(reader, mentions),
        sum(votes.values()) > before, _plain_group_province(reader, mentions, top),
        outlet.home if outlet.home is not None and outlet.home.iso3 == top else None)


def _plain_group_province(reader: CountryReader, mentions: list[Mention], top: str
                          ) -> PlaceRecord | None:
    for mention in mentions:
        for ref in mention.of(ActorRef):
            found = reader._group_homes.get(ref.key) \
                if ref.kind in {"group", "group_adjective", "person"} else None
            if found and found[0] == top and found[1]:
                unit = reader._admin1_named(top, found[1])
                if unit is not None:
                    return unit
    return None


@settings(max_examples=300, deadline=None)
@given(picks=st.lists(st.integers(0, 10**6), max_size=14), source=st.sampled_from(SOURCES),
       folded=st.sampled_from(FOLDED))
def test_the_one_pass_reads_what_the_plain_passes_read(coder: Coder, picks: list[int],
                                                      source: str | None, folded: str) -> None:
    """Any run of mentions (repeated, in any order: the second "Dhaka" votes as a place
    where the first voted as a capital) gives the plain read's country, votes, provinces,
    group province, outlet home and states-only flag."""
    pool = _pool(coder)
    mentions = [Mention.grouped(i, i + 1, pool[p % len(pool)]) for i, p in enumerate(picks)]
    reader = coder.countries
    assert reader.read(mentions, folded, folded, source) == \
        _plain_read(reader, mentions, folded, source)


def test_every_pair_of_mentions_reads_as_the_plain_passes_read(coder: Coder) -> None:
    """Each two phrases of the pool, the first repeated after the second, with no outlet
    or currency (where the states-only flag is read): as the plain read."""
    pool = list(dict.fromkeys(_pool(coder)))
    for first in pool:
        for second in pool:
            mentions = [Mention.grouped(i, i + 1, p) for i, p in enumerate([first, second,
                                                                           first])]
            assert coder.countries.read(mentions, "", "", None) == \
                _plain_read(coder.countries, mentions, "", None), (first, second)


@settings(max_examples=100, deadline=None)
@given(keys=st.lists(st.sampled_from(["punjab", "dhaka", "sindh", "nangarhar", "lahore",
                                      "kano", "jalalabad", "no such place"]), max_size=8),
       sources=st.lists(st.sampled_from(SOURCES), max_size=8))
def test_the_memos_give_what_is_worked_out_afresh(coder: Coder, keys: list[str],
                                                  sources: list[str | None]) -> None:
    """A place name's facts and a source's votes are what the plain functions give, the
    memo full (bounded to 3 here, so that it is also cleared) or empty."""
    reader = coder.countries
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(country, "_MEMO_SIZE", 3)
        patch.setattr(reader, "_places", {})
        patch.setattr(reader, "_outlets_seen", {})
        for key in keys:
            assert reader._place(key) == _place_facts(reader.gazetteer, key)
        for source in sources:
            assert reader._outlet(source) == reader._source_votes(source)
        assert len(reader._places) <= 3 and len(reader._outlets_seen) <= 3


def test_the_pool_holds_what_the_properties_need(coder: Coder) -> None:
    """The pool has a capital that is a place, groups of one province (two provinces of
    one country), a shared province."""
    pool = {p for payloads in _pool(coder) for p in payloads}
    assert {ActorRef("capital", "BGD"), PlaceRef("dhaka"), PlaceRef("punjab"),
            ActorRef("group", "shiv sena workers")} <= pool
    homes = {coder.countries._group_homes.get(p.key) for p in pool if isinstance(p, ActorRef)}
    assert {("IND", "Maharashtra"), ("IND", "Tamil Nadu"), ("IND", "Karnataka")} <= homes
