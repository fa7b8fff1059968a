"""The form's fixed vocabularies: the keys agencies write, and their labels in Thai and English.

Keys follow ``../shared/form/README.md``; the renderer shows the labels, never the keys.
"""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A fixed list of keys, each with a Thai and an English label."""

    @property
    def th(self) -> str:
        return _LABELS[type(self)][self.value][0]

    @property
    def en(self) -> str:
        return _LABELS[type(self)][self.value][1]

    def label(self, lang: str) -> str:
        return self.th if lang == "th" else self.en


class ChannelKind(Vocabulary):
    """The eight kinds of listening channel of section ``listening_channels`` (CS2-A)."""

    office = "office"
    documents = "documents"
    meeting = "meeting"
    learning_centre = "learning_centre"
    telephone = "telephone"
    website = "website"
    comment_box = "comment_box"
    other = "other"


class ParticipationLevel(Vocabulary):
    """The five levels of public participation of section ``participation_levels`` (IAP2)."""

    inform = "inform"
    consult = "consult"
    involve = "involve"
    collaborate = "collaborate"
    empower = "empower"


class FlowchartKind(Vocabulary):
    """The kinds of service flowchart of section ``service_standards`` (CS4)."""

    public_service = "public_service"
    contact = "contact"
    complaint = "complaint"
    other = "other"


class Measurement(Vocabulary):
    """What drove an entry of section ``satisfaction_improvements``."""

    dissatisfaction = "dissatisfaction"
    satisfaction = "satisfaction"


class AgencyKind(Vocabulary):
    """How the agency sits in Thai public administration; the agency list groups by it."""

    provincial = "provincial"
    central = "central"
    local = "local"
    state_enterprise = "state_enterprise"
    public_organization = "public_organization"
    other = "other"


_LABELS: dict[type[Vocabulary], dict[str, tuple[str, str]]] = {
    ChannelKind: {
        "office": ("สำนักงานหรือจุดบริการ", "Office or service point"),
        "documents": ("หนังสือ เอกสาร แบบสอบถาม", "Letters, documents, questionnaires"),
        "meeting": ("การประชุม/พบปะพูดคุย", "Meetings and face-to-face talks"),
        "learning_centre": ("ศูนย์สาธิต/ศูนย์การเรียนรู้", "Demonstration or learning centre"),
        "telephone": ("โทรศัพท์/โทรสาร/สายด่วน", "Telephone, fax, hotline"),
        "website": ("เว็บไซต์จังหวัด/หน่วยงาน", "Province or agency web site"),
        "comment_box": ("ตู้/กล่องรับความคิดเห็น", "Comment box"),
        "other": ("อื่นๆ", "Other"),
    },
    ParticipationLevel: {
        "inform": ("ระดับการให้ข้อมูล", "Inform"),
        "consult": ("ระดับการปรึกษาหารือ", "Consult"),
        "involve": ("ระดับการเข้ามาเกี่ยวข้อง", "Involve"),
        "collaborate": ("ระดับการร่วมมือ", "Collaborate"),
        "empower": ("ระดับการเสริมอำนาจประชาชน", "Empower"),
    },
    FlowchartKind: {
        "public_service": ("การให้บริการประชาชน", "Public service"),
        "contact": ("การติดต่อราชการ", "Contacting the agency"),
        "complaint": ("การร้องเรียนร้องทุกข์", "Complaints"),
        "other": ("อื่นๆ", "Other"),
    },
    Measurement: {
        "dissatisfaction": (
            "การปรับปรุงจากผลการวัดความไม่พึงพอใจ",
            "Improvement from dissatisfaction results",
        ),
        "satisfaction": (
            "การปรับปรุงจากผลการวัดความพึงพอใจ",
            "Improvement from satisfaction results",
        ),
    },
    AgencyKind: {
        "provincial": ("ราชการบริหารส่วนภูมิภาค", "Provincial administration"),
        "central": ("ราชการบริหารส่วนกลางในจังหวัด", "Central government office in the province"),
        "local": ("องค์กรปกครองส่วนท้องถิ่น", "Local government"),
        "state_enterprise": ("รัฐวิสาหกิจ", "State enterprise"),
        "public_organization": ("องค์การมหาชน", "Public organization"),
        "other": ("หน่วยงานอื่น", "Other agency"),
    },
}
