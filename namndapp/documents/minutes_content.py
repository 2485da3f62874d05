"""What a protokoll or protokollsutdrag says, as a list of plain blocks that both renderers draw.

The text is decided here once, so the .docx and the .pdf always say the same thing. Input is the
normalised minutes data (see minutes_adapter.normalise); a public version is filtered before it
reaches this module (namndapp.public), never here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from namndapp import swedish
from namndapp.documents import attendance_grid, house_style as hs
from namndapp.documents.attendance_grid import Grid  # noqa: F401  (a block both renderers draw)
from namndapp.documents.public_wording import MINUTES_MARKER, WITHHELD_PARAGRAPH, reference

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

PROTOCOL = "protokoll"
EXTRACT = "utdrag"


def clean(value) -> str:
    """Text that .docx XML and PDF can carry: no control characters, no lone surrogates, NFC."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text).strip()


# Blocks ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: "§ 38", 2: the title, 3: "Beslut", "Ärendebeskrivning" …, 4: within the beslutsgång


@dataclass(frozen=True)
class ParagraphHead:
    """The line that opens a §: its number and, to the right, the case number."""
    number: str
    case_number: str


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"  # body, intro, quote, small, note


@dataclass(frozen=True)
class Clauses:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Labelled:
    """Two columns: a label on the left, one or more lines on the right (the first page)."""
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class VoteTable:
    """An omröstning: the question put, each member's vote (none in the house style "bara summor"),
    the totals and the outcome."""
    heading: str
    question: str
    rows: tuple[tuple[str, str, str, str], ...]  # name (party), ja, nej, avstår (an "X" or "")
    totals: tuple[int, int, int]
    result: str
    member_label: str = "Ledamot"
    total_label: str = "Summa"


@dataclass(frozen=True)
class Signatures:
    lines: tuple[tuple[str, str], ...]  # (role, printed name)


@dataclass(frozen=True)
class NoticeBlock:
    """The anslagsbevis: a heading sentence and labelled rows, framed."""
    heading: str
    rows: tuple[tuple[str, str], ...]
    signer: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass
class MinutesDocument:
    kind: str  # PROTOCOL or EXTRACT
    municipality: str
    body_name: str
    meeting_date: str
    public: bool
    title: str  # for the metadata
    subject: str
    blocks: list = field(default_factory=list)
    logo: bytes | None = None  # the municipality's logo for the PDF page header (the .docx takes it from its template)
    style: dict = field(default_factory=dict)  # the house style, plain strings (documents.house_style)

    @property
    def heading(self) -> str:
        return "Sammanträdesprotokoll" if self.kind == PROTOCOL else "Protokollsutdrag"

    @property
    def approval_label(self) -> str:
        return "Utdragsbestyrkande" if self.kind == PROTOCOL else "Utdraget bestyrks:"

    @property
    def sign_label(self) -> str:
        label = hs.label(self.style, "sign_label")
        return label if self.kind == PROTOCOL or label.endswith(":") else f"{label}:"

    @property
    def sign_boxes(self) -> bool:
        """The boxes for the justerare's initials (and the extract's certification) on every page."""
        return hs.is_on(self.style, "sign_boxes")

    @property
    def logo_position(self) -> str:
        return hs.label(self.style, "logo_position")

    @property
    def public_marker(self) -> str:
        return MINUTES_MARKER if self.public else ""


# Building ----------------------------------------------------------------------------------------

def paragraph_range(numbers: list[int]) -> str:
    """'§§ 38–48' with a no-break space, as the documents print it."""
    return swedish.paragraph_span(numbers, no_break=True)


def person(entry: dict) -> str:
    name = clean(entry.get("name"))
    party = clean(entry.get("party"))
    return f"{name} ({party})" if party else name


def _time_and_place(meeting: dict) -> list[str]:
    place = clean(meeting.get("place"))
    times = swedish.time_range(clean(meeting.get("start_time")) or None, clean(meeting.get("end_time")) or None)
    line = ", ".join(part for part in (place, f"kl. {times}" if times else "") if part)
    return [line] if line else [""]


def _with_paragraphs(text: str, paragraphs) -> str:
    """'Anna Berg (S) §§ 38–40' from a list of § numbers or a ready-made span."""
    if isinstance(paragraphs, (list, tuple)):
        span = paragraph_range(list(paragraphs))
    else:
        span = re.sub(r"(§§?) ", "\\1\u00a0", clean(paragraphs))
    return f"{text} {span}" if span else text


def attendance_rows(data: dict) -> list[tuple[str, tuple[str, ...]]]:
    attendance = data.get("attendance") or {}
    deciding = []
    for member in attendance.get("members", []):
        line = person(member)
        if member.get("role") and member["role"] != "ledamot":
            line += f", {clean(member['role'])}"
        deciding.append(_with_paragraphs(line, member.get("paragraphs")))
    for substitute in attendance.get("serving_substitutes", []):
        line = f"{person(substitute)}, tjänstgörande ersättare för {person(substitute.get('replaces') or {})}"
        deciding.append(_with_paragraphs(line, substitute.get("paragraphs")))
    rows = [("Beslutande", tuple(deciding) or ("",))]
    non_serving = [_with_paragraphs(person(p), p.get("paragraphs")) for p in attendance.get("non_serving_substitutes", [])]
    if non_serving:
        rows.append(("Ej tjänstgörande ersättare", tuple(non_serving)))
    others = []
    for other in attendance.get("others", []):
        line = person(other)
        if other.get("role"):
            line += f", {clean(other['role'])}"
        others.append(_with_paragraphs(line, other.get("paragraphs")))
    if others:
        rows.append((hs.label(data.get("style"), "others_label"), tuple(others)))
    absent = [person(p) for p in attendance.get("absent", [])]
    if absent:
        rows.append(("Frånvarande", tuple(absent)))
    return rows


def _adjournments(data: dict) -> list[dict]:
    if data.get("adjournments") is not None:
        return [{"start": a.get("start_time"), "end": a.get("end_time"), "paragraph": a.get("paragraph")}
                for a in data["adjournments"]]
    return [{**a, "paragraph": p.get("number")} for p in data["paragraphs"] for a in p.get("adjournments") or []]


def _cover_blocks(data: dict, numbers: list[int]) -> list:
    meeting = data["meeting"]
    approval = data.get("approval") or {}
    adjournments = [f"Ajournering kl. {clean(a.get('start'))}–{clean(a.get('end'))}"
                    + (f" ({paragraph_range([a['paragraph']])})" if a.get("paragraph") else "")
                    for a in _adjournments(data)]
    place_time = _time_and_place(meeting) + adjournments
    justerare = [person(p) for p in approval.get("adjusters", [])]
    approval_when = ", ".join(part for part in (clean(approval.get("place")), clean(approval.get("when"))) if part)
    # the running header already names the body and the date: the first page goes straight to the facts
    blocks = [
        Labelled(tuple([("Plats och tid", tuple(place_time))] + attendance_rows(data) + [
            ("Utses att justera", tuple([swedish.join_names(justerare)]) if justerare else ("",)),
            ("Justeringens plats och tid", (approval_when,)),
            ("Paragrafer", (paragraph_range(numbers),)),
        ])),
    ]
    signers = [("Sekreterare", clean((approval.get("secretary") or {}).get("name"))),
               ("Ordförande", clean((approval.get("chair") or {}).get("name")))]
    signers += [("Justerare", clean(p.get("name"))) for p in approval.get("adjusters", [])] or [("Justerare", "")]
    blocks.append(Signatures(tuple(signers)))
    blocks.append(_notice_block(data))
    return blocks


def _notice_block(data: dict) -> NoticeBlock:
    notice = data.get("notice") or {}
    approval = data.get("approval") or {}
    # Only a posted anslag may claim the justering was tillkännagiven; before that the bevis is a form to fill in.
    posted = bool(clean(notice.get("posted_on")))
    return NoticeBlock(
        heading=("ANSLAG/BEVIS – Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
                 if posted else "ANSLAGSBEVIS"),
        rows=(
            (hs.label(data.get("style"), "body_label"), clean(data["body"].get("name"))),
            ("Sammanträdesdatum", clean(data["meeting"].get("meeting_date"))),
            ("Datum då anslaget sätts upp", clean(notice.get("posted_on"))),
            ("Datum då anslaget tas ned", clean(notice.get("removed_on"))),
            ("Förvaringsplats för protokollet", clean(notice.get("storage_place"))),
        ),
        signer=clean(notice.get("signer") or (approval.get("secretary") or {}).get("name")),
    )


def _decision_blocks(paragraph: dict) -> list:
    label = "Förslag till beslut" if paragraph.get("decision_kind") == "förslag" else "Beslut"
    blocks = [Heading(label, 3)]
    intro = clean(paragraph.get("decision_intro"))
    clauses = [clean(c) for c in paragraph.get("clauses") or [] if clean(c)]
    if intro:
        blocks.append(Text(intro))
    if clauses:
        blocks.append(Clauses(tuple(clauses)))
    if not intro and not clauses:
        blocks.append(Text("Beslut saknas ännu.", "note"))
    if paragraph.get("immediate_approval"):
        blocks.append(Text("Paragrafen justeras omedelbart.", "note"))
    return blocks


def _reservation_sentence(reservation: dict) -> str:
    sentence = clean(reservation.get("sentence"))
    if sentence:
        return sentence
    names = swedish.join_names([person(p) for p in reservation.get("persons", [])])
    favour = clean(reservation.get("in_favour_of")) or "eget yrkande"
    verb = "reserverar sig"
    ending = " enligt följande:" if clean(reservation.get("text")) else "."
    return f"{names} {verb} till förmån för {favour}{ending}"


def _disqualification_sentence(disqualification: dict) -> str:
    sentence = clean(disqualification.get("sentence"))
    if sentence:
        return sentence
    text = f"{person(disqualification)} anmäler jäv och deltar inte i handläggningen av ärendet."
    substitute = disqualification.get("substitute")
    if substitute:
        text += f" {person(substitute)} tjänstgör som ersättare för {person(disqualification)} i ärendet."
    return text


def _jav_sentence(disqualifications: list) -> str:
    """How many did not take part in the vote because of jäv, and who."""
    names = [person(d) for d in disqualifications or [] if clean(d.get("name"))]
    if not names:
        return ""
    count = "1 ledamot" if len(names) == 1 else f"{len(names)} ledamöter"
    return f"{count} deltar inte i omröstningen på grund av jäv: {swedish.join_names(names)}."


def _vote_blocks(vote: dict, body_name: str, style: dict | None = None, disqualifications=None) -> list:
    rows = []
    for ballot in vote.get("ballots", []):
        choice = clean(ballot.get("vote")).lower()
        rows.append((person(ballot), "X" if choice == "ja" else "", "X" if choice == "nej" else "",
                     "X" if choice == "avstår" else ""))
    totals = tuple(int(vote[key]) if vote.get(key) is not None else sum(1 for row in rows if row[column])
                   for key, column in (("yes", 1), ("no", 2), ("abstain", 3)))
    result = clean(vote.get("result"))
    if not result:
        yes, no, abstain = totals
        who = body_name[:1].lower() + body_name[1:] if body_name else "nämnden"
        result = f"Med {yes} ja-röster mot {no} nej-röster" + (f", {abstain} avstår," if abstain else "")
        result += f" beslutar {who} enligt {'ja' if yes > no else 'nej'}-propositionen."
    jav = _jav_sentence(disqualifications)
    result = f"{result} {jav}" if jav else result
    shown = tuple(rows) if hs.label(style, "vote_table") == "per ledamot" else ()
    return [VoteTable("Omröstning", clean(vote.get("question")), shown, totals, result)]


def _steps(paragraph: dict) -> list[dict]:
    """The beslutsgång in the order it happened: propositions, each omröstning after its proposition."""
    if paragraph.get("procedure") is not None:
        return list(paragraph["procedure"])
    steps = [{"kind": "proposition", "sentence": p} for p in paragraph.get("propositions") or []]
    return steps + [{"kind": "vote", **v} for v in paragraph.get("votes") or []]


def definite_body(body: dict) -> str:
    """'Arbetsutskottet' for 'Socialnämndens arbetsutskott', as an utskott's protokoll calls itself."""
    last = clean(body.get("name")).split(" ")[-1]
    if last.endswith("utskott"):
        return last[:1].upper() + last[1:] + "et"
    noun = clean(body.get("noun")) or "nämnden"
    return noun[:1].upper() + noun[1:]


def _proposal_order(paragraph: dict, body: dict, has_procedure: bool) -> list:
    """An utskott's proposal ends with its beslutsordning, as the nämnd's extracts print it."""
    name = definite_body(body)
    blocks = [Heading(f"{name}s beslutsordning", 3)]
    if not has_procedure:
        source = "tjänsteskrivelsens förslag till beslut" if paragraph.get("has_report") else "förslaget till beslut"
        blocks.append(Text(f"{name} beslutar i enlighet med {source}."))
    return blocks


def _procedure_blocks(paragraph: dict, data: dict) -> list:
    motions = [m for m in paragraph.get("motions") or [] if clean(m.get("sentence") or m.get("text"))]
    steps = [s for s in _steps(paragraph) if s.get("kind") == "vote" or clean(s.get("sentence"))]
    body = data["body"]
    proposing = paragraph.get("decision_kind") == "förslag"
    if proposing and (motions or steps or paragraph.get("outcome") == "bifall"):
        blocks = _proposal_order(paragraph, body, bool(motions or steps))
        if not (motions or steps):
            return blocks
    elif not (motions or steps):
        return []
    else:
        blocks = [Heading(f"{clean(body.get('genitive')) or 'Nämndens'} beslutsgång", 3)]
    if motions:
        blocks.append(Heading("Yrkanden", 4))
        for motion in motions:
            blocks.append(Text(clean(motion.get("sentence") or motion.get("text"))))
            if clean(motion.get("sentence")) and clean(motion.get("text")):
                blocks.extend(Text(part, "quote") for part in _paragraphs(motion["text"]))
    if any(step.get("kind") != "vote" for step in steps):
        blocks.append(Heading("Propositionsordning", 4))
    for step in steps:
        if step.get("kind") == "vote":
            blocks.extend(_vote_blocks(step, clean(body.get("name")), data.get("style"),
                                       paragraph.get("disqualifications")))
        else:
            blocks.append(Text(clean(step.get("sentence"))))
    return blocks


def _paragraphs(text) -> list[str]:
    return [part for part in re.split(r"\n\s*\n", clean(text)) if part.strip()]


def withheld_sentence(secrecy_ref) -> str:
    """What the public version says in place of a confidential §."""
    return WITHHELD_PARAGRAPH.replace("{ref}", reference(clean(secrecy_ref)))


def paragraph_blocks(paragraph: dict, data: dict) -> list:
    style = data.get("style")
    year = paragraph.get("year") or clean(data["meeting"].get("meeting_date"))[:4]
    blocks = [ParagraphHead(hs.paragraph_label(style, paragraph.get("number"), year),
                            hs.case_number_line(style, clean(paragraph.get("case_number")))),
              Heading(clean(paragraph.get("title")) or "(rubrik saknas)", 2)]
    if paragraph.get("withheld"):
        blocks.append(Text(withheld_sentence(paragraph.get("secrecy_ref")), "note"))
        blocks.append(Rule())
        return blocks
    blocks += _decision_blocks(paragraph)
    reservations = paragraph.get("reservations") or []
    if reservations:
        blocks.append(Heading("Reservation", 3))
        blocks.extend(Text(_reservation_sentence({**r, "text": ""})) for r in reservations)
    disqualifications = paragraph.get("disqualifications") or []
    if disqualifications:
        blocks.append(Heading("Jäv", 3))
        blocks.extend(Text(_disqualification_sentence(d)) for d in disqualifications)
    adjournments = paragraph.get("adjournments") or []
    if adjournments:
        blocks.append(Heading("Ajournering", 3))
        for adjournment in adjournments:
            sentence = clean(adjournment.get("sentence")) or \
                f"Sammanträdet ajourneras kl. {clean(adjournment.get('start'))}–{clean(adjournment.get('end'))}."
            blocks.append(Text(sentence))
    description = clean(paragraph.get("description"))
    if description:
        blocks.append(Heading("Ärendebeskrivning", 3))
        blocks.extend(Text(part) for part in _paragraphs(description))
    blocks += _procedure_blocks(paragraph, data)
    written = [r for r in reservations if clean(r.get("text"))]
    if written:
        blocks.append(Heading("Reservationer", 3))
        for reservation in written:
            blocks.append(Text(clean(reservation.get("written_sentence")) or _reservation_sentence(
                {**reservation, "sentence": ""})))
            blocks.extend(Text(part, "quote") for part in _paragraphs(reservation["text"]))
    notes = paragraph.get("notes") or []
    if notes:
        blocks.append(Heading("Protokollsanteckning", 3))
        for note in notes:
            intro = clean(note.get("sentence")) or (
                f"{swedish.join_names([person(p) for p in note.get('persons', [])])} lämnar följande "
                "protokollsanteckning:")
            blocks.append(Text(intro))
            blocks.extend(Text(part, "quote") for part in _paragraphs(note.get("text")))
    for label, key in (("Beslutsunderlag", "decision_basis"), ("Beredningsansvarig", "preparers"),
                       ("Beslutet ska skickas till", "recipients")):
        items = [clean(i) for i in paragraph.get(key) or [] if clean(i)]
        if items:
            if key == "preparers" and len(items) > 1:
                label = "Beredningsansvariga"
            blocks.append(Heading(label, 3))
            blocks.append(Items(tuple(items)))
    blocks.append(Rule())
    return blocks


def _document(data: dict, kind: str, public: bool, numbers: list[int]) -> MinutesDocument:
    body_name = clean(data["body"].get("name"))
    date = clean(data["meeting"].get("meeting_date"))
    municipality = clean((data.get("municipality") or {}).get("name"))
    what = "Sammanträdesprotokoll" if kind == PROTOCOL else f"Protokollsutdrag {paragraph_range(numbers)}"
    suffix = " (offentlig version)" if public else ""
    logo = (data.get("municipality") or {}).get("logo")
    return MinutesDocument(kind=kind, municipality=municipality, body_name=body_name, meeting_date=date,
                           public=public, title=f"{what} – {body_name} {date}{suffix}",
                           subject=f"{what}, {body_name}, sammanträde {date}",
                           logo=logo if isinstance(logo, bytes) else None, style=hs.resolved(data.get("style")))


def protocol_document(data: dict, *, public: bool = False) -> MinutesDocument:
    numbers = [p.get("number") for p in data["paragraphs"]]
    document = _document(data, PROTOCOL, public, numbers)
    document.blocks = _cover_blocks(data, numbers) + [PageBreak()]
    for paragraph in data["paragraphs"]:
        document.blocks += paragraph_blocks(paragraph, data)
    if hs.is_on(data.get("style"), "attendance_grid"):
        document.blocks += _grid_blocks(data)
    return document


def _grid_blocks(data: dict) -> list:
    style = data.get("style")
    meeting_year = clean(data["meeting"].get("meeting_date"))[:4]
    label = lambda p: hs.paragraph_label(style, p.get("number"), p.get("year") or meeting_year)  # noqa: E731
    return [PageBreak(), Heading(attendance_grid.HEADING, 2), *attendance_grid.grids(data, label)]


def extract_document(data: dict, *, public: bool = False) -> MinutesDocument:
    """The extract of the §§ already selected in `data` (see extract.select)."""
    numbers = [p.get("number") for p in data["paragraphs"]]
    document = _document(data, EXTRACT, public, numbers)
    for paragraph in data["paragraphs"]:
        document.blocks += paragraph_blocks(paragraph, data)
    return document
