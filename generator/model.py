"""The submission format: an agency file and its yearly Category 3 reports.

This module is the one source of truth for the format. The validator checks files against
these models, ``generator.schema`` publishes them as JSON Schema, and each field's Thai and
English description comes from here. Section keys follow ``../shared/form/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, model_validator
from pydantic_core import PydanticCustomError

from generator.fields import (
    Attachment,
    BEDate,
    BEYear,
    Count,
    DurationField,
    Email,
    Flag,
    Phone,
    Photo,
    RichText,
    StepNumber,
    Strict,
    Text,
    Url,
    field,
)
from generator.problems import FieldPath
from generator.vocabulary import (
    AgencyKind,
    ChannelKind,
    FlowchartKind,
    Measurement,
    ParticipationLevel,
)

# --- The agency file (agency.yml) ----------------------------------------------------------


class PhoneNumber(Strict):
    number: Phone = field("หมายเลขโทรศัพท์", "Phone number", "0 3233 7866")
    label: Text | None = field(
        "ใช้สำหรับอะไร เช่น สายด่วน โทรสาร", "What it is for, e.g. hotline, fax", default=None
    )
    official: Flag = field(
        "เบอร์มือถือนี้เป็นเบอร์ทางราชการของหน่วยงาน (ไม่ใช่เบอร์ส่วนตัว)",
        "This mobile number is the agency's official line, not a person's own",
        default=False,
    )


class Contacts(Strict):
    phones: list[PhoneNumber] = field("หมายเลขโทรศัพท์ของหน่วยงาน", "The agency's phone numbers", default=[])
    email: Email | None = field("อีเมลของหน่วยงาน", "The agency's email", "saraban@example.go.th", default=None)
    website: Url | None = field(
        "เว็บไซต์ของหน่วยงาน", "The agency's web site", "https://www.example.go.th", default=None
    )
    hours: Text | None = field(
        "วันและเวลาทำการ", "Opening days and hours", "วันจันทร์–ศุกร์ 08.30–16.30 น.", default=None
    )


class Agency(Strict):
    """``content/agencies/<slug>/agency.yml``: who the agency is and how to reach it."""

    name: Text = field(
        "ชื่อส่วนราชการ", "Name of the agency", {"th": "สำนักงานจังหวัดราชบุรี", "en": "Ratchaburi Provincial Office"}
    )
    kind: AgencyKind = field("ประเภทของส่วนราชการ", "Kind of agency", "provincial")
    ministry: Text | None = field("กระทรวง", "Ministry", "กระทรวงมหาดไทย", default=None)
    department: Text | None = field("กรมหรือหน่วยงานต้นสังกัด", "Department or parent body", default=None)
    province: Text = field("จังหวัด", "Province", {"th": "ราชบุรี", "en": "Ratchaburi"})
    address: Text = field("ที่อยู่", "Address")
    contacts: Contacts = field("ช่องทางติดต่อ", "How to contact the agency", default=Contacts())
    logo: Photo | None = field("ตราสัญลักษณ์ (ไฟล์ภาพ)", "Logo (an image file)", default=None)
    example: Flag = field(
        "ข้อมูลตัวอย่าง (true) หรือข้อมูลจริง", "Example data (true) or a real report", default=False
    )


# --- The report file (<B.E. year>.yml), section by section -----------------------------------


class ListeningChannel(Strict):
    """One row of section 1: a channel and how many people used it each fiscal year."""

    kind: ChannelKind = field("ประเภทช่องทาง", "Kind of channel", "telephone")
    name: Text | None = field(
        "ชื่อช่องทาง (ต้องระบุเมื่อ kind เป็น other)",
        "The channel's name (required when kind is other)",
        default=None,
    )
    detail: Text | None = field(
        "รายละเอียด เช่น หมายเลข ที่ตั้ง", "Details such as a number or a place", default=None
    )
    statistics: dict[BEYear, Count] = field(
        "จำนวนผู้ใช้ช่องทาง แยกตามปีงบประมาณ (พ.ศ.)",
        "Number of users per fiscal year (B.E.)",
        {"2554": 1200, "2555": "๑,๔๕๐"},
        default={},
    )

    def label(self, lang: str) -> str:
        """The channel's own name if it has one, else its kind's label."""
        return self.name.get(lang) if self.name else self.kind.label(lang)

    @model_validator(mode="after")
    def _other_has_name(self) -> ListeningChannel:
        if self.kind is ChannelKind.other and self.name is None:
            raise PydanticCustomError("other_needs_name", "", {})
        return self


class ProcessImprovement(Strict):
    """Section 3 (CS3-I): a work process improved with what the channels brought in."""

    topic: Text = field("เรื่อง (กระบวนงานที่ปรับปรุง)", "The work process improved")
    steps: list[Text] = field("วิธีการและขั้นตอนดำเนินการ", "Method and steps taken, in order", default=[])
    result: RichText | None = field("ผลการดำเนินการปรับปรุง", "The result of the improvement", default=None)


class Network(Strict):
    """A row of section 4: a network group, its form, and how the agency talks with it."""

    group: Text = field("กลุ่ม/เครือข่าย", "Network group")
    form: Text | None = field("ลักษณะรูปแบบของเครือข่าย", "Form or nature of the network", default=None)
    channels: list[Text] = field(
        "ช่องทางการติดต่อสื่อสารกับเครือข่าย", "Channels used to communicate with it", default=[]
    )


class Activity(Strict):
    """What happened, when, with whom, what came of it and how it was used (as ITA asks)."""

    date: BEDate | None = field(
        "วันที่จัด (พ.ศ. ปปปป-ดด-วว)", "Date held (B.E. YYYY-MM-DD)", "2555-03-15", default=None
    )
    end_date: BEDate | None = field("วันที่สิ้นสุด (ถ้าจัดหลายวัน)", "Last day, if it ran longer", default=None)
    participants: Text | None = field("ผู้เข้าร่วม", "Who took part", default=None)
    participant_count: Count | None = field("จำนวนผู้เข้าร่วม (คน)", "How many took part", default=None)
    outcome: RichText | None = field("ผลที่ได้", "What came of it", default=None)
    use_of_result: RichText | None = field("การนำผลไปใช้", "How the agency used the result", default=None)


class NetworkActivity(Activity):
    """One activity of a relationship-building project."""

    title: Text = field("ชื่อกิจกรรม", "Title of the activity")
    description: RichText | None = field("รายละเอียดกิจกรรม", "What was done", default=None)
    photos: list[Photo] = field("ภาพกิจกรรม", "Photos of the activity", default=[])


class NetworkProject(Strict):
    """Section 5: a project to build relationships with networks, and its activities."""

    project: Text = field("เรื่อง/โครงการ", "Project")
    activities: list[NetworkActivity] = field("กิจกรรม", "Activities", default=[])
    relationship_outcome: RichText | None = field(
        "กิจกรรมสะท้อนการสร้างความสัมพันธ์กับเครือข่ายให้ดีขึ้นอย่างไร",
        "How the activities improved the relationship with the networks",
        default=None,
    )


class ParticipationMechanism(Strict):
    """A row of section 6: a main mission, how the public takes part in it, and who has a stake."""

    mission: Text = field("ภารกิจหลัก/กระบวนงาน", "Main mission or work process")
    mechanism: RichText = field("วิธีการ/กลไกการมีส่วนร่วมของประชาชน", "Mechanism for public participation")
    stakeholders: list[Text] = field("กลุ่มผู้มีส่วนได้ส่วนเสีย", "Stakeholder groups", default=[])


class GovernorReport(Strict):
    """The yearly summary of opinions sent to the provincial governor (section 7)."""

    title: Text = field("ชื่อรายงาน", "Title of the report")
    letter_number: str | None = field("หนังสือเสนอผู้ว่าฯ เลขที่", "Letter number", "รบ 0017.2/1234", default=None)
    letter_date: BEDate | None = field("ลงวันที่ (พ.ศ.)", "Date of the letter (B.E.)", default=None)
    meeting: Text | None = field("นำเสนอในการประชุม", "Meeting it was presented at", default=None)
    meeting_date: BEDate | None = field("วันที่ประชุม (พ.ศ.)", "Date of the meeting (B.E.)", default=None)


class PublicChannels(Strict):
    """Section 7: channels that inform the public and channels that take its opinions."""

    information: list[Text] = field("ช่องทางการให้ข้อมูลข่าวสาร", "Channels that give information", default=[])
    feedback: list[Text] = field(
        "ช่องทางการรับฟังความคิดเห็นข้อเสนอแนะ", "Channels that take opinions and suggestions", default=[]
    )
    governor_reports: list[GovernorReport] = field(
        "รายงานสรุปความคิดเห็นเสนอผู้ว่าราชการจังหวัด", "Summary reports of opinions sent to the governor", default=[]
    )


class ActivityContact(Strict):
    """Whom a citizen asks about an activity they want to join: a unit or a post, not a person's own line."""

    name: Text = field(
        "ผู้ประสานงาน (หน่วยงานหรือตำแหน่ง)",
        "Whom to ask (a unit or a post)",
        {"th": "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด", "en": "Provincial strategy section"},
    )
    phone: Phone | None = field("หมายเลขโทรศัพท์", "Phone number", "0 3233 7870", default=None)
    email: Email | None = field("อีเมล", "Email", "plan@example.go.th", default=None)


class ParticipationActivity(Activity):
    """A row of section 8: an activity or project and the participation levels it reached.

    An activity dated on or after the day the site is built is one a citizen can still join:
    ``how_to_join`` and ``contact`` tell them how."""

    activity: Text = field("กิจกรรม/โครงการ", "Activity or project")
    levels: list[ParticipationLevel] = field(
        "ระดับการมีส่วนร่วมที่ถึง", "Levels of participation reached", ["inform", "consult"], min_length=1
    )
    how_to_join: RichText | None = field(
        "วิธีเข้าร่วม (สำหรับกิจกรรมที่ยังไม่จัด) เช่น ลงทะเบียนที่ใด ถึงวันใด",
        "How to join (for an activity still to come), e.g. where to register and by when",
        default=None,
    )
    contact: ActivityContact | None = field(
        "ติดต่อสอบถามเรื่องกิจกรรม", "Whom to ask about the activity", default=None
    )

    @model_validator(mode="after")
    def _joining_needs_a_date(self) -> ParticipationActivity:
        """How to join is shown only while the activity is still to come, which its date tells."""
        if self.how_to_join is not None and self.date is None:
            raise PydanticCustomError("join_needs_date", "", {"at": ("how_to_join",)})
        return self


class SatisfactionImprovement(Strict):
    """An entry of section 10: a topic from satisfaction measurement and its fix."""

    measurement: Measurement = field(
        "มาจากผลการวัดความพึงพอใจหรือความไม่พึงพอใจ",
        "From satisfaction or dissatisfaction results",
        "dissatisfaction",
    )
    topic: Text = field("เรื่อง", "Topic")
    fix: RichText = field("การแก้ไข", "The fix")
    score: Text | None = field("ผลคะแนน (ถ้ามี)", "The score, if any", "ร้อยละ 72", default=None)


class Decision(Strict):
    """A step that can end two ways: it goes on, or the citizen is sent back or turned down."""

    question: Text = field("คำถามที่ตัดสินในขั้นตอนนี้", "What is decided here", "เอกสารครบถ้วนหรือไม่")
    if_yes: Text | None = field(
        "เมื่อผ่าน (ไปขั้นตอนถัดไป)", "When it passes (on to the next step)", "ครบถ้วน", default=None
    )
    if_no: Text = field("เมื่อไม่ผ่าน เกิดอะไรขึ้น", "What happens when it does not pass", "แจ้งให้นำเอกสารมาเพิ่ม")
    back_to_step: StepNumber | None = field(
        "เมื่อไม่ผ่าน กลับไปขั้นตอนที่ (ถ้าไม่ระบุ คือสิ้นสุด)",
        "When it does not pass, back to step number (left out: the service ends)",
        1,
        default=None,
    )


class FlowchartStep(Strict):
    """One step of a service, as a citizen's manual lists it."""

    action: Text = field("สิ่งที่ทำในขั้นตอนนี้", "What happens in this step")
    unit: Text | None = field("ผู้รับผิดชอบ", "Responsible unit", default=None)
    duration: DurationField = field("ระยะเวลา", "How long it takes", "15 นาที")
    decision: Decision | None = field(
        "ขั้นตอนนี้มีการตัดสิน เช่น อนุมัติหรือส่งกลับ",
        "A decision in this step, such as approved or returned",
        default=None,
    )


class Flowchart(Strict):
    """A service flowchart (section 11, CS4), with what a citizen's manual holds."""

    kind: FlowchartKind = field("ประเภทแผนผัง", "Kind of flowchart", "public_service")
    kind_name: Text | None = field(
        "ชื่อประเภท (เมื่อ kind เป็น other)", "Name of the kind, when kind is other", default=None
    )
    name: Text = field("ชื่องานบริการ", "Name of the service")
    serving_unit: Text = field("หน่วยงานที่ให้บริการ", "Serving unit")
    place: Text = field("สถานที่ให้บริการ", "Where it is served")
    hours: Text = field("วันและเวลาให้บริการ", "When it is served", "วันจันทร์–ศุกร์ 08.30–16.30 น.")
    online: Url | None = field("ยื่นคำขอทางออนไลน์ได้ที่", "Where to apply online", default=None)
    conditions: RichText | None = field("หลักเกณฑ์ วิธีการ เงื่อนไข", "Rules and conditions", default=None)
    steps: list[FlowchartStep] = field("ขั้นตอนการให้บริการ ตามลำดับ", "The steps, in order", min_length=1)
    total_time: DurationField | None = field(
        "ระยะเวลาให้บริการรวม (ถ้าไม่ระบุ จะรวมจากขั้นตอน)",
        "Total time (summed from the steps if left out)",
        default=None,
    )
    documents: list[Text] = field("เอกสารที่ผู้ขอต้องยื่น", "Documents the citizen must bring", default=[])
    fee: Text = field(
        "ค่าธรรมเนียม (ถ้าไม่มี ให้เขียนว่า ไม่มีค่าธรรมเนียม)", "Fee (write 'no fee' if there is none)", "ไม่มีค่าธรรมเนียม"
    )
    complaints: Text = field("ช่องทางการร้องเรียน", "Where to complain about this service")
    scan: Attachment | None = field("ไฟล์สแกนแผนผังฉบับจริง", "Scan of the original flowchart", default=None)

    @model_validator(mode="after")
    def _other_has_name(self) -> Flowchart:
        if self.kind is FlowchartKind.other and self.kind_name is None:
            raise PydanticCustomError("other_needs_name", "", {})
        for number, step in enumerate(self.steps, start=1):
            target = step.decision.back_to_step if step.decision else None
            if target is not None and target > len(self.steps):
                at = ("steps", number - 1, "decision", "back_to_step")
                context = {"step": number, "value": target, "count": len(self.steps), "at": at}
                raise PydanticCustomError("no_such_step", "", context)
        return self


class ServiceStandards(Strict):
    """Section 11 (CS4): flowcharts, how they were announced, and staff manuals."""

    flowcharts: list[Flowchart] = field("แผนผังขั้นตอนการให้บริการ", "Service flowcharts", default=[])
    printed_volumes: Count | None = field("จำนวนเล่มที่จัดพิมพ์", "Printed volumes", default=None)
    announcements: list[Text] = field(
        "วิธีประกาศหรือเผยแพร่ให้ผู้รับบริการทราบ", "How they were announced to the public", default=[]
    )
    staff_manuals: list[Text] = field("คู่มือการปฏิบัติงานของบุคลากร", "Staff operation manuals", default=[])


class PhotoPair(Strict):
    """Section 12: the same place before and after an improvement."""

    topic: Text | None = field("เรื่องที่ปรับปรุง", "What was improved", default=None)
    before: Photo = field("ภาพก่อนปรับปรุง", "Photo before")
    after: Photo = field("ภาพหลังปรับปรุง", "Photo after")


class Report(Strict):
    """``content/agencies/<slug>/<B.E. year>.yml``: the Category 3 report of one fiscal year."""

    listening_channels: list[ListeningChannel] = field(
        "ช่องทางการรับฟังและสถิติผู้ใช้", "Listening channels and their users (CS2-A)", default=[]
    )
    information_types: list[Text] = field(
        "ประเภทข้อมูลที่ได้รับจากการรับฟัง", "Kinds of information the channels brought in (CS2-D/I)", default=[]
    )
    process_improvement: list[ProcessImprovement] = field(
        "การปรับปรุงกระบวนงาน", "Process improvement (CS3-I)", default=[]
    )
    networks: list[Network] = field(
        "เครือข่ายและช่องทางการติดต่อ", "Networks and how the agency communicates with them", default=[]
    )
    network_activities: list[NetworkProject] = field(
        "กิจกรรมสร้างความสัมพันธ์กับเครือข่าย", "Relationship-building activities with networks", default=[]
    )
    participation_mechanisms: list[ParticipationMechanism] = field(
        "กลไกการส่งเสริมการมีส่วนร่วมของประชาชน", "Mechanisms for public participation", default=[]
    )
    public_channels: PublicChannels = field(
        "ช่องทางให้ข้อมูลและรับฟังความคิดเห็น", "Channels for information and opinions", default=PublicChannels()
    )
    participation_levels: list[ParticipationActivity] = field(
        "ระดับการมีส่วนร่วมของประชาชน", "Levels of public participation reached", default=[]
    )
    next_steps: list[Text] = field(
        "แผนส่งเสริมการมีส่วนร่วมสู่ระดับที่สูงขึ้น", "Plan to raise participation (next steps)", default=[]
    )
    satisfaction_improvements: list[SatisfactionImprovement] = field(
        "การนำผลการวัดความพึงพอใจไปปรับปรุง", "Improvements from satisfaction measurement", default=[]
    )
    service_standards: ServiceStandards = field(
        "แผนภูมิและคู่มือการติดต่อราชการ", "Service flowcharts and manuals (CS4)", default=ServiceStandards()
    )
    improvement_photos: list[PhotoPair] = field("ภาพก่อนและหลังปรับปรุง", "Photos before and after", default=[])


SECTION_KEYS: tuple[str, ...] = tuple(Report.model_fields)
"""The twelve sections, in the form's order."""


def walk(value: Any, loc: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value inside a model, with where it sits; for checks and for finding files."""
    yield loc, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from walk(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*loc, str(key)))
