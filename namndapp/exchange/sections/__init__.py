"""The sections of a meeting exchange file, in the order they are written and read.

A later issue adds its part (attendance, paragraphs …) as another section module and one line here.
Sections may refer to keys that earlier sections declared (bodies, persons, cases, agenda positions).
"""

from namndapp.exchange.sections.bodies import BodiesSection
from namndapp.exchange.sections.cases import CasesSection
from namndapp.exchange.sections.house_style import HouseStyleSection
from namndapp.exchange.sections.meeting import AgendaItemsSection, MeetingSection, TimeSlotsSection
from namndapp.exchange.sections.municipality import MunicipalitySection
from namndapp.exchange.sections.persons import MembershipsSection, PersonsSection
from namndapp.exchange.minutes_section import MinutesSection

SECTIONS = (
    MunicipalitySection(),
    BodiesSection(),
    PersonsSection(),
    MembershipsSection(),
    CasesSection(),
    MeetingSection(),
    TimeSlotsSection(),
    AgendaItemsSection(),
    MinutesSection(),
    HouseStyleSection(),
)
