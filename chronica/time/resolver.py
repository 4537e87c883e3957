"""Time resolution: find the time expressions of each sentence, resolve them in document order
(relative ones against the publication date, "that year" against the narrative context, fuzzy
anchors like "after the war" against an earlier dated mention of the war) and give each event
the expression that modifies it: the trigger's own dependents first, then its clause, then its
sentence. A sentence without one inherits its paragraph's last date (history) or, in news of
the day, falls back to the publication date."""

from __future__ import annotations

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

Mode = Literal["news", "history"]
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
_LEVELS = {1: "modifies", 2: "is in the clause of", 3: "is in the same sentence as"}
# Relative expressions that only news of the day uses.
_NEWS_PATTERNS = frozenset({"today", "yesterday", "tomorrow", "weekday", "ago", "lastunit"})
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
    """Find and resolve every time expression of the document, in order."""
    reference = parsed.document.published
    mentions: list[TimeMention] = []
    anchors: dict[str, DateSpan] = {}
    context: DateSpan | None = None
    dateline = match_dateline(parsed.document.text)
    skip_until = dateline.end if dateline is not None else 0
    for block, sent_index, sent in parsed.sentences():
        found_here: list[TimeMention] = []
        for found in scan(sent.text):
            if block.offset + sent.start_char + found.start < skip_until:
                continue  # the dateline's date is the publication date, not an event's
            tokens = _tokens(block.doc, sent, found.start, found.end)
            if tokens is None:
                continue
            refs = Refs(reference, context)
            if found.kind == "anchor":
                res = _resolve_anchor(found, tokens, anchors, reference)
            else:
                res = resolve_found(found, refs)
            mention = TimeMention(
                block.index, sent_index, tokens.start, tokens.end, _root(tokens).i, found,
                res.span, res.note,
            )  # fmt: skip
            found_here.append(mention)
            if res.span is not None and res.span.granularity != "unknown":
                context = res.span
        for mention in found_here:
            if mention.span is not None and mention.found.kind in {"absolute", "interval"}:
                for key in _anchor_keys(block.doc[mention.root]):
                    anchors[key] = _merge(anchors.get(key), mention.span)
        mentions.extend(found_here)
    mode, why = document_mode(reference, mentions)
    return DocumentTime(tuple(mentions), mode, why)


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
    found: Found, tokens: Span, anchors: dict[str, DateSpan], reference: date | None
) -> Resolution:
    noun = _anchor_noun(found, tokens)
    anchor = anchors.get(noun)
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
    return Resolution(span, f"anchor 'the {noun}' dated {_describe(anchor)} earlier in the text")


def document_mode(reference: date | None, mentions: Sequence[TimeMention]) -> tuple[Mode, str]:
    """News of the day or history? News uses relative dates and dates near publication;
    history is dominated by explicit past years."""
    if reference is None:
        return "history", "no publication date"
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
    ]
    if here:
        ranked = sorted(
            here,
            key=lambda m: (attachment(doc[m.root], trigger), abs(m.root - trigger.i)),
        )
        best = ranked[0]
        level = attachment(doc[best.root], trigger)
        if best.span is None and level > 2:  # an unresolved expression elsewhere: ignore it
            best = next((m for m in ranked if m.span is not None), best)
            level = attachment(doc[best.root], trigger)
        if best.span is not None or level <= 2:
            how = f"{_phrase(doc, best)!r} {_LEVELS[level]} {trigger.text!r}"
            if best.span is None:
                return DateResult(DateSpan(text=best.phrase), f"{how}, but {best.note}")
            note = f" ({best.note})" if best.note else ""
            return DateResult(best.span, f"{how}{note}")
    return _without_expression(parsed, doc_time, cand)


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
    earlier = [
        m
        for m in doc_time.mentions
        if m.block == cand.block and m.sentence_index < cand.sentence_index and m.span
    ]
    published = parsed.document.published
    if earlier:
        last = earlier[-1]
        assert last.span is not None
        recent = published is None or _near(last.span, published)
        if doc_time.mode == "history" or recent:
            where = (
                "previous sentence"
                if last.sentence_index == cand.sentence_index - 1
                else "an earlier sentence"
            )
            return DateResult(
                replace(last.span, basis="context"),
                f"inherited from {where} in paragraph ({_describe(last.span)})",
            )
    if published is not None and doc_time.mode == "news":
        return DateResult(
            DateSpan(published, published, "day", "publication"),
            f"no time expression; publication date {published} (news text: {doc_time.mode_reason})",
        )
    if published is not None:
        return DateResult(
            DateSpan(),
            "no time expression and no dated sentence earlier in the paragraph; publication "
            f"date not used (history text: {doc_time.mode_reason})",
        )
    return DateResult(DateSpan(), "no time expression, no dated context, no publication date")


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
