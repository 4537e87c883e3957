"""Time resolution: find the time expressions of each sentence, resolve them in document order
(relative ones against the publication date, "that year" against the narrative context, fuzzy
anchors like "after the war" and "when" clauses against an anchor table learned from the
document) and give each event the expression that modifies it: the trigger's own dependents
first, then its clause, then its sentence. A sentence without one takes, in news, its
paragraph's last date or the publication date; in a history, the narrative time checked
against its tense (see :mod:`chronica.time.narrative` and docs/time-and-place.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Span, Token

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import DateResult, DateSpan, EventCandidate
from chronica.time.dateline import match_dateline
from chronica.time.grammar import Found, Refs, Resolution, resolve_found, scan
from chronica.time.narrative import (
    PRESENT_CUES,
    is_heading,
    point,
    present_cue,
    tense,
    when_clauses,
)

Mode = Literal["news", "history"]
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
_LEVELS = {1: "modifies", 2: "is in the clause of", 3: "is in the same sentence as"}
# Relative expressions that only news of the day uses.
_NEWS_PATTERNS = frozenset({"today", "yesterday", "tomorrow", "weekday", "ago", "lastunit"})
_WHEN = re.compile(r"(?P<rel>when)\b.*", re.IGNORECASE | re.DOTALL)
_RECENT_DAYS = 370  # a date this close to publication is "current" news
_HISTORY_MIN_PAST = 2  # explicit past dates needed before a dated text reads as history
# Verbs of saying: a date on "said" is when it was said, not when the reported event happened.
_REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "state",
        "add",
        "claim",
        "confirm",
        "note",
        "declare",
        "explain",
        "warn",
        "told",
        "said",
        "insist",
        "reveal",
        "disclose",
        "indicate",
        "affirm",
        "assert",
        "allege",
        "deny",
    ]
)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression of a document, resolved. Token offsets are into its block's Doc."""

    block: int
    sentence_index: int
    start: int
    end: int
    root: int  # the token the expression hangs from the rest of the sentence by
    found: Found
    span: DateSpan | None
    note: str

    @property
    def phrase(self) -> str:
        return self.found.text


@dataclass(frozen=True, slots=True)
class DocumentTime:
    """All time mentions of a document, by sentence, and how the document reads."""

    mentions: tuple[TimeMention, ...]
    mode: Mode
    mode_reason: str
    headings: frozenset[int] = frozenset()  # blocks that are titles or section headings
    cues: tuple[tuple[int, str], ...] = ()  # (sentence index, word) of present-day framing

    def in_sentence(self, sentence_index: int) -> list[TimeMention]:
        return [m for m in self.mentions if m.sentence_index == sentence_index]


@dataclass(frozen=True)
class TimeResolver:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> TimeResolver:
        return cls(settings)

    def resolve(
        self, parsed: ParsedDocument, candidates: Sequence[EventCandidate]
    ) -> list[DateResult]:
        """One DateResult per candidate, in order."""
        if not candidates:
            return []
        doc_time = analyse(parsed)
        return [date_for(parsed, doc_time, cand) for cand in candidates]


# --------------------------------------------------------------------------- document pass


def analyse(parsed: ParsedDocument) -> DocumentTime:
    """Find and resolve every time expression of the document, in order. Dated nouns ("the
    1979 revolution") and dated verbs ("was founded in 1965") are learned as anchors on the
    way, so later fuzzy anchors and "when" clauses can refer back to them."""
    reference = parsed.document.published
    mentions: list[TimeMention] = []
    anchors: dict[str, DateSpan] = {}
    events: dict[str, DateSpan] = {}
    cues: list[tuple[int, str]] = []
    context: DateSpan | None = None
    dateline = match_dateline(parsed.document.text)
    skip_until = dateline.end if dateline is not None else 0
    for block, sent_index, sent in parsed.sentences():
        start, end = block.char_span(sent)
        text = parsed.document.text[start:end]  # sent.text, without building its tokens
        lower = text.lower()
        found_here: list[TimeMention] = []
        for found in scan(text):
            if block.offset + sent.start_char + found.start < skip_until:
                continue  # the dateline's date is the publication date, not an event's
            tokens = _tokens(block.doc, sent, found.start, found.end)
            if tokens is None or _verb_not_anchor(found, tokens):
                continue
            refs = Refs(reference, context)
            if found.kind == "anchor":
                res = _resolve_anchor(found, tokens, anchors, events, reference)
            else:
                res = resolve_found(found, refs)
            mention = TimeMention(
                block.index, sent_index, tokens.start, tokens.end, _root(tokens).i, found,
                res.span, res.note,
            )  # fmt: skip
            found_here.append(mention)
            if res.span is not None and res.span.granularity != "unknown":
                context = res.span
        if "when" in lower:  # the word test of when_clauses, on the sentence first
            found_here.extend(_when_mentions(block.index, sent_index, sent, found_here, events))
        found_here.sort(key=lambda m: m.start)
        for mention in found_here:
            if mention.span is not None and mention.found.kind in {"absolute", "interval"}:
                root = block.doc[mention.root]
                for key in _anchor_keys(root):
                    anchors[key] = _merge(anchors.get(key), mention.span)
                verb = _dated_verb(root)
                if verb is not None:
                    events[_key(verb)] = _merge(events.get(_key(verb)), mention.span)
        mentions.extend(found_here)
        cue = present_cue(sent) if any(c in lower for c in PRESENT_CUES) else None
        if cue is not None:
            cues.append((sent_index, cue))
    mode, why = document_mode(reference, mentions)
    headings = frozenset(b.index for b in parsed.blocks if is_heading(list(b.doc.sents)))
    return DocumentTime(tuple(mentions), mode, why, headings, tuple(cues))


def _verb_not_anchor(found: Found, tokens: Span) -> bool:
    """ "began following the word": the anchor's "following" is a verb, not a preposition."""
    first = tokens[0]
    return found.kind == "anchor" and first.pos_ == "VERB" and first.dep_ not in {"prep", ""}


def _dated_verb(root: Token) -> Token | None:
    """The verb a date hangs from directly or through its preposition ("founded in 1965")."""
    head = root.head.head if root.head.pos_ == "ADP" else root.head
    if head.i == root.i or head.pos_ not in _VERBS:
        return None
    return head


def _when_mentions(
    block: int,
    sent_index: int,
    sent: Span,
    here: Sequence[TimeMention],
    events: dict[str, DateSpan],
) -> list[TimeMention]:
    """ "when" clauses as time mentions: "until 2012, when it ..." takes 2012; "when the group
    was founded" takes the date the text gave the founding earlier."""
    out: list[TimeMention] = []
    for verb in when_clauses(sent):
        subtree = list(verb.subtree)
        lo, hi = subtree[0].i, subtree[-1].i + 1
        if any(lo <= m.root < hi for m in here):
            continue  # the clause carries its own date
        found = _clause_found(sent, lo, verb.i + 1)  # "when the group was founded"
        if found is None:
            continue
        on = next((m for m in here if m.start <= verb.head.i < m.end and m.span), None)
        if on is not None and on.span is not None:
            span = replace(point(on.span), basis="context")
            note = f"'when' refers to {on.phrase!r}"
        elif _key(verb) in events:
            span = replace(events[_key(verb)], basis="context")
            note = f"'when' refers back to {verb.text!r}, dated {_describe(span)} earlier"
        else:
            continue
        out.append(TimeMention(block, sent_index, lo, verb.i + 1, verb.i, found, span, note))
    return out


def _clause_found(sent: Span, lo: int, hi: int) -> Found | None:
    doc = sent.doc
    start = doc[lo].idx - sent.start_char
    end = doc[hi - 1].idx + len(doc[hi - 1]) - sent.start_char
    match = _WHEN.match(sent.text, start, end)
    if match is None:
        return None
    return Found(start, end, match.group(0), "clause", "when", match)


def _tokens(doc: Doc, sent: Span, start: int, end: int) -> Span | None:
    return doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")


def _root(span: Span) -> Token:
    """The token of the span whose head lies outside it (the first such one)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[0]


def _anchor_keys(root: Token) -> list[str]:
    """Nouns a date is the date of: "the 1979 revolution", "the revolution of 1979",
    "In 1979 the revolution toppled the Shah" -> revolution (and shah)."""
    head = root.head
    if head.pos_ == "ADP":
        head = head.head
    if head.i == root.i:
        return []
    if head.pos_ in _NOUNS:
        return [_key(head)]
    if head.pos_ in _VERBS:
        return [_key(c) for c in head.children if c.dep_ in _ARGS and c.pos_ in _NOUNS]
    return []


def _key(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _merge(old: DateSpan | None, new: DateSpan) -> DateSpan:
    if old is None or old.start is None or new.start is None:
        return new
    end = max(d for d in (old.end, new.end, old.start, new.start) if d is not None)
    return replace(old, start=min(old.start, new.start), end=end)


def _anchor_noun(found: Found, tokens: Span) -> str:
    """The anchor's head noun from the parse ("after the Iran-Iraq war" -> war)."""
    offset = found.match.start("noun") - found.start
    tok = next((t for t in tokens if t.idx - tokens.start_char >= offset), None)
    if tok is None or tok.pos_ not in _NOUNS | {"ADJ"}:
        return found.match.group("noun").lower()
    while tok.dep_ in {"amod", "compound", "nmod", "npadvmod"} and tok.head.i > tok.i:
        tok = tok.head
    return _key(tok)


def _resolve_anchor(
    found: Found,
    tokens: Span,
    anchors: dict[str, DateSpan],
    events: dict[str, DateSpan],
    reference: date | None,
) -> Resolution:
    noun = _anchor_noun(found, tokens)
    anchor = anchors.get(noun)
    what = f"the {noun}"
    if anchor is None:  # a nominalised dated verb: "after the founding" <- "founded in 1965"
        verb = next((v for v in events if len(v) >= 4 and noun.startswith(v)), None)
        if verb is not None:
            anchor, what = events[verb], f"the {noun} ({verb!r})"
    if anchor is None or anchor.start is None or anchor.end is None:
        return Resolution(None, f"anchor 'the {noun}' is not dated earlier in the text")
    rel = " ".join(found.match.group("rel").lower().split())
    g = anchor.granularity
    if (
        rel in {"after", "following"}
        or rel.startswith(("in the aftermath", "in the wake"))
        or (rel.startswith("in the") and rel.endswith(("after", "following")))
    ):
        span = DateSpan(anchor.end + timedelta(days=1), None, g, "context")
    elif rel == "since":
        end = reference if reference is not None and reference >= anchor.start else None
        span = DateSpan(anchor.start, end, g, "context")
    elif rel in {"during"} or rel.startswith("at the"):
        span = replace(anchor, basis="context")
    else:  # before, until, prior to, in the years leading up to, in the run-up to
        span = DateSpan(None, anchor.start - timedelta(days=1), g, "context")
    return Resolution(span, f"anchor '{what}' dated {_describe(anchor)} earlier in the text")


def document_mode(reference: date | None, mentions: Sequence[TimeMention]) -> tuple[Mode, str]:
    """News of the day or history? News uses relative dates and dates near publication;
    history is dominated by explicit past years. Without a publication date a text is news
    when all its explicit dates lie within about a year of each other."""
    if reference is None:
        days = [
            d
            for m in mentions
            if m.span is not None and m.found.kind in {"absolute", "interval"}
            for d in (m.span.start, m.span.end)
            if d is not None
        ]
        if days and (max(days) - min(days)).days <= _RECENT_DAYS:
            return "news", f"no publication date; its dates lie within a year ({min(days)})"
        return "history", "no publication date, dates spread over years"
    relative = sum(1 for m in mentions if m.found.pattern in _NEWS_PATTERNS and m.span)
    past = recent = 0
    for m in mentions:
        if m.span is None or m.found.kind not in {"absolute", "interval"}:
            continue
        anchor_day = m.span.end or m.span.start
        if anchor_day is None:
            continue
        if (reference - anchor_day).days > _RECENT_DAYS:
            past += 1
        else:
            recent += 1
    why = f"{relative} relative and {recent} recent vs {past} past dates"
    if past >= _HISTORY_MIN_PAST and past > 2 * (recent + relative):
        return "history", why
    return "news", why


# --------------------------------------------------------------------------- per event


def attachment(expr: Token, trigger: Token) -> int:
    """1 when the expression hangs from the trigger (no other verb between), 2 when it hangs
    from the verb of the trigger's clause, 3 otherwise."""
    clause = trigger
    while clause.pos_ not in _VERBS and clause.head.i != clause.i:
        clause = clause.head
    tok = expr
    crossed_verb = False
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if tok.i == trigger.i and not crossed_verb:
            return 1
        if tok.i == clause.i and not crossed_verb:
            return 2
        if tok.head.i == tok.i:
            break
        if tok.i != expr.i and tok.pos_ in _VERBS:
            crossed_verb = True
        tok = tok.head
    return 3


def date_for(parsed: ParsedDocument, doc_time: DocumentTime, cand: EventCandidate) -> DateResult:
    """The date of one event, with the reason."""
    doc = parsed.blocks[cand.block].doc
    trigger = doc[cand.trigger_start]
    here = [
        m
        for m in doc_time.in_sentence(cand.sentence_index)
        if not _on_reporting_verb(doc[m.root], trigger)
        and not _in_other_relative_clause(doc[m.root], trigger)
    ]
    if here:
        ranked = sorted(
            here,
            key=lambda m: (attachment(doc[m.root], trigger), abs(m.root - trigger.i)),
        )
        best = ranked[0]
        level = attachment(doc[best.root], trigger)
        also = ""
        if best.span is None:
            # an unresolved expression elsewhere is ignored; one in the clause gives way to a
            # resolved one there ("after the war up until 2003": ends 2003)
            bound = 3 if level > 2 else 2
            resolved = [m for m in ranked if m.span and attachment(doc[m.root], trigger) <= bound]
            if resolved:
                also = f"; {_phrase(doc, best)!r} unresolved: {best.note}" if bound == 2 else ""
                best = resolved[0]
                level = attachment(doc[best.root], trigger)
        if best.span is not None or level <= 2:
            how = f"{_phrase(doc, best)!r} {_LEVELS[level]} {trigger.text!r}"
            if best.span is None and doc_time.mode == "history":
                return _after_last_date(doc_time, cand, f"{how}, but {best.note}")
            if best.span is None:
                return DateResult(DateSpan(text=best.phrase), f"{how}, but {best.note}")
            note = f" ({best.note})" if best.note else ""
            return DateResult(best.span, f"{how}{note}{also}")
    return _without_expression(parsed, doc_time, cand)


def _in_other_relative_clause(expr: Token, trigger: Token) -> bool:
    """True when the expression stands in a relative clause the trigger is not part of: in
    "the group, which was banned until 2012, became an ally", 2012 dates the ban only. The
    noun the clause describes keeps the date."""
    tok = expr
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if tok.dep_ == "relcl":  # "the invasion, which began on 24 February": its own
            inside = tok.left_edge.i <= trigger.i <= tok.right_edge.i
            return not inside and tok.head.i != trigger.i
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _on_reporting_verb(expr: Token, trigger: Token) -> bool:
    """True when the expression hangs from a verb of saying that governs the trigger's clause
    ("police said today that rebels attacked ...")."""
    verb = expr.head.head if expr.head.pos_ == "ADP" else expr.head
    if verb.i == trigger.i or _key(verb) not in _REPORTING:
        return False
    return any(a.i == verb.i for a in trigger.ancestors)


def _phrase(doc: Doc, mention: TimeMention) -> str:
    """The expression with its preposition, when it hangs from one ("in 1986")."""
    head = doc[mention.root].head
    if head.pos_ == "ADP" and head.i == mention.start - 1:
        return f"{head.text} {mention.phrase}"
    return mention.phrase


def _without_expression(
    parsed: ParsedDocument, doc_time: DocumentTime, cand: EventCandidate
) -> DateResult:
    published = parsed.document.published
    if doc_time.mode == "history":
        return _history_without_expression(parsed, doc_time, cand)
    earlier = [
        m
        for m in doc_time.mentions
        if m.block == cand.block and m.sentence_index < cand.sentence_index and m.span
    ]
    if earlier:
        last = earlier[-1]
        assert last.span is not None
        if published is None or _near(last.span, published):
            return _inherit(last, cand)
    if published is not None:
        return DateResult(
            _published(published),
            f"no time expression; publication date {published} (news text: {doc_time.mode_reason})",
        )
    return DateResult(DateSpan(), "no time expression, no dated context, no publication date")


def _history_without_expression(
    parsed: ParsedDocument, doc_time: DocumentTime, cand: EventCandidate
) -> DateResult:
    """A history: the event takes the narrative time, checked against its tense.

    - present tense ("now blames") or present-day framing ("the recent protests"): the time of
      writing, i.e. the publication date, else unknown;
    - else the last time expression of its paragraph (unknown when that one is unresolved);
    - else, in past-tense narrative, the last time expression of an earlier paragraph carried
      forward as an open span ("on or after 1986").

    A heading without its own time expression gets none: it names a section, not a time.
    """
    published = parsed.document.published
    if cand.block in doc_time.headings:
        return DateResult(DateSpan(), "a heading: it names a section, not a time")
    doc = parsed.blocks[cand.block].doc
    verb_tense, verb = tense(doc[cand.trigger_start])
    cue = next((w for i, w in doc_time.cues if i == cand.sentence_index), None)
    if verb_tense == "present" or cue is not None:
        why = f"present tense ({verb.text!r})" if verb_tense == "present" and verb else ""
        why = why or f"present-day framing ({cue!r})"
        return _writing_time(published, why)
    own = doc_time.in_sentence(cand.sentence_index)
    if own and all(m.span is None for m in own):
        why = f"the sentence's time expression {own[0].phrase!r} is unresolved ({own[0].note})"
        return _after_last_date(doc_time, cand, why)
    earlier = [
        m
        for m in doc_time.mentions
        if m.block == cand.block and m.sentence_index < cand.sentence_index
    ]
    if earlier:
        last = earlier[-1]
        if last.span is None:
            why = f"the paragraph's last time expression {last.phrase!r} is unresolved"
            return _after_last_date(doc_time, cand, why)
        return _inherit(last, cand)
    return _carry_forward(doc_time, cand, verb_tense, verb, published)


def _carry_forward(
    doc_time: DocumentTime,
    cand: EventCandidate,
    verb_tense: str,
    verb: Token | None,
    published: date | None,
) -> DateResult:
    """The narrative time of earlier paragraphs: the last time expression, or present-day
    framing, before the event's sentence."""
    last = next(
        (m for m in reversed(doc_time.mentions) if m.sentence_index < cand.sentence_index), None
    )
    since = last.sentence_index if last is not None else -1
    cue = next((c for c in reversed(doc_time.cues) if since < c[0] < cand.sentence_index), None)
    if cue is not None:
        return _writing_time(published, f"present-day framing ({cue[1]!r}) earlier in the text")
    if last is None:
        return DateResult(DateSpan(), "no time expression and no dated sentence earlier")
    if last.span is None:
        why = f"the narrative's last time expression {last.phrase!r} is unresolved"
        return _after_last_date(doc_time, cand, why)
    if verb_tense != "past" or verb is None:
        return DateResult(
            DateSpan(),
            f"no time expression in the paragraph; {last.phrase!r} of an earlier paragraph not "
            "carried forward: the tense of the event is not past",
        )
    start = point(last.span).start
    if start is None:
        return DateResult(DateSpan(), f"{last.phrase!r} of an earlier paragraph has no start")
    paragraphs = cand.block - last.block
    return DateResult(
        DateSpan(start, None, last.span.granularity, "context"),
        f"carried forward from {last.phrase!r} {paragraphs} paragraph(s) earlier: past-tense "
        f"narrative ({verb.text!r}), so on or after {_describe(point(last.span))}; lower "
        "certainty, the end is open",
    )


def _after_last_date(doc_time: DocumentTime, cand: EventCandidate, why: str) -> DateResult:
    """The narrative moved on to a time the text does not fix: the event lies on or after the
    last resolved date before its sentence (a lower bound only)."""
    last = next(
        (
            m
            for m in reversed(doc_time.mentions)
            if m.sentence_index < cand.sentence_index and m.span is not None
        ),
        None,
    )
    start = point(last.span).start if last is not None and last.span is not None else None
    if last is None or last.span is None or start is None:
        return DateResult(DateSpan(), f"{why}; no resolved date before it")
    return DateResult(
        DateSpan(start, None, last.span.granularity, "context"),
        f"{why}; the narrative is past {last.phrase!r}, so on or after "
        f"{_describe(point(last.span))}; lower certainty, the end is open",
    )


def _writing_time(published: date | None, why: str) -> DateResult:
    if published is None:
        return DateResult(DateSpan(), f"{why}: the time of writing, and no publication date")
    return DateResult(
        _published(published), f"{why}: the time of writing, publication date {published}"
    )


def _published(published: date) -> DateSpan:
    return DateSpan(published, published, "day", "publication")


def _inherit(last: TimeMention, cand: EventCandidate) -> DateResult:
    assert last.span is not None
    where = (
        "previous sentence"
        if last.sentence_index == cand.sentence_index - 1
        else "an earlier sentence"
    )
    return DateResult(
        replace(last.span, basis="context"),
        f"inherited from {where} in paragraph ({_describe(last.span)})",
    )


def _near(span: DateSpan, published: date) -> bool:
    day = span.end or span.start
    return day is not None and abs((published - day).days) <= _RECENT_DAYS


def _describe(span: DateSpan) -> str:
    if span.start is None and span.end is None:
        return "unknown"
    if span.start is not None and span.start == span.end:
        return span.start.isoformat()
    if span.granularity == "year" and span.start and span.end and span.start.year == span.end.year:
        return str(span.start.year)
    if (
        span.granularity == "month"
        and span.start
        and span.end
        and span.start.month == span.end.month
    ):
        return span.start.strftime("%Y-%m")
    lo = span.start.isoformat() if span.start else "?"
    hi = span.end.isoformat() if span.end else "?"
    return f"{lo}..{hi}"
