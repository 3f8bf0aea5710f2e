"""The Coder: owns its lexicons, gazetteer and compiled matcher, and runs the stages in
order — read, segment, match, rules, resolve, context, table — over a batch of articles."""

from __future__ import annotations

import functools
import gc
import logging
import threading
import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .actors import ActorBook
from .context import Pending, apply_context, merge_mentions, place_unplaced
from .documents import (Document, OnError, Skipped, documents_from_frame, documents_from_texts,
                        read_paths, unique_ids)
from .events import event_frame, event_row
from .headers import HeaderReader
from .lexicon import Gazetteer, LexiconWarning, PlaceRecord, load_lexicon
from .match import ActorRef, Matcher, Mention, TriggerRef
from .merge import MergeMode, check_mode, merge_rows
from .model.records import EventRecord
from .progress import Progress, progress_callback
from .resolve.clues import ClueReader
from .resolve.dates import PUBLISHED_RULE, DateFinder, DateResolver, date_from_publication
from .resolve.event import resolve_candidate
from .resolve.country import ArticleCountry, CountryReader
from .resolve.facts import PlaceWords, SentenceFacts
from .resolve.fatalities import TollFinder
from .rules.battle_parts import answered_shellings, told_in_battle
from .rules.candidates import candidates
from .rules.crowds import CROWD_TYPES, CrowdRules, merge_crowd_reports, name_associates
from .rules.cues import no_candidates
from .rules.followups import opening_sentence, told_first
from .rules.marks import Marks
from .rules.participants import SentenceDay, participants
from .rules.targets import civilian_target
from .rules.view import SentenceView
from .rules.yields import Telling, told_alone
from .rules.vocabulary import Vocabulary
from .schemas import validate_events
from .segment import Segmenter, Sentence, Span
from .text import Folder

log = logging.getLogger(__name__)


class Coder:
    """Codes articles into a validated event table.

    >>> coder = Coder()                                   # the bundled English lexicon
    >>> df = coder.code_texts(["Pakistan and Afghanistan exchanged fire on Thursday."],
    ...                       published="2026-02-27")
    >>> df.loc[0, ["event_type", "status"]].tolist()
    ['clash', 'occurred']
    >>> df.loc[0, ["actor1", "actor2"]].tolist()      # ACLED's names, with the regime's years
    ['Military Forces of Pakistan (2024-)', 'Military Forces of Afghanistan (2021-)']

    `Coder(extra_lexicons=["my_lexicon/"])` adds your own lexicon folders to the bundled one
    (see docs/lexicons.md); `Coder(lexicons=[...])` uses only yours.
    `Coder(regime_years=False)` names state forces without the years of the government in
    power ("Military Forces of Pakistan"); by default the lexicon's `regime_years` decides.

    Building compiles the lexicons (seconds); what it builds is kept in the user's cache
    folder, and the next Coder of the same lexicon files and settings is loaded from there
    (a fraction of a second), rebuilt when anything it was built from changed
    (`eventcoder.coder_cache`). `cache=False` builds afresh and writes nothing;
    `EVENTCODER_CODER_CACHE` names another folder, or ``off``.
    """

    def __init__(self, lexicons: Iterable[str | Path] | None = None, *,
                 extra_lexicons: Iterable[str | Path] = (), min_population: int = 5000,
                 regime_years: bool | None = None, cache: bool = True) -> None:
        from . import coder_cache
        from .lexicon.loader import BUNDLED

        folders = [*(list(lexicons) if lexicons is not None else [BUNDLED]), *extra_lexicons]
        settings = {"min_population": min_population, "regime_years": regime_years}
        # A subclass that builds otherwise is not what the cache holds.
        cache = cache and type(self)._build is Coder._build
        where = coder_cache.cache_folder() if cache else None
        key = coder_cache.cache_key(folders, settings) if where is not None else None
        state = None
        if where is not None and key is not None:
            state = coder_cache.load(coder_cache.path_of(where, key), key)
        if state is not None:
            self.__dict__.update(state)
            for warning in self.lexicon.warnings:  # as `load_lexicon` gives them
                warnings.warn(LexiconWarning(str(warning)), stacklevel=2)
            return  # collected as it was loaded
        self._build(folders, min_population, regime_years)
        if where is not None and key is not None:
            coder_cache.save(coder_cache.path_of(where, key), key, self.__dict__)
        # Building leaves ~800,000 objects (lexicon, gazetteer, automata) and the garbage of
        # building them; a full collection now spares the first batch coded one of its own
        # (0.25-0.3 s: 20 % of coding 2 * 10^4 dense sentences).
        gc.collect()

    def _build(self, folders: list[str | Path], min_population: int,
               regime_years: bool | None) -> None:
        self.lexicon = load_lexicon(folders)
        self.folder = Folder()
        self.gazetteer = Gazetteer(self.lexicon.countries, self.lexicon.places,
                                   self.lexicon.admin1_files, min_population,
                                   language=self.lexicon.language)
        self.matcher = Matcher(self.lexicon, self.gazetteer, self.folder)
        self.book = ActorBook(self.lexicon, self.folder, regime_years)
        self.countries = CountryReader(self.lexicon, self.gazetteer, self.matcher, self.folder)
        self.vocabulary = Vocabulary.from_lexicon(self.lexicon)
        self.place_words = PlaceWords.from_lexicon(self.lexicon)
        self.types = {t.id: t for t in self.lexicon.event_types}
        self.statuses = {s.id for s in self.lexicon.statuses}
        self._violent = frozenset(t.id for t in self.lexicon.event_types if t.violent)
        self.crowds = CrowdRules.from_lexicon(self.lexicon, self.folder)
        language = self.lexicon.language
        self.segmenter = Segmenter(language.segment)
        self.headers = HeaderReader(language.dates, language.segment)
        self.date_finder = DateFinder(language.dates, language.numbers)
        self.dates = DateResolver(language.dates, language.numbers)
        self.tolls = TollFinder(language.tolls, language.numbers)
        # The clues of a sentence both finders read, in one automaton pass, not two.
        self.clue_reader = ClueReader(self.tolls.needed, self.date_finder.clues)
        self.telling = Telling.of(language.rules)
        self.follow_up = frozenset(language.rules.follow_up_types)

    # -- public API ----------------------------------------------------------------------

    @property
    def metadata(self) -> dict[str, Any]:
        from . import __version__

        return {"eventcoder_version": __version__, "lexicon_hash": self.lexicon.digest,
                "event_types": sorted(self.types), "statuses": sorted(self.statuses)}

    def code_documents(self, documents: Iterable[Document],
                       progress: Progress = None, *,
                       skipped: Skipped | None = None, merge: MergeMode = "event"
                       ) -> pd.DataFrame:
        """Code documents into a validated event DataFrame. `skipped` is what the reader
        of `documents` passed by; its counts go on the result (see `table`). With
        ``merge="event"`` (the default) the articles that report one event give one row
        (`eventcoder.merge`); ``merge="article"`` keeps a row per article."""
        rows = list(self.iter_rows(documents, progress))
        if check_mode(merge) == "event":
            rows = merge_rows(rows)
        return self.table(rows, skipped)

    def code_texts(self, texts: Iterable[str] | str, published: Any = None,
                   ids: Iterable[Any] | None = None, on_error: OnError = "raise", *,
                   dayfirst: bool | None = None, merge: MergeMode = "event") -> pd.DataFrame:
        """Code strings; `published` applies to all of them (a date, an ISO string, epoch
        seconds: the rules of `eventcoder.published`; `dayfirst` reads 02/03/2026).
        `merge`: one row per event (default) or per article (`code_documents`)."""
        if isinstance(texts, str):
            texts = [texts]
        skipped = Skipped()
        return self.code_documents(documents_from_texts(texts, published, ids, on_error,
                                                        dayfirst=dayfirst, skipped=skipped),
                                   skipped=skipped, merge=merge)

    def code_files(self, paths: Iterable[str | Path] | str | Path, on_error: OnError = "raise",
                   progress: Progress = None, *,
                   dayfirst: bool | None = None, merge: MergeMode = "event") -> pd.DataFrame:
        """Code .txt and .jsonl files, or folders of them (which files are read, and the
        ids of .txt articles: `eventcoder.inputs`). `merge`: see `code_documents`."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        skipped = Skipped()
        return self.code_documents(read_paths(paths, on_error, dayfirst=dayfirst,
                                              skipped=skipped), progress, skipped=skipped,
                                   merge=merge)

    def code_frame(self, frame: pd.DataFrame, on_error: OnError = "raise", *,
                   dayfirst: bool | None = None, merge: MergeMode = "event") -> pd.DataFrame:
        """Code a DataFrame with columns id (or doc_id), text, and optional published,
        source, url (`eventcoder.schemas.ArticleSchema`). `merge`: see `code_documents`."""
        skipped = Skipped()
        return self.code_documents(documents_from_frame(frame, on_error, dayfirst=dayfirst,
                                                        skipped=skipped), skipped=skipped,
                                   merge=merge)

    def table(self, rows: list[dict[str, Any]], skipped: Skipped | None = None) -> pd.DataFrame:
        """The validated table of `rows`. Its ``attrs["eventcoder"]`` holds the coder's
        metadata and what the read passed by: ``skipped`` (articles skipped with
        ``on_error="skip"``) and ``files_skipped`` (files in folders not read, or empty);
        each was also warned with an `InputWarning`."""
        frame = event_frame(rows)
        valid = validate_events(frame, set(self.types), self.statuses or None)
        valid.attrs["eventcoder"] = {**self.metadata, **(skipped or Skipped()).counts()}
        return valid

    # -- the pipeline --------------------------------------------------------------------

    def iter_rows(self, documents: Iterable[Document],
                  progress: Progress = None) -> Iterator[dict[str, Any]]:
        """Rows of the events of `documents`, document by document. `progress`: a callback
        given 1 after each document, or True for a progress bar (`eventcoder.progress`)."""
        step, close = progress_callback(progress)
        try:
            # The readers already drop repeated ids; Documents made by hand are checked
            # here, as two articles with one id would share event ids and fail the schema.
            for document in unique_ids(documents):
                yield from self.code_document(document)
                if step is not None:
                    step(1)
        finally:
            close()

    def code_document(self, doc: Document) -> list[dict[str, Any]]:
        """Rows of the events of one document, in text order."""
        folded = self.folder.fold(doc.text)
        triggers = self.matcher.triggers(folded)
        if not triggers:
            return []
        doc = self._with_header(doc)
        spans, scanned = self._scan(doc, folded, triggers)
        pending: list[Pending] = []
        # The article's country is read only once a sentence has an event to place: most
        # articles have none, and reading it may read every sentence again.
        article = functools.cache(lambda: self._article_country(doc, folded, scanned))
        for sentence, mentions in scanned:
            pending.extend(self._code_sentence(doc, folded, sentence, mentions,
                                               lambda: article().pointed))
        if not pending:
            return []
        counts: list[Counter[str]] = []
        # every sentence of the article (the scan's reach the last trigger's line), segmented
        # at most once, only when a rule reads past it
        every = functools.cache(lambda: self.segmenter.spans(doc.text, doc.header_spans))

        def state_counts() -> Counter[str]:  # computed at most once, only when needed
            if not counts:
                counts.append(self._state_counts(doc, folded, every()))
            return counts[0]

        merged = merge_mentions(apply_context(pending, self.book, self.gazetteer, state_counts))
        # A state's forces act abroad as often as at home: an event with a state's side is
        # placed from the article only when its outlet tells the country, and with nothing
        # but states named, only crowds (which gather at home) are.
        place_unplaced(merged, lambda: self._article_place(doc, folded, article(), scanned),
                       lambda r: self._on_the_ground(r) and (
                           r.acled_event_type in CROWD_TYPES or not article().states_only and (
                               article().sourced or not _state_side(r))))
        # (the crowd rules first: they fold a force's arrests at a crowd into its event; then
        # the sequels, so that an opening's arrest a demonstration takes in still opens)
        crowds = merge_crowd_reports(merged, self.types, self.book, state_counts,
                                     self.crowds.denials)
        # (the sentences segmented for the scan reach every event's sentence)
        sequels = told_first(crowds, self.follow_up, self.telling.window,
                             lambda _: opening_sentence(spans, doc.text))
        answered_shellings(sequels, self.types, self.vocabulary,
                           lambda i: self.folder.fold(_following(every(), doc.text, i)))
        kept = told_in_battle(told_alone(sequels, self.types, self.telling), self.types,
                              self.vocabulary.blast_target_types, self.telling.window)
        # (after the yields: the crowd's bomb is no attack told beside a demonstration)
        kept = self.crowds.lethal_bombs(kept, self.types, self.book, folded)
        for item in kept:  # after the merge: a later sentence may have told the date
            self._finish(item.record, doc)
        return [event_row(p.record) for p in kept]

    def _scan(self, doc: Document, folded: str, triggers: list[Mention]
              ) -> tuple[list[Span], list[tuple[Sentence, list[Mention]]]]:
        """The sentences up to the line of the last trigger, and those that hold a
        trigger with their mentions. Sentences are (start, end, kind), a position being a
        sentence's index: a Sentence is made only of the few that hold a trigger."""
        spans = self.segmenter.spans(doc.text, doc.header_spans,
                                     until=max(m.start for m in triggers))
        starts = [start for start, _, _ in spans]
        chosen: set[int] = set()
        for mention in triggers:
            i = bisect_right(starts, mention.start) - 1
            if i >= 0 and spans[i][2] == "text" and mention.end <= spans[i][1]:
                chosen.add(i)
        # The article's sentences are scanned one after another, before any is analysed:
        # the large automaton is then still in the CPU's caches from one scan to the next.
        return spans, [(Sentence(i, spans[i][0], spans[i][1]),
                        self.matcher.mentions(folded, spans[i][0], spans[i][1], doc.text))
                       for i in sorted(chosen)]

    def _finish(self, record: EventRecord, doc: Document) -> None:
        """The record's date (the publication's when the text tells none), the units of its
        day, and its actors' ACLED names."""
        default = date_from_publication(record.event_date, doc.published)
        if default is not None:
            record.event_date, record.time_precision = default
            record.rules.append(PUBLISHED_RULE)
        # the units of the event's day (a former province, known once the date is)
        record.place = self.gazetteer.as_of(record.place, record.event_date)
        # named last: the rules and the context compare the plain names
        self.book.finish(record, self.types[record.event_type].violent)

    def _on_the_ground(self, record: EventRecord) -> bool:
        """Violence, crowds and one-sided acts (arrests, looting) happen where the article
        is; talks, truces and offers between sides are held elsewhere as often as not."""
        event_type = self.types[record.event_type]
        return event_type.violent or event_type.structure == "one_sided" or \
            record.acled_event_type in CROWD_TYPES

    def _article_country(self, doc: Document, folded: str,
                         scanned: list[tuple[Sentence, list[Mention]]]) -> ArticleCountry:
        """The article's country, from the sentences already scanned and its source; from
        every sentence when those point to none."""
        article = self.countries.read([m for _, mentions in scanned for m in mentions],
                                      folded, doc.text, doc.source)
        return article if article.top is not None else self._whole_article(doc, folded)

    def _whole_article(self, doc: Document, folded: str) -> ArticleCountry:
        return self.countries.read(self._every_mention(doc, folded), folded, doc.text,
                                   doc.source)

    def _every_mention(self, doc: Document, folded: str) -> list[Mention]:
        return [m for start, end, kind in self.segmenter.spans(doc.text, doc.header_spans)
                if kind == "text" for m in self.matcher.mentions(folded, start, end, doc.text)]

    def _article_place(self, doc: Document, folded: str, article: ArticleCountry,
                       scanned: list[tuple[Sentence, list[Mention]]]
                       ) -> tuple[PlaceRecord, int] | None:
        """Where an event the article does not place is (`CountryReader.place`): a town
        named in the sentences already scanned, else in any sentence of the article."""
        def named(top: str) -> PlaceRecord | None:
            town = self.countries.named_town((m for _, ms in scanned for m in ms), doc.text,
                                             top)
            return town or self.countries.named_town(self._every_mention(doc, folded),
                                                     doc.text, top)
        return self.countries.place(
            article, named, lambda top: self.countries.named_province(folded, doc.text, top))

    def _with_header(self, doc: Document) -> Document:
        """The document with its date line (never coded), whose date is the publication
        date when metadata gives none."""
        published, spans = self.headers.read(doc.text)
        if not spans:
            return doc
        return replace(doc, published=doc.published or published, header_spans=spans)

    def _code_sentence(self, doc: Document, folded: str, sentence: Sentence,
                       mentions: list[Mention], article: Callable[[], frozenset[str]]
                       ) -> list[Pending]:
        """The events of one sentence; `article()`: the countries the article points to,
        asked for only when the sentence has an event."""
        start, end = sentence.start, sentence.end
        text = folded[start:end]
        clues = self.clue_reader.read(text)
        tolls = self.tolls.find(text, start, clues)
        if not tolls and not any(_may_make_event(m) for m in mentions):
            return []
        view = SentenceView(folded, start, end, mentions, self.vocabulary)
        names = [(p.mention.start, p.mention.end) for p, _, _ in view.named]
        dates = self.date_finder.find(text, start, doc.text[start:end], names, clues)
        if dates:
            view.silence([(d.start, d.end) for d in dates])
        if no_candidates(view, self.vocabulary.drop_kinds):
            return []  # a cue drops every trigger: no candidate, whoever takes part
        # The tolls' token spans (for participants) and first tokens (for the rules).
        spans: list[tuple[int, int]] = []
        toll_tokens: list[int] = []
        token_at = view.tokens.token_at
        for toll in tolls:
            spans.append((token_at(toll.span_start), token_at(toll.span_end - 1)))
            toll_tokens.append(token_at(toll.start))
        # The day names are read on: without a date in the sentence, the publication day.
        day = SentenceDay(find=lambda: self._sentence_day(doc, dates)) if dates else \
            SentenceDay(doc.published)
        marks = Marks.read(view, self.vocabulary, self._violent)
        parts = participants(view, marks, self.book, self.gazetteer, self.vocabulary, day, spans)
        found = self.crowds.events(view, parts, candidates(view, parts, marks, self.types,
                                                          self.vocabulary, toll_tokens))
        if not found:
            return []
        facts = SentenceFacts.read(doc, sentence, view, parts, dates, tolls, self.place_words,
                                   sum(1 for c in found if c.event_type.violent))
        pointed = article()
        out = []
        for cand in found:
            for resolved in resolve_candidate(facts, cand, self.book, self.gazetteer, self.dates,
                                              self.types, pointed):
                event_type = self.types[resolved.record.event_type]  # retyped by its sides
                name_associates(resolved.record, cand.roles, self.book)
                civilian_target(resolved.record, cand.roles.sides[0] if cand.roles.sides
                                else None, view.words, parts, self.vocabulary, self.book)
                out.append(Pending(resolved.record, event_type.structure,
                                   event_type.default_organ, cand.roles.both_sides,
                                   resolved.unplaced_organs, resolved.on_border))
        return out

    def _sentence_day(self, doc: Document, dates: list[Any]) -> Any:
        """The day names are read on: the sentence's first date, else publication. The
        Taliban of "talks in Doha in September 2020" are not yet Afghanistan's state."""
        for mention in dates:
            resolved = self.dates.resolve(mention.text, doc.published, future=False)
            if resolved.date is not None:
                return resolved.date
        return doc.published

    def _state_counts(self, doc: Document, folded: str, spans: list[tuple[int, int, str]]
                      ) -> Counter[str]:
        """How often each state is named in the document's text sentences."""
        counts: Counter[str] = Counter()
        for start, end, kind in spans:
            if kind != "text":
                continue
            for mention in self.matcher.mentions(folded, start, end, doc.text):
                for ref in mention.of(ActorRef):
                    if ref.kind in {"state", "adjective", "capital"}:
                        counts[ref.key] += 1
        return counts


def _following(spans: list[Span], text: str, index: int) -> str:
    """The text of the sentence after sentence `index` ("" when there is none, or it is
    no sentence of the text: a header)."""
    if index + 1 >= len(spans) or spans[index + 1][2] != "text":
        return ""
    start, end, _ = spans[index + 1]
    return text[start:end]


def _state_side(record: EventRecord) -> bool:
    return any(a is not None and a.is_state for a in (record.side1, record.side2))


def _may_make_event(mention: Mention) -> bool:
    """Can this mention lead to an event in a sentence with no death toll?

    If no mention of such a sentence can, the rules make no candidate of it (see
    rules/candidates.py), so nothing more is read from it. With no actor named, no group of
    participants forms (a group is made of actor chunks; the view adds only cue words to
    the matcher's mentions); a weak trigger then has nothing to anchor it (no group, no
    toll), and a trigger that needs a pair finds none beside it.
    """
    groups = mention.groups
    if ActorRef in groups:
        return True
    return any(not (ref.weak or ref.needs_pair) for ref in groups.get(TriggerRef, ()))


def default_coder() -> Coder:
    """The Coder of the bundled lexicon that `code_texts` and `code_files` use when given
    none: built on the first call (or loaded from the cache, see `Coder`), then the same
    object for every call in this process (it holds ~300 MB for as long). Thread-safe:
    threads calling at once wait for the one that builds it."""
    with _DEFAULT_LOCK:
        return _default_coder()


@functools.cache
def _default_coder() -> Coder:
    return Coder()


# Held while the default Coder is looked up or built, so that it is built once.
_DEFAULT_LOCK = threading.Lock()


def code_texts(texts: Iterable[str] | str, published: Any = None,
               ids: Iterable[Any] | None = None, coder: Coder | None = None, *,
               on_error: OnError = "raise", dayfirst: bool | None = None,
               merge: MergeMode = "event") -> pd.DataFrame:
    """Code strings with `coder`, else the default Coder (`default_coder`: built once per
    process, then reused)."""
    return (coder or default_coder()).code_texts(texts, published, ids, on_error,
                                                 dayfirst=dayfirst, merge=merge)


def code_files(paths: Iterable[str | Path] | str | Path, on_error: OnError = "raise",
               coder: Coder | None = None, *, dayfirst: bool | None = None,
               merge: MergeMode = "event") -> pd.DataFrame:
    """Code .txt/.jsonl files or folders with `coder`, else the default Coder
    (`default_coder`)."""
    return (coder or default_coder()).code_files(paths, on_error, dayfirst=dayfirst,
                                                 merge=merge)
