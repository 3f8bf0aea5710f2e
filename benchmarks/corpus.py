"""A synthetic, news-like corpus of any size, for the benchmark.

Deterministic for a given seed and size. Names come from the bundled lexicon (states,
their adjectives and capitals, armed groups, office holders, curated places), so the coder
sees the actors and places it knows, at news-like rates:

- most articles are not about conflict (markets, weather, sport, politics); a quarter are;
- most sentences carry no event; trigger words also appear in their everyday senses
  ("trade talks", "a fire at a warehouse", "killed in a road accident");
- among conflict sentences some are negated, generic or hypothetical, as in real copy;
- dates ("on Thursday", "last week", "on 12 March"), numbers and tolls appear often.

Each article is one JSON line {"id", "text", "published", "source", "url"}; files hold
`docs_per_file` articles. A headline (a line without a full stop) counts as a sentence.

    python benchmarks/corpus.py 100000 /tmp/corpus      # 10^5 sentences
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.lexicon import load_lexicon

CONFLICT_ARTICLE_SHARE = 0.25   # articles about conflict
CONFLICT_SENTENCE_SHARE = 0.30  # share of a conflict article's sentences that are conflict copy
EVERYDAY_TRIGGER_SHARE = 0.04   # trigger words in their everyday sense, in any article
SOURCES = ["Wire Agency", "Daily Courier", "The Observer Post", "Metro News", "Global Herald"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "dozens of", "several", "at least 12", "more than 20", "11", "14", "27", "3"]


@dataclass
class Names:
    countries: list[tuple[str, str, str]]        # (name, adjective, capital)
    groups: list[str]
    people: list[str]
    places: list[str]
    towns: list[str]

    @classmethod
    def from_lexicon(cls) -> Names:
        lexicon = load_lexicon()
        countries = [(c.name, c.adjectives[0], c.capitals[0]) for c in lexicon.countries]
        groups = sorted({g.name for g in lexicon.groups})
        people = sorted({p.name for p in lexicon.people})
        places = sorted({p.name for p in lexicon.places if p.kind != "border"})
        towns = sorted({p.name for p in lexicon.places if p.kind in {"town", "crossing",
                                                                      "district"}})
        return cls(countries, groups, people, places, towns)


@dataclass
class CorpusInfo:
    folder: Path
    files: list[Path] = field(default_factory=list)
    articles: int = 0
    sentences: int = 0
    bytes: int = 0


class Writer:
    """Fills templates with names, numbers and dates drawn from a seeded generator."""

    def __init__(self, names: Names, rng: random.Random,
                 conflict_share: float = CONFLICT_ARTICLE_SHARE) -> None:
        self.n = names
        self.r = rng
        self.conflict_share = conflict_share

    # -- slots -----------------------------------------------------------------------------

    def country(self) -> tuple[str, str, str]:
        # News names a few states far more often than the rest.
        if self.r.random() < 0.6:
            return self.n.countries[self.r.randrange(min(30, len(self.n.countries)))]
        return self.r.choice(self.n.countries)

    def pair(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        a = self.country()
        b = self.country()
        while b == a:
            b = self.country()
        return a, b

    def date(self) -> str:
        kind = self.r.random()
        if kind < 0.45:
            return "on " + self.r.choice(WEEKDAYS)
        if kind < 0.6:
            return self.r.choice(["last week", "yesterday", "earlier this month", "this week",
                                  "late on " + self.r.choice(WEEKDAYS), "last month"])
        if kind < 0.85:
            return f"on {self.r.randint(1, 28)} {self.r.choice(MONTHS)}"
        return f"on {self.r.choice(MONTHS)} {self.r.randint(1, 28)}"

    def maybe_date(self, p: float = 0.5) -> str:
        return " " + self.date() if self.r.random() < p else ""

    def num(self) -> str:
        return self.r.choice(NUMBER_WORDS)

    def pct(self) -> str:
        return f"{self.r.randint(0, 12)}.{self.r.randint(0, 9)}"

    def money(self) -> str:
        return f"${self.r.randint(2, 900)} {self.r.choice(['million', 'billion'])}"

    def place(self) -> str:
        if self.r.random() < 0.5:
            return self.country()[2]  # a capital
        return self.r.choice(self.n.places)

    def person(self) -> str:
        return self.r.choice(self.n.people)

    def group(self) -> str:
        return self.r.choice(self.n.groups)

    # -- sentences --------------------------------------------------------------------------

    def attribution(self) -> str:
        """News hangs a source on many sentences; it lengthens them to news-like sizes."""
        if self.r.random() < 0.35:
            return self.r.choice([
                ", according to a statement posted on the ministry's website",
                ", two people familiar with the matter told reporters",
                ", a senior official said on condition of anonymity",
                ", the state news agency reported",
                ", the report said, adding that further details would follow"])
        return ""

    def neutral(self) -> str:
        text = self._neutral()
        return text[:-1] + self.attribution() + "." if text.endswith(".") else text

    def _neutral(self) -> str:
        (c, adj, cap), (c2, adj2, cap2) = self.pair()
        r = self.r
        templates = [
            lambda: f"{c}'s central bank held its benchmark rate at {self.pct()} percent"
                    f"{self.maybe_date()}, citing slowing inflation and weak demand for credit.",
            lambda: f"Shares in the country's largest lender rose {self.pct()} percent in "
                    f"{cap} trading after it reported quarterly profit of {self.money()}.",
            lambda: f"The {adj} prime minister is due to visit {cap2}{self.maybe_date(0.8)} to "
                    f"sign agreements on energy, ports and agriculture worth {self.money()}.",
            lambda: f"Officials in {self.place()} said {r.randint(40, 4000)} people had been "
                    f"moved to shelters after heavy rains flooded low-lying neighbourhoods.",
            lambda: f"Exports to {c2} grew by {self.pct()} percent in the first quarter, the "
                    f"statistics office said in a statement{self.maybe_date(0.3)}.",
            lambda: f"{self.person()} told reporters in {cap} that the budget would be "
                    f"presented to parliament{self.maybe_date(0.7)}.",
            lambda: f"Temperatures in {self.place()} are forecast to reach {r.randint(30, 48)} "
                    f"degrees this week, and the health ministry advised people to stay indoors.",
            lambda: f"The club signed the {adj} midfielder on a {r.randint(2, 5)}-year contract"
                    f"{self.maybe_date(0.4)}, ending months of speculation about his future.",
            lambda: "Analysts said the currency was likely to remain under pressure against the "
                    "dollar until the central bank's next meeting.",
            lambda: f"Tickets for the festival in {cap} went on sale{self.maybe_date(0.9)}, and "
                    f"organisers expect more than {r.randint(10, 90)},000 visitors.",
            lambda: f"The company employs about {r.randint(200, 9000)} people in {c} and plans "
                    f"to open a second plant near {cap2} next year.",
            lambda: f"Parliament passed the bill by {r.randint(100, 300)} votes to "
                    f"{r.randint(10, 99)}, sending it to the upper house for approval.",
            lambda: f"Farmers around {self.place()} said this year's wheat harvest was the best "
                    f"in {r.randint(3, 20)} years, helped by a mild winter.",
            lambda: f"The airline will add {r.randint(2, 14)} weekly flights between {cap} and "
                    f"{cap2} from {r.choice(MONTHS)}, it said in a statement.",
            lambda: f"{adj} and {adj2} officials signed a memorandum on student exchanges and "
                    f"cultural cooperation{self.maybe_date(0.5)}.",
            lambda: f"The ministry of education said {r.randint(2, 40)},000 new teachers would be "
                    f"hired before the start of the school year.",
            lambda: f"Inflation in {c} slowed to {self.pct()} percent in {r.choice(MONTHS)}, "
                    f"the lowest rate in {r.randint(2, 6)} years, data showed.",
            lambda: f"Rescue teams in {self.place()} were still searching for {r.randint(2, 30)} "
                    f"people missing after a landslide{self.maybe_date(0.6)}.",
            lambda: f"The opposition leader said the election commission should publish the "
                    f"results from all {r.randint(100, 900)} polling stations.",
            lambda: f"The {adj} national team beat {c2} {r.randint(1, 4)}-{r.randint(0, 3)} in "
                    f"a friendly in {cap}{self.maybe_date(0.7)}.",
            lambda: f"Oil prices rose after reports that {c} would cut output by "
                    f"{r.randint(100, 900)},000 barrels a day from next month.",
            lambda: f"The court in {cap} adjourned the hearing until {r.choice(MONTHS)} "
                    f"{r.randint(1, 28)} at the request of the defence.",
            lambda: "Residents complained that power cuts of up to eight hours a day had made "
                    "the summer heat unbearable.",
            lambda: f"A spokesman for the ministry said the new visa rules for {adj2} citizens "
                    f"would take effect in {r.choice(MONTHS)}.",
            lambda: f"The World Bank lowered its growth forecast for {c} to {self.pct()} percent, "
                    f"citing weaker exports and a drought.",
            lambda: f"Thousands of people attended the funeral of the {adj} poet in {cap}"
                    f"{self.maybe_date(0.5)}.",
        ]
        return r.choice(templates)()

    def everyday_trigger(self) -> str:
        """Trigger words in their everyday senses: no conflict event."""
        (_, adj, cap), (_, adj2, _) = self.pair()
        r = self.r
        templates = [
            lambda: f"{adj} and {adj2} trade ministers held talks in {cap} on tariffs and "
                    f"market access{self.maybe_date(0.6)}.",
            lambda: f"Fire crews in {self.place()} put out a fire at a textile warehouse"
                    f"{self.maybe_date(0.5)}; no one was hurt.",
            lambda: f"{r.randint(2, 9)} people were killed in a road accident near "
                    f"{self.place()}{self.maybe_date(0.7)}, police said.",
            lambda: "The coach said his side would attack from the first minute of the final.",
            lambda: f"Union leaders said the strikes at the port of {cap} would continue until "
                    f"wages were raised.",
            lambda: f"The central bank said discussions on the new currency rules with commercial "
                    f"lenders would resume{self.maybe_date(0.6)}.",
            lambda: "The minister called for dialogue with teachers' unions over the pension "
                    "reform.",
            lambda: f"The operation to repair the bridge over the river near {self.place()} "
                    f"will take {r.randint(2, 9)} months.",
        ]
        return r.choice(templates)()

    def conflict(self) -> str:
        """Conflict copy: events, and mentions that are negated, generic or hypothetical."""
        (c, adj, cap), (c2, adj2, _) = self.pair()
        r = self.r
        templates = [
            lambda: f"{adj} and {adj2} forces exchanged fire near {self.place()}"
                    f"{self.maybe_date(0.7)}, officials said, and {self.num()} soldiers were "
                    "killed.",
            lambda: f"{adj} jets struck {self.group()} positions near {self.place()}"
                    f"{self.maybe_date(0.7)}, killing {self.num()} fighters, the military said.",
            lambda: f"{c} and {c2} agreed to a ceasefire in {cap}{self.maybe_date(0.6)} after "
                    f"days of fighting along the border.",
            lambda: f"Delegations from {c} and {c2} held talks in {self.country()[2]}"
                    f"{self.maybe_date(0.6)}, a diplomatic source said.",
            lambda: f"{self.country()[0]} offered to mediate between {c} and {c2}, its foreign "
                    f"ministry said{self.maybe_date(0.4)}.",
            lambda: f"Militants from the {self.group()} ambushed a police convoy near "
                    f"{self.place()}{self.maybe_date(0.6)}, killing {self.num()} policemen.",
            lambda: f"No clashes were reported overnight in {self.place()}, residents said.",
            lambda: "Militant groups often launch attacks from the mountains on the other side "
                    "of the frontier.",
            lambda: f"Analysts warned that the risk of renewed fighting between {c} and {c2} "
                    f"remained high.",
            lambda: f"{self.person()} urged both sides to return to talks and respect the truce.",
            lambda: f"The {adj} army said its troops had killed {self.num()} insurgents in an "
                    f"operation near {self.place()}{self.maybe_date(0.6)}.",
            lambda: f"A drone strike on a market in {self.place()}{self.maybe_date(0.6)} killed "
                    f"{self.num()} civilians, according to local officials.",
            lambda: f"The two sides will meet again in {self.country()[2]}{self.maybe_date(0.8)}"
                    f" to discuss a monitoring mechanism for the ceasefire.",
            lambda: f"{adj} officials accused {c2} of carrying out airstrikes on villages near "
                    f"{self.place()}.",
        ]
        return r.choice(templates)()

    def headline(self, conflict: bool) -> str:
        (c, adj, cap), (c2, adj2, cap2) = self.pair()
        if conflict:
            return self.r.choice([f"{adj} and {adj2} forces clash on the border",
                                  f"{c} and {c2} to resume talks in {self.country()[2]}",
                                  f"Airstrikes kill {self.num()} in {self.place()}",
                                  f"Truce between {c} and {c2} holds for a second week"])
        return self.r.choice([f"{c} central bank holds rates steady",
                              f"Heatwave grips {cap} as temperatures soar",
                              f"{adj} exports climb for a third month",
                              f"New flights to link {cap} and {cap2}"])

    # -- articles ---------------------------------------------------------------------------

    def article(self, sentences: int) -> str:
        """An article of exactly `sentences` sentences: a headline and paragraphs."""
        conflict = self.r.random() < self.conflict_share
        lines = [self.headline(conflict), ""]
        paragraph: list[str] = []
        for _ in range(sentences - 1):
            roll = self.r.random()
            if conflict and roll < CONFLICT_SENTENCE_SHARE:
                paragraph.append(self.conflict())
            elif roll > 1 - EVERYDAY_TRIGGER_SHARE:
                paragraph.append(self.everyday_trigger())
            else:
                paragraph.append(self.neutral())
            if len(paragraph) >= self.r.randint(1, 3):
                lines.extend([" ".join(paragraph), ""])
                paragraph = []
        if paragraph:
            lines.append(" ".join(paragraph))
        return "\n".join(lines).rstrip() + "\n"


def articles(total_sentences: int, seed: int = 0, names: Names | None = None,
             conflict_share: float = CONFLICT_ARTICLE_SHARE) -> Iterator[tuple[dict, int]]:
    """(record, sentence count) pairs until exactly `total_sentences` sentences."""
    rng = random.Random(seed)
    writer = Writer(names or Names.from_lexicon(), rng, conflict_share)
    base = dt.date(2025, 1, 1)
    left = total_sentences
    number = 0
    while left > 0:
        size = min(left, max(2, int(rng.gauss(18, 6))))
        if left - size == 1:
            size += 1  # never leave a one-sentence remainder (a headline alone)
        published = base + dt.timedelta(days=rng.randrange(365))
        record = {"id": f"a{number:08d}", "text": writer.article(size),
                  "published": published.isoformat(), "source": rng.choice(SOURCES),
                  "url": f"https://news.example/{published:%Y/%m/%d}/{number}"}
        yield record, size
        left -= size
        number += 1


def generate(folder: str | Path, total_sentences: int, seed: int = 0,
             docs_per_file: int = 2000, conflict_share: float = CONFLICT_ARTICLE_SHARE
             ) -> CorpusInfo:
    """Write the corpus as JSON Lines files into `folder` (created); stream, never hold it.
    `conflict_share` is the share of articles about conflict (default 0.25)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    info = CorpusInfo(out)
    handle = None
    try:
        for record, size in articles(total_sentences, seed, conflict_share=conflict_share):
            if info.articles % docs_per_file == 0:
                if handle is not None:
                    handle.close()
                path = out / f"news-{info.articles // docs_per_file:05d}.jsonl"
                info.files.append(path)
                handle = path.open("w", encoding="utf-8")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)  # type: ignore[union-attr]
            info.articles += 1
            info.sentences += size
            info.bytes += len(record["text"].encode("utf-8"))
    finally:
        if handle is not None:
            handle.close()
    return info


if __name__ == "__main__":
    # The dense profile of conflict news (issue 16: about 38 % of sentences hold a trigger):
    # every article about conflict, CONFLICT_SHARE 1.
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python benchmarks/corpus.py SENTENCES FOLDER [CONFLICT_SHARE]")
    share = float(sys.argv[3]) if len(sys.argv) == 4 else CONFLICT_ARTICLE_SHARE
    result = generate(sys.argv[2], int(sys.argv[1]), conflict_share=share)
    print(f"{result.sentences} sentences in {result.articles} articles, "
          f"{result.bytes / 1e6:.1f} MB of text, {len(result.files)} files in {result.folder}")
