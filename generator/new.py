"""``python -m generator new <slug>``: a complete, commented submission for a new agency.

Every section of the form is present and empty (which is valid), with a commented example
under it: remove the ``# `` in front of the example's lines and change the words.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from generator.fields import BE_OFFSET
from generator.model import SECTION_KEYS, Report
from generator.render.ui import section_heading
from generator.validate import SLUG

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/{name}.schema.json\n"

AGENCY = """\
# ข้อมูลหน่วยงาน / About the agency. Fill every line; keep `th:` and add `en:` when you can.
# คำอธิบายทุกช่อง / every field explained: เว็บไซต์ > วิธีส่งรายงาน > คำอธิบายช่องข้อมูล
name:
  th: ""   # ชื่อส่วนราชการ เช่น สำนักงานจังหวัดราชบุรี
  en: ""   # Name in English, e.g. Ratchaburi Provincial Office
# ประเภท / kind: provincial, central, local, state_enterprise, public_organization, other
kind: provincial
ministry:
  th: ""   # กระทรวง เช่น กระทรวงมหาดไทย
  en: ""
department:
  th: ""   # กรมหรือหน่วยงานต้นสังกัด
  en: ""
province:
  th: ""   # จังหวัด
  en: ""
address:
  th: ""   # ที่อยู่
  en: ""
contacts:
  phones:
    - number: ""        # หมายเลขโทรศัพท์สำนักงาน เช่น 0 3233 7866 / office number
      label:
        th: ""          # ใช้สำหรับอะไร เช่น สายด่วน / what it is for
        en: ""
  email: ""             # อีเมลของหน่วยงาน / the agency's email
  website: ""           # https://...
  hours:
    th: ""              # วันจันทร์–ศุกร์ 08.30–16.30 น.
    en: ""
# logo:
#   file: logo.png      # ตราสัญลักษณ์ (ถ้ามี) / the agency's logo, if any
"""

EXAMPLES: dict[str, str] = {
    "listening_channels": """\
#   - kind: telephone   # office documents meeting learning_centre telephone website comment_box other
#     detail: สายด่วนของหน่วยงาน
#     statistics: {2568: 1200, 2569: 1450}   # จำนวนผู้ใช้ต่อปี พ.ศ. / users per B.E. year
""",
    "information_types": """\
#   - ความต้องการให้ลดระยะเวลารอรับบริการ
""",
    "process_improvement": """\
#   - topic: การรับเรื่องร้องเรียน
#     steps:
#       - วิเคราะห์สถิติเรื่องร้องเรียน
#       - ปรับขั้นตอนให้แจ้งผลภายใน 15 วัน
#     result: แจ้งผลได้ทันเวลาเพิ่มขึ้นเป็นร้อยละ 88
""",
    "networks": """\
#   - group: เครือข่ายกำนัน ผู้ใหญ่บ้าน
#     form: ประชุมประจำเดือน
#     channels:
#       - กลุ่มไลน์ผู้นำชุมชน
""",
    "network_activities": """\
#   - project: โครงการหน่วยบริการเคลื่อนที่
#     activities:
#       - title: หน่วยบริการเคลื่อนที่ อำเภอเมือง
#         date: 2569-01-23             # ปี พ.ศ. / B.E.
#         participants: ประชาชนในพื้นที่
#         participant_count: 250
#         outcome: รับเรื่องร้องเรียน 20 เรื่อง
#         use_of_result: ส่งเรื่องให้หน่วยงานที่รับผิดชอบแก้ไข
#     relationship_outcome: ผู้นำชุมชนช่วยประชาสัมพันธ์และติดตามผล
""",
    "participation_mechanisms": """\
#   - mission: การจัดทำแผนพัฒนา
#     mechanism: เวทีประชาคมและการรับฟังความคิดเห็นออนไลน์
#     stakeholders:
#       - ประชาชนทั่วไป
""",
    "public_channels": """\
#   information:
#     - เว็บไซต์ของหน่วยงาน
#   feedback:
#     - ตู้รับความคิดเห็น
#   governor_reports:
#     - title: รายงานสรุปความคิดเห็นของประชาชน
#       letter_number: รบ 0000/1234
#       letter_date: 2569-09-18
""",
    "participation_levels": """\
#   - activity: เวทีรับฟังความคิดเห็นร่างแผนพัฒนา
#     levels: [inform, consult]      # inform, consult, involve, collaborate, empower
#     participant_count: 300
#   # ยังไม่จัด: เว็บไซต์แสดงว่ายังเข้าร่วมได้ / still to come: the site lists it as one to join
#   - activity: เวทีประชาคมครั้งถัดไป
#     levels: [inform, consult]
#     date: 2570-02-10                  # วันที่จัด ต้องมีเมื่อใส่ how_to_join / needed with how_to_join
#     how_to_join: ลงทะเบียนที่ศาลากลางจังหวัด ภายในวันที่ 5 กุมภาพันธ์ 2570
#     contact:                          # หน่วยงานหรือตำแหน่ง ไม่ใช่มือถือส่วนตัว / a unit or post
#       name: กลุ่มงานยุทธศาสตร์
#       phone: 0 3233 7870
#       email: plan@example.go.th
""",
    "next_steps": """\
#   - เปิดรับฟังความคิดเห็นออนไลน์ทุกโครงการ
""",
    "satisfaction_improvements": """\
#   - measurement: dissatisfaction    # dissatisfaction (ไม่พึงพอใจ) or satisfaction (พึงพอใจ)
#     topic: รอคิวนาน
#     fix: เปิดจองคิวออนไลน์
""",
    "service_standards": """\
#   flowcharts:
#     - kind: public_service           # public_service, contact, complaint, other (+ kind_name)
#       name: การขอรับบริการ
#       serving_unit: งานบริการประชาชน
#       place: ชั้น 1 สำนักงาน
#       hours: วันจันทร์–ศุกร์ 08.30–16.30 น.
#       steps:
#         - action: ยื่นคำขอและเอกสาร
#           unit: เจ้าหน้าที่
#           duration: 15 นาที          # นาที ชั่วโมง วัน วันทำการ
#       documents:
#         - บัตรประจำตัวประชาชน
#       fee: ไม่มีค่าธรรมเนียม          # ห้ามเว้นว่าง / never blank
#       complaints: หัวหน้าส่วนราชการ โทร 0 0000 0000
#   announcements:
#     - ติดประกาศที่จุดบริการ
#   staff_manuals:
#     - คู่มือการปฏิบัติงาน
""",
    "improvement_photos": """\
#   - topic: จุดบริการประชาชน
#     before:
#       file: photos/before.jpg
#       caption: ก่อนปรับปรุง
#     after:
#       file: photos/after.jpg
#       caption: หลังปรับปรุง
""",
}
assert tuple(EXAMPLES) == SECTION_KEYS == tuple(Report.model_fields)


def current_fiscal_year(today: datetime.date) -> int:
    """The B.E. fiscal year ``today`` falls in: it starts on 1 October."""
    return today.year + BE_OFFSET + (1 if today.month >= 10 else 0)


def report_text(year: int) -> str:
    lines = [
        f"# รายงานผลการดำเนินงานหมวด 3 ปีงบประมาณ พ.ศ. {year} / Category 3 report, B.E. {year}\n",
        "# ทุกหัวข้อเว้นว่างได้ ถ้าจะกรอก ให้ลบ `# ` หน้าบรรทัดตัวอย่างแล้วแก้ข้อความ\n",
        "# Every section may stay empty; to fill one, remove `# ` before the example's lines and edit.\n",
    ]
    for number, key in enumerate(SECTION_KEYS, start=1):
        lines.append(f"\n# {number}. {section_heading(key, 'th')} / {section_heading(key, 'en')}\n{key}:\n")
        lines.append(EXAMPLES[key])
    return "".join(lines)


def new_submission(slug: str, content: Path, today: datetime.date) -> list[Path]:
    """Write ``content/<slug>/agency.yml`` and this fiscal year's report; refuse to overwrite."""
    if not SLUG.fullmatch(slug):
        raise ValueError(slug)
    folder = content / slug
    if folder.exists():
        raise FileExistsError(folder)
    (folder / "photos").mkdir(parents=True)
    agency = folder / "agency.yml"
    agency.write_text(SCHEMA_LINE.format(name="agency") + AGENCY, encoding="utf-8")
    report = folder / f"{current_fiscal_year(today)}.yml"
    report.write_text(
        SCHEMA_LINE.format(name="report") + report_text(current_fiscal_year(today)), encoding="utf-8"
    )
    return [agency, report]


def uncomment_examples(text: str) -> str:
    """The report with every example switched on, as a clerk would: used by the tests."""
    return re.sub(r"^#(?=   )", "", text, flags=re.M)
