"""Cue lexicons of the attribution stage, read once from ``chronica/data/cues/*.yaml``.

Every lookup the analyser makes is a dict or frozenset probe on a lower-cased word or lemma;
inflected forms of verbs are generated here so that upper-case wire copy (whose lemmas the
tagger often leaves as written) still matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import yaml

from chronica.errors import DictionaryError
from chronica.records import CERTAINTIES, MODALITIES, Certainty

#: Reporting-verb classes and the certainty each gives (before the "speaker is the doer" check).
FRAME_CLASSES: tuple[str, ...] = ("report", "allege", "admit", "deny", "suspect", "doubt")
#: Modality-verb classes: the three extra ones map to ``attempted`` with a negation.
MODALITY_CLASSES: tuple[str, ...] = (
    "attempted", "failed", "foiled", "planned", "threatened",
)  # fmt: skip


#: Incident families of follow-up statements.
FAMILIES: tuple[str, ...] = ("bombing", "killing", "kidnapping", "arson", "attack")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All cue words, keyed by lower-cased surface form or lemma."""

    frame_verbs: Mapping[str, str]  # form -> frame class
    frame_nouns: Mapping[str, str]  # noun -> frame class
    according: frozenset[str]
    claim_verbs: frozenset[str]
    contested: frozenset[str]
    confirm_verbs: frozenset[str]  # "did not confirm that": nothing asserted
    toll_nouns: frozenset[str]  # "claimed the lives of": a toll, not a claim
    clause_frames: frozenset[str]  # frames that need a clause ("fear that", not "fear attacks")
    speech_nouns: frozenset[str]
    responsibility: frozenset[str]
    responsibility_verbs: Mapping[str, str]  # verb form -> lemma ("took responsibility")
    blame_verbs: Mapping[str, str]  # verb form -> preposition naming the party blamed
    incident_nouns: frozenset[str]
    incident_families: Mapping[str, tuple[str, ...]]  # family -> stems
    generic_incidents: frozenset[str]
    hedge_adverbs: Mapping[str, Certainty]  # adverb -> certainty
    hedge_modals: Mapping[str, Certainty]  # modal -> certainty
    hedge_marks: Mapping[str, Certainty]  # subordinator -> certainty ("whether")
    hedge_adjectives: Mapping[str, Certainty]  # adjective -> certainty
    hedge_words: frozenset[str]  # every adverb, mark, modal and adjective above
    surface_frame_words: frozenset[str]  # responsibility nouns, accusing verbs, "responsible"
    sentence_cue_words: frozenset[str]  # "according" and the sentence-wide cues
    passive_verbs: Mapping[str, Certainty]  # verb form -> certainty ("is suspected of")
    responsible: frozenset[str]
    accusing_verbs: frozenset[str]  # verb forms of "blamed X for", "accused X of"
    condemn_verbs: frozenset[str]  # verb forms of "condemned the attack"
    authority_sectors: frozenset[str]  # lower-case sector codes of the state's own organs
    adversary_sectors: frozenset[str]  # lower-case sector codes of the armed non-state side
    unknown_doers: frozenset[str]  # words of doers known only by description ("gunmen")
    anaphoric_speakers: frozenset[str]  # speaker nouns "the X" may refer back ("the source")
    first_person: frozenset[str]
    arrest_words: frozenset[str]  # verb forms and nouns of arrest ("arrested for")
    sentence_wide: Mapping[str, str]  # form -> certainty key ("suspected", "alleged", "claims")
    modality_verbs: Mapping[str, str]  # verb form -> modality class
    modality_nouns: Mapping[str, str]
    modality_adjectives: Mapping[str, str]
    xcomp_only: frozenset[str]  # modality verbs that need an infinitive or clause complement
    occurrence: frozenset[str]
    support: frozenset[str]
    doer_links: frozenset[str]  # verbs that tie a doer to an event noun ("involved in")
    negating: frozenset[str]
    future: frozenset[str]
    conditional: frozenset[str]
    condition_marks: frozenset[str]
    negation: frozenset[str]
    republication: tuple[re.Pattern[str], ...]

    def families(self, word: str) -> frozenset[str]:
        """The incident families a lower-case word belongs to (by stem)."""
        return frozenset(f for f, stems in self.incident_families.items() if word.startswith(stems))


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of a lemma: -s, -ed, -ing (with e-drop, y->i, doubling)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if (
            len(lemma) >= 3
            and lemma[-1] in "bdgmnprt"
            and lemma[-2] in "aeiou"
            and (lemma[-3] not in "aeiou")
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _read(name: str) -> dict[str, Any]:
    path = resources.files("chronica.data").joinpath("cues", name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read cue lexicon: {exc}", str(path)) from exc
    if not isinstance(data, dict):
        raise DictionaryError("a cue lexicon must be a mapping", str(path))
    return data


def _classed(
    data: Mapping[str, Any], key: str, allowed: Iterable[str], source: str
) -> dict[str, list[str]]:
    table = data.get(key) or {}
    if not isinstance(table, dict):
        raise DictionaryError(f"{key!r} must map classes to word lists", source)
    allowed_set = set(allowed)
    out: dict[str, list[str]] = {}
    for cls, words in table.items():
        if cls not in allowed_set:
            raise DictionaryError(
                f"{key}: unknown class {cls!r}; allowed {sorted(allowed_set)}", source
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DictionaryError(f"{key}.{cls} must be a list of words", source)
        out[cls] = [w.lower() for w in words]
    return out


def _words(data: Mapping[str, Any], key: str, source: str) -> frozenset[str]:
    words = data.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DictionaryError(f"{key!r} must be a list of words", source)
    return frozenset(w.lower() for w in words)


def _verb_table(classed: Mapping[str, list[str]], irregular: Mapping[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for cls, lemmas in classed.items():
        for lemma in lemmas:
            for form in inflections(lemma):
                table.setdefault(form, cls)
    for form, lemma in irregular.items():
        if lemma in table:
            table.setdefault(form, table[lemma])
    return table


def _verb_forms(lemmas: Iterable[str], irregular: Mapping[str, str]) -> frozenset[str]:
    lemmas_set = set(lemmas)
    forms = {form for lemma in lemmas_set for form in inflections(lemma)}
    forms |= {form for form, lemma in irregular.items() if lemma in lemmas_set}
    return frozenset(forms)


def _blame_table(data: Mapping[str, Any], irregular: Mapping[str, str]) -> dict[str, str]:
    table = data.get("blame_verbs") or {}
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise DictionaryError("'blame_verbs' must map verbs to prepositions", "reporting.yaml")
    out: dict[str, str] = {}
    for lemma, prep in table.items():
        for form in inflections(str(lemma).lower()):
            out[form] = prep.lower()
    for form, lemma in irregular.items():
        if lemma in out:
            out.setdefault(form, out[lemma])
    return out


def _certain(classed: Mapping[str, list[str]]) -> dict[str, Certainty]:
    """A word -> certainty table (classes were checked against CERTAINTIES)."""
    return {w: cast(Certainty, cls) for cls, words in classed.items() for w in words}


def _certain_verbs(
    classed: Mapping[str, list[str]], irregular: Mapping[str, str]
) -> dict[str, Certainty]:
    return {k: cast(Certainty, v) for k, v in _verb_table(classed, irregular).items()}


def _flat(classed: Mapping[str, list[str]]) -> dict[str, str]:
    return {w: cls for cls, words in classed.items() for w in words}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and validate the packaged cue lexicons (cached; they are read-only)."""
    rep = _read("reporting.yaml")
    hed = _read("hedges.yaml")
    mod = _read("modality.yaml")
    prov = _read("provenance.yaml")
    irregular = {str(k).lower(): str(v).lower() for k, v in (rep.get("irregular") or {}).items()}
    certainty_keys = (*CERTAINTIES, "claims")
    modality_keys = (*MODALITIES, *MODALITY_CLASSES)
    patterns = prov.get("patterns") or []
    try:
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    except re.error as exc:
        raise DictionaryError(f"bad provenance pattern: {exc}", "cues/provenance.yaml") from exc
    responsibility = _words(rep, "responsibility", "reporting.yaml")
    accusing = _verb_forms(_words(rep, "accusing_verbs", "reporting.yaml"), irregular)
    responsible = _words(hed, "responsible", "hedges.yaml")
    according = _words(rep, "according", "reporting.yaml")
    sentence_wide = _flat(_classed(hed, "sentence_wide", certainty_keys, "hedges.yaml"))
    return Lexicon(
        frame_verbs=_verb_table(_classed(rep, "verbs", FRAME_CLASSES, "reporting.yaml"), irregular),
        frame_nouns=_flat(_classed(rep, "nouns", FRAME_CLASSES, "reporting.yaml")),
        according=according,
        claim_verbs=_words(rep, "claim_verbs", "reporting.yaml"),
        contested=_words(rep, "contested", "reporting.yaml"),
        confirm_verbs=_verb_forms(_words(rep, "confirm_verbs", "reporting.yaml"), irregular),
        toll_nouns=_words(rep, "toll_nouns", "reporting.yaml"),
        clause_frames=_verb_forms(_words(rep, "clause_frames", "reporting.yaml"), irregular),
        speech_nouns=_words(rep, "speech_nouns", "reporting.yaml"),
        responsibility=responsibility,
        responsibility_verbs=_verb_table(
            {"take": list(_words(rep, "responsibility_verbs", "reporting.yaml"))}, irregular
        ),
        blame_verbs=_blame_table(rep, irregular),
        incident_nouns=_words(rep, "incident_nouns", "reporting.yaml"),
        incident_families={
            k: tuple(v)
            for k, v in _classed(rep, "incident_families", FAMILIES, "reporting.yaml").items()
        },
        generic_incidents=_words(rep, "generic_incidents", "reporting.yaml"),
        hedge_adverbs=_certain(_classed(hed, "adverbs", CERTAINTIES, "hedges.yaml")),
        hedge_modals=_certain(_classed(hed, "modals", CERTAINTIES, "hedges.yaml")),
        hedge_marks=_certain(_classed(hed, "marks", CERTAINTIES, "hedges.yaml")),
        hedge_adjectives=_certain(_classed(hed, "adjectives", CERTAINTIES, "hedges.yaml")),
        hedge_words=frozenset(
            word
            for key in ("adverbs", "marks", "modals", "adjectives")
            for word in _certain(_classed(hed, key, CERTAINTIES, "hedges.yaml"))
        ),
        passive_verbs=_certain_verbs(
            _classed(hed, "passive_verbs", CERTAINTIES, "hedges.yaml"), irregular
        ),
        responsible=responsible,
        accusing_verbs=accusing,
        condemn_verbs=_verb_forms(_words(rep, "condemn_verbs", "reporting.yaml"), irregular),
        authority_sectors=_words(rep, "authority_sectors", "reporting.yaml"),
        adversary_sectors=_words(rep, "adversary_sectors", "reporting.yaml"),
        unknown_doers=_words(rep, "unknown_doers", "reporting.yaml"),
        anaphoric_speakers=_words(rep, "anaphoric_speakers", "reporting.yaml"),
        first_person=_words(hed, "first_person", "hedges.yaml"),
        arrest_words=_verb_forms(_words(hed, "arrest_verbs", "hedges.yaml"), irregular)
        | _words(hed, "arrest_nouns", "hedges.yaml"),
        sentence_wide=sentence_wide,
        surface_frame_words=responsibility | accusing | responsible,
        sentence_cue_words=according | frozenset(sentence_wide),
        modality_verbs=_verb_table(
            _classed(mod, "verbs", modality_keys, "modality.yaml"), irregular
        ),
        modality_nouns=_flat(_classed(mod, "nouns", modality_keys, "modality.yaml")),
        modality_adjectives=_flat(_classed(mod, "adjectives", modality_keys, "modality.yaml")),
        xcomp_only=_verb_forms(_words(mod, "xcomp_only", "modality.yaml"), irregular),
        occurrence=_verb_forms(_words(mod, "occurrence", "modality.yaml"), irregular),
        support=_verb_forms(_words(mod, "support", "modality.yaml"), irregular),
        doer_links=_verb_forms(_words(mod, "doer_links", "modality.yaml"), irregular),
        negating=_verb_forms(_words(mod, "negating", "modality.yaml"), irregular),
        future=_words(mod, "future", "modality.yaml"),
        conditional=_words(mod, "conditional", "modality.yaml"),
        condition_marks=_words(mod, "condition_marks", "modality.yaml"),
        negation=_words(mod, "negation", "modality.yaml"),
        republication=compiled,
    )
