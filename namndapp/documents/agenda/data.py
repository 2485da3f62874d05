"""The plain data of the kallelse and the meeting packet, as services build it and renderers read it.

Kept apart from the renderers so that building the data needs no PDF library.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class KallelseItem:
    item_id: int
    number_label: str
    title: str
    case_number: str = ""
    presenter: str = ""
    kind_label: str = ""
    confidential: bool = False
    case_id: int | None = None
    report_id: int | None = None
    secrecy_ref: str = ""
    public_title: str = ""
    time: str = ""                  # "08:15–08:35" when the item is tied to a hålltid


@dataclass
class TimeSlotLine:
    """A hålltid; confidential when an item tied to it is, so its title and presenters stay internal."""
    start_time: str
    end_time: str
    title: str
    presenters: str = ""
    confidential: bool = False
    public_title: str = ""


@dataclass
class KallelseData:
    meeting_id: int
    municipality: dict
    body_name: str
    body_genitive: str
    meeting_date: str
    notice_date: str
    sentence: str
    chair_name: str
    chair_title: str
    items: list[KallelseItem] = field(default_factory=list)
    time_slots: list[TimeSlotLine] = field(default_factory=list)
    public: bool = False
    unit: str = ""
    style: dict = field(default_factory=dict)  # the house style (documents.house_style), plain strings

    @property
    def title(self) -> str:
        return f"Kallelse {self.body_name} {self.meeting_date}"


@dataclass
class PacketPart:
    """One document of an item: the tjänsteskrivelse (rendered from `report`), an attached file (`content`),
    or, once filtered or screened, a page saying why it is not there (`message`)."""
    title: str
    kind: str                       # 'report', 'pdf', 'placeholder', 'withheld'
    report: dict | None = None
    case: dict | None = None
    content: bytes | None = None
    filename: str = ""
    mime_type: str = ""
    message: str = ""
    confidential: bool = False
    secrecy_ref: str = ""
    public_title: str = ""
    withheld: bool = False


@dataclass
class PacketItem:
    """An agenda item with its documents; confidential with its item, so that the filter withholds the
    documents together with the item."""
    item: KallelseItem
    parts: list[PacketPart] = field(default_factory=list)
    confidential: bool = False
    withheld: bool = False


@dataclass
class PacketData:
    kallelse: KallelseData
    items: list[PacketItem] = field(default_factory=list)
    public: bool = False
