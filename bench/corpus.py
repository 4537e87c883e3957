"""A generator of varied, news-like documents for benchmarks (all text composed here from
templates; nothing copied). Deterministic for a given seed.

Each document has a headline-like first line, 3-6 paragraphs mixing event sentences (actor,
action, recipient, place, date), reporting frames, background and quotes. About one document in
ten is a lightly edited republication of an earlier one, so that de-duplication has work to do.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = (
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Turkey", "Turkish", "Ankara"), ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"), ("Egypt", "Egyptian", "Cairo"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"), ("Mexico", "Mexican", "Mexico City"),
    ("Nigeria", "Nigerian", "Abuja"), ("Kenya", "Kenyan", "Nairobi"),
    ("Sudan", "Sudanese", "Khartoum"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Colombia", "Colombian", "Bogota"), ("Poland", "Polish", "Warsaw"),
)  # fmt: skip
GROUPS = ("troops", "police", "officials", "diplomats", "protesters", "rebels", "ministers",
          "lawmakers", "militants", "border guards", "security forces", "negotiators")  # fmt: skip
ORGS = ("the United Nations", "NATO", "the European Union", "the African Union",
        "the World Health Organization", "the Red Cross", "Amnesty International")  # fmt: skip
CITIES = ("Kharkiv", "Odesa", "Lyon", "Hamburg", "Izmir", "Isfahan", "Haifa", "Alexandria",
          "Mumbai", "Lahore", "Shanghai", "Osaka", "Recife", "Monterrey", "Kano", "Mombasa",
          "Darfur", "Gondar", "Medellin", "Krakow")  # fmt: skip
ACTIONS = (
    ("attacked", "{b} positions"), ("shelled", "villages held by {b} forces"),
    ("met", "{b} counterparts"), ("criticized", "the {b} government"),
    ("accused", "{b} authorities of violating the ceasefire"),
    ("threatened", "{b} with new sanctions"), ("praised", "{b} mediators"),
    ("signed an agreement with", "{b} officials"), ("sent humanitarian aid to", "{b} civilians"),
    ("arrested", "{b} activists"), ("expelled", "{b} diplomats"),
    ("called on", "{b} leaders to resume talks"), ("rejected", "a proposal from {b} envoys"),
    ("deployed troops near", "the {b} border"), ("protested against", "{b} policies"),
)  # fmt: skip
FRAMES = ("{src} said", "according to {src}", "{src} reported", "{src} claimed",
          "{src} told reporters", "a statement from {src} said")  # fmt: skip
SOURCES = ("a government spokesman", "local media", "witnesses", "the defence ministry",
           "an unnamed official", "state television", "the interior ministry")  # fmt: skip
BACKGROUND = (
    "Relations between the two countries have been strained for several years.",
    "The region has seen repeated clashes since the spring.",
    "Analysts expect the dispute to dominate the next summit.",
    "Prices of fuel and bread have risen sharply in recent months.",
    "The talks are the first of their kind in almost a decade.",
    "Aid groups warned that thousands of families need shelter before winter.",
    "Opposition parties have called for an independent inquiry.",
    "Markets reacted calmly to the news on the following day.",
)  # fmt: skip
QUOTES = (
    '"We will not accept any threat to our sovereignty," the minister said.',
    '"This is a step towards lasting peace," one negotiator said.',
    '"The situation on the ground remains very difficult," a doctor said.',
    '"Our patience has limits," a senior commander said.',
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = ("Daily Ledger", "Evening Wire", "Harbour Times", "Continental Post", "Morning Bulletin")


@dataclass(frozen=True)
class GeneratedDocument:
    id: str
    text: str
    published: date
    source: str

    def to_json(self) -> str:
        return json.dumps(
            {"id": self.id, "text": self.text, "published": self.published.isoformat(),
             "source": self.source}, ensure_ascii=False,
        )  # fmt: skip


def _when(rng: random.Random, published: date) -> str:
    back = rng.randint(0, 6)
    day = published - timedelta(days=back)
    choice = rng.random()
    if choice < 0.4:
        return f"on {WEEKDAYS[day.weekday()]}"
    if choice < 0.7:
        return f"on {day.strftime('%B')} {day.day}"
    if choice < 0.85:
        return "earlier this week"
    return "yesterday" if back == 1 else f"on {day.day} {day.strftime('%B %Y')}"


def _actor(rng: random.Random) -> tuple[str, str]:
    country, adjective, _capital = rng.choice(COUNTRIES)
    if rng.random() < 0.15:
        return rng.choice(ORGS), adjective
    if rng.random() < 0.3:
        return country, adjective
    return f"{adjective} {rng.choice(GROUPS)}", adjective


def _event_sentence(rng: random.Random, published: date) -> str:
    actor, _ = _actor(rng)
    _, other_adjective, other_capital = rng.choice(COUNTRIES)
    verb, obj = rng.choice(ACTIONS)
    place = rng.choice((*CITIES, other_capital))
    sentence = f"{actor} {verb} {obj.format(b=other_adjective)} in {place} {_when(rng, published)}"
    if rng.random() < 0.5:
        sentence += ", " + rng.choice(FRAMES).format(src=rng.choice(SOURCES))
    return sentence[0].upper() + sentence[1:] + "."


def _paragraph(rng: random.Random, published: date) -> str:
    parts = [_event_sentence(rng, published)]
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.5:
            parts.append(_event_sentence(rng, published))
        elif roll < 0.8:
            parts.append(rng.choice(BACKGROUND))
        else:
            parts.append(rng.choice(QUOTES))
    return " ".join(parts)


def _edit(rng: random.Random, text: str) -> str:
    """A light edit, as a republication would make."""
    roll = rng.random()
    if roll < 0.3:
        return "UPDATE\n\n" + text
    if roll < 0.6:
        return text + "\n\nThis article was first published by a partner outlet."
    return text.replace(" said", " stated", 1)


def generate(n: int, seed: int = 7) -> Iterator[GeneratedDocument]:
    rng = random.Random(seed)
    made: list[GeneratedDocument] = []
    start = date(2024, 1, 1)
    for i in range(n):
        if made and rng.random() < 0.1:
            original = rng.choice(made[-200:])
            doc = GeneratedDocument(
                f"gen{i:06d}", _edit(rng, original.text),
                original.published + timedelta(days=rng.randint(0, 2)), rng.choice(OUTLETS),
            )  # fmt: skip
        else:
            published = start + timedelta(days=rng.randint(0, 365))
            headline = _event_sentence(rng, published).rstrip(".")
            paragraphs = [_paragraph(rng, published) for _ in range(rng.randint(3, 6))]
            text = "\n\n".join([headline, *paragraphs])
            doc = GeneratedDocument(f"gen{i:06d}", text, published, rng.choice(OUTLETS))
        made.append(doc)
        yield doc


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate(n, seed):
            fh.write(doc.to_json() + "\n")
    return path
