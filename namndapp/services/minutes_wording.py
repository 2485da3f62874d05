"""The standard Swedish sentences of a protokoll, generated from the recorded structure.

Pure functions over plain values (names, parties, labels, counts): no database. The secretary may
type over any sentence; the service keeps that text apart and prefers it (see services.minutes).
Names are used instead of gendered pronouns ("i stället för Anna Berg (S)").
"""

from __future__ import annotations

import re

PROPOSAL_LABEL = "förvaltningens förslag"
BODY_NOUNS = {"nämnd": "nämnden", "utskott": "utskottet", "styrelse": "styrelsen", "fullmäktige": "fullmäktige",
              "beredning": "beredningen"}
MOTION_NOUNS = {"bifall": "yrkande", "avslag": "avslagsyrkande", "återremiss": "återremissyrkande",
                "bordläggning": "bordläggningsyrkande", "ändring": "ändringsyrkande", "tillägg": "tilläggsyrkande",
                "eget": "yrkande"}

_TRAILING = re.compile(r"\s*[,;.]?\s*(\bsamt\b|\boch\b)?\s*[,;.]?\s*$", re.IGNORECASE)


# Names ---------------------------------------------------------------------------------------------

def person_label(name: str, party: str | None = None) -> str:
    """'Anna Berg (S)'; officials and people without a party just by name."""
    name = (name or "").strip()
    return f"{name} ({party})" if party else name


def genitive(word: str) -> str:
    """'Anna Berg' → 'Anna Bergs', 'Lars Nils' → 'Lars Nils' (Swedish adds no s after s, x, z)."""
    word = (word or "").strip()
    if not word or word[-1].lower() in "sxz":
        return word
    return word + "s"


def person_genitive(name: str, party: str | None = None) -> str:
    """'Anna Bergs (S)' as in "Anna Bergs (S) yrkande"."""
    return person_label(genitive(name), party)


def lower_first(text: str) -> str:
    """Body names mid-sentence: 'Socialnämnden' → 'socialnämnden'."""
    return text[:1].lower() + text[1:] if text else text


def body_noun(kind: str | None) -> str:
    return BODY_NOUNS.get(kind or "nämnd", "nämnden")


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]


# Decision ------------------------------------------------------------------------------------------

def decision_heading(decision_kind: str) -> str:
    return "Förslag till beslut" if decision_kind == "förslag" else "Beslut"


def decision_intro(body_name: str, decision_kind: str, to_body_name: str | None = None) -> str:
    """'Socialnämnden beslutar' or 'Arbetsutskottet föreslår socialnämnden besluta'."""
    if decision_kind == "förslag":
        target = lower_first(to_body_name) if to_body_name else "nämnden"
        return f"{body_name} föreslår {target} besluta"
    return f"{body_name} beslutar"


def bare_clause(text: str) -> str:
    """A clause as stored: no joining punctuation or trailing 'samt' (that is added when printed)."""
    text = re.sub(r"\s+", " ", text or "").strip()
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", text).strip()
    if text[:4] == "Att ":
        text = "att " + text[4:]
    return text


def formatted_clauses(clauses: list[str]) -> list[str]:
    """Punctuation for printing: 'att a,' … 'att b, samt' 'att c.'"""
    clauses = [bare_clause(c) for c in clauses if bare_clause(c)]
    out = []
    for index, clause in enumerate(clauses):
        if index == len(clauses) - 1:
            out.append(clause if clause.endswith(("!", "?", ".")) else clause + ".")
        elif index == len(clauses) - 2:
            out.append(clause + ", samt")
        else:
            out.append(clause + ",")
    return out


def decision_sentence(intro: str, clauses: list[str]) -> str:
    """The whole decision as one running text: 'Socialnämnden beslutar att a, samt att b.'"""
    return " ".join([intro] + formatted_clauses(clauses)).strip()


# Yrkanden --------------------------------------------------------------------------------------------

def motion_label(kind: str, mover_name: str, mover_party: str | None, target_label: str | None = None) -> str:
    """How a proposition or a reservation refers to the motion. A bifall motion stands for what it supports."""
    if kind == "bifall":
        return target_label or PROPOSAL_LABEL
    return f"{person_genitive(mover_name, mover_party)} {MOTION_NOUNS[kind]}"


def motion_sentence(kind: str, mover_name: str, mover_party: str | None, *, on_behalf_of: str | None = None,
                    target_label: str | None = None, has_text: bool = False) -> str:
    who = person_label(mover_name, mover_party)
    behalf = f" för {on_behalf_of}" if on_behalf_of else ""
    target = target_label or PROPOSAL_LABEL
    if kind == "bifall":
        return f"{who} yrkar{behalf} bifall till {target}."
    if kind == "avslag":
        return f"{who} yrkar{behalf} avslag på {target}" + (" med följande motivering:" if has_text else ".")
    if kind == "återremiss":
        return f"{who} yrkar{behalf} att ärendet återremitteras" + (" med följande motivering:" if has_text else ".")
    if kind == "bordläggning":
        return f"{who} yrkar{behalf} att ärendet bordläggs" + (" med följande motivering:" if has_text else ".")
    if kind == "ändring":
        return f"{who} yrkar{behalf} följande ändring i {target}:"
    if kind == "tillägg":
        return f"{who} yrkar{behalf} följande tillägg till {target}:"
    return f"{who} yrkar{behalf} följande:"


# Beslutsgång -------------------------------------------------------------------------------------

def proposition_alternatives(kind: str, first_label: str, second_label: str | None) -> tuple[str, str]:
    """What a ja-röst and a nej-röst stand for."""
    if kind == "bifall_avslag":
        return f"bifall till {first_label}", f"avslag på {first_label}"
    if kind == "återremiss":
        return "att ärendet avgörs i dag", "att ärendet återremitteras"
    if kind == "bordläggning":
        return "att ärendet avgörs i dag", "att ärendet bordläggs"
    return first_label, second_label or ""


def _finding(kind: str, outcome: str, first_label: str, second_label: str | None, first_is_proposal: bool) -> str:
    """What the body decides according to the outcome, after 'beslutar'."""
    if kind == "bifall_avslag":
        thing = "förslaget" if first_is_proposal else "yrkandet"
        if outcome == "first":
            return "enligt förslaget" if first_is_proposal else f"att bifalla {thing}"
        return f"att avslå {thing}"
    if kind == "återremiss":
        return "att ärendet ska avgöras i dag" if outcome == "first" else "att återremittera ärendet"
    if kind == "bordläggning":
        return "att ärendet ska avgöras i dag" if outcome == "first" else "att bordlägga ärendet"
    return f"enligt {first_label if outcome == 'first' else second_label}"


def proposition_sentence(kind: str, outcome: str, noun: str, first_label: str, second_label: str | None = None,
                         *, first_is_proposal: bool = True) -> str:
    finding = _finding(kind, outcome, first_label, second_label, first_is_proposal)
    if kind == "bifall_avslag":
        put = f"bifall mot avslag till {first_label}"
    elif kind == "återremiss":
        put = "om ärendet ska avgöras i dag eller återremitteras"
    elif kind == "bordläggning":
        put = "om ärendet ska avgöras i dag eller bordläggas"
    else:
        put = f"{first_label} mot {second_label}"
    return f"Ordföranden ställer proposition på {put} och finner att {noun} beslutar {finding}."


def _count(n: int, word: str) -> str:
    return f"{n} {word}-röst" if n == 1 else f"{n} {word}-röster"


def vote_texts(kind: str, outcome: str, noun: str, first_label: str, second_label: str | None, yes: int, no: int,
               abstain: int, *, first_is_proposal: bool = True) -> dict:
    """The omröstning: intro, propositionsordning (question) and result, and all three as one sentence."""
    ja, nej = proposition_alternatives(kind, first_label, second_label)
    intro = "Omröstning begärs och verkställs."
    question = f"Följande propositionsordning godkänns: Ja-röst för {ja}. Nej-röst för {nej}."
    counts = f"Med {_count(yes, 'ja')} mot {_count(no, 'nej')}" + (f", {abstain} avstår," if abstain else "")
    tie_break = " med ordförandens utslagsröst" if yes == no else ""
    finding = _finding(kind, outcome, first_label, second_label, first_is_proposal)
    result = f"{counts} beslutar {noun}{tie_break} {finding}."
    return {"intro": intro, "question": question, "result": result, "sentence": f"{intro} {question} {result}"}


# Reservation, jäv, anteckning, ajournering ---------------------------------------------------------

def reservation_favour(in_favour_of: str | None, motion_label: str | None, *, motion_by_reservant: bool,
                       reservant_moved: bool) -> str | None:
    """What a reservation is in favour of: the secretary's own words; "eget yrkande" only when the motion
    (or, without a named motion, some motion in the §) is the reservants' own; another member's motion by
    its label; None when no reservant made a yrkande (they reserve themselves against the decision)."""
    if in_favour_of:
        return in_favour_of
    if motion_label is not None:
        return "eget yrkande" if motion_by_reservant else motion_label
    return "eget yrkande" if reservant_moved else None


def reservation_sentence(persons: list[str], favour_label: str | None, *, with_text: bool = False) -> str:
    """'A (M) och B (KD) reserverar sig till förmån för eget yrkande.' (… 'enligt följande:' with text);
    without a favour label: 'A (M) reserverar sig mot beslutet.'"""
    ending = " enligt följande:" if with_text else "."
    if not favour_label:
        return f"{join_names(persons)} reserverar sig mot beslutet{ending}"
    return f"{join_names(persons)} reserverar sig till förmån för {favour_label}{ending}"


def disqualification_sentence(person: str, substitute: str | None = None) -> str:
    sentence = f"{person} anmäler jäv och deltar inte i handläggningen av ärendet."
    if substitute:
        sentence += f" Ersättaren {substitute} tjänstgör i stället för {person}."
    return sentence


def note_sentence(persons: list[str]) -> str:
    return f"{join_names(persons)} lämnar följande protokollsanteckning:"


def adjournment_sentence(start: str, end: str) -> str:
    return f"Sammanträdet ajourneras kl. {start}–{end}."


def immediate_approval_sentence() -> str:
    return "Paragrafen justeras omedelbart."
