"""The final scan of a finished public document, before it is written.

Reads back everything a reader of the file could see: the text of every page (headers, footers and
tables included), PDF metadata, bookmarks, annotations, form fields and embedded file names; in a
.docx every XML part (body, headers, footers, comments, core and custom properties). It looks for
anything like a personnummer and for distinctive phrases of what the public filter withheld, and
says where each finding is and which field it came from.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterable, Iterator

from namndapp.public.filter import PublicVersion
from namndapp.public.personnummer import digits, find_personnummer

PHRASE_WORDS = 6          # a run of this many words of a withheld text is distinctive
SHORT_PHRASE_CHARS = 12   # a withheld title or case number at least this long is checked whole

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Finding:
    where: str      # "sidan 3", "bokmärke", "word/header1.xml"
    kind: str       # "personnummer" or "sekretess"
    source: str     # the field it came from, in Swedish
    text: str = ""

    def sentence(self) -> str:
        if self.kind == "personnummer":
            return f"{self.where}: något som liknar ett personnummer (från {self.source})"
        return f"{self.where}: text ur en sekretessbelagd post (från {self.source})"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _ngrams(words: list[str], size: int = PHRASE_WORDS) -> Iterator[tuple[str, ...]]:
    for start in range(0, max(len(words) - size + 1, 0)):
        yield tuple(words[start:start + size])


# A capitalised word inside a sentence: a name, a street, a place.
_NAME = re.compile(r"(?<![\w.!?:;\n])(?<=\s)([A-ZÅÄÖÆØÉÜ][\w-]{3,})")


def _names(text: str) -> Iterator[str]:
    for match in _NAME.finditer(text):
        before = text[:match.start()].rstrip()
        if before and before[-1] not in ".!?:;":
            yield match[1].casefold()


class SecretIndex:
    """Distinctive phrases of the withheld entries, minus anything the public data itself says. `names`
    (capitalised words inside a withheld text that the public data never uses) are stricter still: they
    screen attachments, where a name alone is enough to withhold the file."""

    def __init__(self, version: PublicVersion):
        from namndapp.documents import public_wording  # noqa: PLC0415  (the documents' own fixed sentences)

        public_grams = set()
        public_words = set()
        references = [text for where, text in version.texts if where.endswith("sekretesshänvisning")
                      or where.endswith("secrecy_ref")]
        own = [("", sentence) for sentence in public_wording.sentences(references)]
        public_text = " ".join(" ".join(_words(text)) for _, text in version.texts + own)
        for _, text in version.texts + own:
            words = _words(text)
            public_words.update(words)
            public_grams.update(_ngrams(words))
        self.grams: dict[tuple[str, ...], str] = {}
        self.phrases: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for secret in version.secrets:
            for name in _names(secret.text):
                if name not in public_words:
                    self.names.setdefault(name, secret.where)
            words = _words(secret.text)
            for gram in _ngrams(words):
                if gram not in public_grams:
                    self.grams.setdefault(gram, secret.where)
            if 0 < len(words) < PHRASE_WORDS:
                phrase = " ".join(words)
                if len(phrase) >= SHORT_PHRASE_CHARS and (len(words) >= 2 or any(c.isdigit() for c in phrase)) \
                        and f" {phrase} " not in f" {public_text} ":
                    self.phrases.setdefault(phrase, secret.where)

    def findings(self, where: str, text: str, *, with_names: bool = False) -> list[Finding]:
        words = _words(text)
        found = [Finding(where, "sekretess", self.grams[gram], " ".join(gram))
                 for gram in _ngrams(words) if gram in self.grams]
        if with_names and self.names:
            found += [Finding(where, "sekretess", self.names[word], word)
                      for word in dict.fromkeys(words) if word in self.names]
        if self.phrases:
            joined = f" {' '.join(words)} "
            found += [Finding(where, "sekretess", source, phrase)
                      for phrase, source in self.phrases.items() if f" {phrase} " in joined]
        return found


def _source_of(number: str, version: PublicVersion) -> str:
    wanted = digits(number)
    for where, text in version.texts:
        if any(digits(hit) == wanted for hit in find_personnummer(text)):
            return f"fältet ”{where}”"
    for secret in version.secrets:
        if any(digits(hit) == wanted for hit in find_personnummer(secret.text)):
            return f"fältet ”{secret.where}”"
    return "en del av dokumentet som inte kommer från registrets uppgifter"


def scan_texts(texts: Iterable[tuple[str, str]], version: PublicVersion, *, with_names: bool = False,
               loose: bool = False, index: SecretIndex | None = None) -> list[Finding]:
    """`with_names` and `loose` make the scan stricter, for attachments (see SecretIndex and personnummer)."""
    index = index or SecretIndex(version)
    findings: list[Finding] = []
    for where, text in texts:
        if not text:
            continue
        findings += [Finding(where, "personnummer", _source_of(hit, version), hit)
                     for hit in find_personnummer(text, loose=loose)]
        findings += index.findings(where, text, with_names=with_names)
    return findings


# Reading back a PDF ------------------------------------------------------------------------------

def pdf_page_texts(content: bytes) -> list[str]:
    import pypdfium2 as pdfium  # noqa: PLC0415  (heavy; only when a document is made)

    document = pdfium.PdfDocument(content)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def pages_without_text(content: bytes) -> list[int]:
    """The pages (1-based) that show an image but hold no text: a scan nobody can check by reading."""
    import pypdfium2 as pdfium  # noqa: PLC0415
    import pypdfium2.raw as pdfium_raw  # noqa: PLC0415

    document = pdfium.PdfDocument(content)
    try:
        blind = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            empty = not textpage.get_text_bounded().strip()
            textpage.close()
            if empty and next(iter(page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,))), None) is not None:
                blind.append(index + 1)
            page.close()
        return blind
    finally:
        document.close()


def _pdf_strings(value, depth: int = 0) -> Iterator[str]:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject, ByteStringObject  # noqa: PLC0415

    if depth > 6:
        return
    if isinstance(value, IndirectObject):
        value = value.get_object()
    if isinstance(value, (TextStringObject, str)):
        yield str(value)
    elif isinstance(value, ByteStringObject):
        yield bytes(value).decode("latin-1", "replace")
    elif isinstance(value, ArrayObject):
        for item in value:
            yield from _pdf_strings(item, depth + 1)
    elif isinstance(value, DictionaryObject):
        for key, item in value.items():
            if key in ("/Parent", "/P", "/Page", "/Dest", "/Popup", "/IRT"):
                continue
            yield from _pdf_strings(item, depth + 1)


def _bytes_text(content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("latin-1", "replace")


def _annotation_files(annotation) -> Iterator[str]:
    """The contents of a file attached to a page through an annotation (a paperclip)."""
    annotation = annotation.get_object()
    if annotation.get("/Subtype") != "/FileAttachment":
        return
    spec = annotation.get("/FS")
    spec = spec.get_object() if spec is not None else None
    embedded = spec.get("/EF") if spec is not None and hasattr(spec, "get") else None
    for key in ("/F", "/UF"):
        stream = embedded.get_object().get(key) if embedded is not None else None
        if stream is not None:
            yield _bytes_text(stream.get_object().get_data())
            return


def pdf_texts(content: bytes) -> list[tuple[str, str]]:
    """(where, text) for everything a reader can see in the PDF."""
    from pypdf import PdfReader  # noqa: PLC0415

    texts = [(f"sidan {n}", text) for n, text in enumerate(pdf_page_texts(content), start=1)]
    reader = PdfReader(io.BytesIO(content))
    for key, value in (reader.metadata or {}).items():
        texts.append((f"PDF-metadata {key}", str(value)))
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        texts.append(("PDF-metadata (XMP)", _xml_text(xmp.get_object().get_data().decode("utf-8", "replace"))))

    def outline(entries):
        for entry in entries:
            if isinstance(entry, list):
                yield from outline(entry)
            else:
                yield "bokmärke", str(entry.get("/Title", ""))

    texts += list(outline(reader.outline))
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            for text in _pdf_strings(annotation):
                texts.append((f"anteckning på sidan {number}", text))
    for name, contents in (reader.attachments or {}).items():
        texts.append(("inbäddad fil", name))
        texts += [(f"inbäddad fil {name}", _bytes_text(content)) for content in contents]
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            texts += [(f"fil i en anteckning på sidan {number}", text) for text in _annotation_files(annotation)]
    for name, field in (reader.get_fields() or {}).items():
        texts.append(("formulärfält", f"{name} {field.get('/V', '')}"))
    return texts


# Reading back a .docx ----------------------------------------------------------------------------

_BREAKS = re.compile(r"</w:p>|<w:br\b[^>]*/>|<w:cr\b[^>]*/>|</w:tc>|</a:p>|</cp:[^>]*>|</dc:[^>]*>|</dcterms:[^>]*>")
_TABS = re.compile(r"<w:tab\b[^>]*/>")
_TAGS = re.compile(r"<[^>]*>")
_ATTRIBUTES = re.compile(r'="([^"]*)"')


def _xml_text(xml: str) -> str:
    attributes = " ¦ ".join(html.unescape(value) for value in _ATTRIBUTES.findall(xml) if value.strip())
    text = _TAGS.sub("", _TABS.sub("\t", _BREAKS.sub("\n", xml)))
    return html.unescape(text) + "\n¦\n" + attributes


def docx_texts(content: bytes) -> list[tuple[str, str]]:
    texts = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            texts.append(("filnamn i dokumentet", name))
            if name.endswith((".xml", ".rels")):
                texts.append((name, _xml_text(archive.read(name).decode("utf-8", "replace"))))
    return texts


def html_texts(content: bytes) -> list[tuple[str, str]]:
    markup = content.decode("utf-8", "replace")
    return [("HTML", _xml_text(re.sub(r"(?i)<br\s*/?>|</p>|</li>|</h\d>|</tr>", "\n", markup)))]


def document_texts(content: bytes, fmt: str) -> list[tuple[str, str]]:
    readers = {"pdf": pdf_texts, "docx": docx_texts, "html": html_texts}
    return readers[fmt](content)


def scan_document(content: bytes, fmt: str, version: PublicVersion) -> list[Finding]:
    """Every finding in a finished public document (empty when it may be published)."""
    return scan_texts(document_texts(content, fmt), version)
