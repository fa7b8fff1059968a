"""Every heading and label the generated pages show, in Thai and English."""

from __future__ import annotations

from generator.model import SECTION_KEYS

SECTION_HEADINGS: dict[str, tuple[str, str]] = {
    "listening_channels": (
        "ช่องทางการรับฟังและเรียนรู้ความต้องการของผู้รับบริการและผู้มีส่วนได้ส่วนเสีย และสถิติ",
        "Channels for hearing the needs of service users and stakeholders, with statistics",
    ),
    "information_types": (
        "ประเภทข้อมูลที่ได้รับจากการรับฟังและเรียนรู้ความต้องการ",
        "Kinds of information heard through these channels",
    ),
    "process_improvement": ("การปรับปรุงกระบวนงาน", "Process improvement"),
    "networks": (
        "รูปแบบของเครือข่าย และช่องทางการติดต่อสื่อสารกับเครือข่าย จำแนกตามกลุ่มผู้รับบริการ",
        "Networks and how the agency communicates with them, by group",
    ),
    "network_activities": (
        "กิจกรรมสร้างความสัมพันธ์กับเครือข่ายกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย",
        "Activities building relationships with networks",
    ),
    "participation_mechanisms": (
        "วิธีการ/กลไกการส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารราชการ",
        "How the public takes part in the agency's work",
    ),
    "public_channels": (
        "ช่องทางการให้ข้อมูลข่าวสารและการรับฟังความคิดเห็นข้อเสนอแนะ",
        "Channels for information and for opinions and suggestions",
    ),
    "participation_levels": (
        "สรุประดับการมีส่วนร่วมของประชาชนของส่วนราชการ",
        "Levels of public participation reached",
    ),
    "next_steps": (
        "แผนการส่งเสริมการมีส่วนร่วมของประชาชนไปสู่ระดับที่สูงขึ้น (Next Step)",
        "Next steps: raising public participation",
    ),
    "satisfaction_improvements": (
        "การนำผลการวัดความพึงพอใจและไม่พึงพอใจ ไปปรับปรุงการปฏิบัติงาน",
        "What the agency changed after measuring satisfaction and dissatisfaction",
    ),
    "service_standards": ("แผนภูมิและคู่มือการติดต่อราชการ", "Service flowcharts and manuals"),
    "improvement_photos": ("ภาพก่อนและหลังปรับปรุง", "Before and after"),
}
assert tuple(SECTION_HEADINGS) == SECTION_KEYS, "a heading for every section, in the form's order"

LEVEL_MEANINGS: dict[str, tuple[str, str]] = {
    "inform": (
        "หน่วยงานแจ้งข้อมูลให้ประชาชนรู้ว่าทำอะไรและทำไม",
        "The agency tells the public what it does and why.",
    ),
    "consult": (
        "หน่วยงานถามความเห็นของประชาชนก่อนตัดสินใจ",
        "The agency asks for the public's views before it decides.",
    ),
    "involve": (
        "ประชาชนร่วมทำงานตลอดกระบวนการ และความเห็นกำหนดทางเลือก",
        "The public works alongside the agency throughout, and its views shape the options.",
    ),
    "collaborate": (
        "ประชาชนร่วมตัดสินใจและลงมือกับหน่วยงานในฐานะหุ้นส่วน",
        "The public and the agency decide and act together as partners.",
    ),
    "empower": (
        "ประชาชนเป็นผู้ตัดสินใจ หน่วยงานทำตามการตัดสินนั้น",
        "The public makes the decision and the agency carries it out.",
    ),
}

LABELS: dict[str, tuple[str, str]] = {
    "site_name": ("ส่วนราชการรับฟังประชาชน", "How agencies listen to the public"),
    "site_intro": (
        "รายงานของส่วนราชการว่ารับฟังประชาชนอย่างไร ให้บริการอย่างไร และนำความคิดเห็นไปปรับปรุงอะไร "
        "จากแบบรายงานหมวด 3 การให้ความสำคัญกับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย",
        "What government agencies report on how they listen to the public, how they serve it and "
        "what they changed as a result: the Category 3 report on customer and stakeholder focus.",
    ),
    "agencies": ("หน่วยงาน", "Agencies"),
    "all_agencies": ("หน่วยงานทั้งหมด", "All agencies"),
    "agency_count": ("{n} หน่วยงาน", "{n} agencies"),
    "want_service": ("ขอรับบริการ", "Get a service"),
    "want_service_text": (
        "ดูขั้นตอน เอกสารที่ต้องใช้ ระยะเวลา และค่าธรรมเนียม",
        "See the steps, the documents to bring, how long it takes and the fee",
    ),
    "want_contact": ("ติดต่อหรือร้องเรียน", "Contact or complain"),
    "want_contact_text": (
        "หมายเลขโทรศัพท์ เว็บไซต์ และช่องทางรับเรื่องร้องเรียนของแต่ละหน่วยงาน",
        "Each agency's phone numbers, web site and ways to complain",
    ),
    "want_participate": ("ประชาชนมีส่วนร่วมอย่างไร", "How the public takes part"),
    "want_participate_text": (
        "กิจกรรมที่เปิดให้ประชาชนร่วม ระดับการมีส่วนร่วม และสิ่งที่หน่วยงานปรับปรุง",
        "Activities open to the public, how far it takes part, and what the agency changed",
    ),
    "services_count": ("{n} งานบริการ", "{n} services"),
    "by_agency": ("เลือกตามหน่วยงาน", "By agency"),
    "by_need": ("เลือกตามสิ่งที่ต้องการ", "By what you need"),
    "latest_report": ("รายงานล่าสุด", "Latest report"),
    "no_report": ("ยังไม่มีรายงาน", "No report yet"),
    "report_title": ("รายงานหมวด 3 {year}", "Category 3 report, {year}"),
    "other_years": ("รายงานปีอื่น", "Other years"),
    "this_year": ("ปีนี้", "this year"),
    "contents": ("สารบัญ", "Contents"),
    "contact": ("ติดต่อหน่วยงาน", "Contact the agency"),
    "address": ("ที่อยู่", "Address"),
    "phones": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "Email"),
    "website": ("เว็บไซต์", "Web site"),
    "hours": ("เวลาทำการ", "Opening hours"),
    "ministry": ("สังกัด", "Ministry"),
    "example_notice": (
        "ข้อมูลตัวอย่าง: หน้านี้แสดงข้อมูลสมมุติเพื่อสาธิตระบบ ไม่ใช่รายงานจริงของหน่วยงาน",
        "Example data: this page shows made-up data to demonstrate the site; it is not the agency's real report.",
    ),
    "example_badge": ("ตัวอย่าง", "example"),
    "logo_of": ("ตราสัญลักษณ์ของ{name}", "Logo of {name}"),
    "empty_section": ("ส่วนราชการไม่ได้รายงานในส่วนนี้", "The agency reported nothing in this section."),
    "channel": ("ช่องทาง", "Channel"),
    "users_in": ("จำนวนผู้ใช้ {year}", "Users, {year}"),
    "total": ("รวม", "Total"),
    "no_data": ("ไม่มีข้อมูล", "no data"),
    "topic": ("เรื่อง", "Topic"),
    "steps_taken": ("วิธีการและขั้นตอนดำเนินการ", "Method and steps"),
    "result": ("ผลการดำเนินการปรับปรุง", "Result"),
    "network_group": ("กลุ่ม/เครือข่าย", "Network group"),
    "network_form": ("ลักษณะรูปแบบของเครือข่าย", "Form of the network"),
    "network_channels": ("ช่องทางการติดต่อสื่อสาร", "Communication channels"),
    "project": ("เรื่อง/โครงการ", "Project"),
    "activity_n": ("กิจกรรมที่ {n}", "Activity {n}"),
    "relationship_outcome": (
        "กิจกรรมสะท้อนการสร้างความสัมพันธ์กับเครือข่ายให้ดีขึ้นอย่างไร",
        "How the activities improved the relationship",
    ),
    "date": ("วันที่", "Date"),
    "participants": ("ผู้เข้าร่วม", "Who took part"),
    "participant_count": ("จำนวนผู้เข้าร่วม", "How many took part"),
    "people": ("{n} คน", "{n} people"),
    "outcome": ("ผลที่ได้", "What came of it"),
    "use_of_result": ("การนำผลไปใช้", "How the result was used"),
    "mission": ("ภารกิจหลัก/กระบวนงาน", "Main mission or process"),
    "mechanism": ("วิธีการ/กลไกการมีส่วนร่วมของประชาชน", "How the public takes part"),
    "stakeholders": ("กลุ่มผู้มีส่วนได้ส่วนเสีย", "Stakeholders"),
    "information_channels": ("ช่องทางการให้ข้อมูลข่าวสาร", "Channels that inform the public"),
    "feedback_channels": ("ช่องทางการรับฟังความคิดเห็นข้อเสนอแนะ", "Channels that take opinions and suggestions"),
    "governor_report": ("รายงานสรุปความคิดเห็นเสนอผู้ว่าราชการจังหวัด", "Summary of opinions sent to the governor"),
    "report_name": ("ชื่อรายงาน", "Report"),
    "letter": ("หนังสือเสนอผู้ว่าฯ", "Letter to the governor"),
    "letter_ref": ("เลขที่ {number} ลงวันที่ {date}", "No. {number}, dated {date}"),
    "meeting": ("นำเสนอในการประชุม", "Presented at"),
    "activity": ("กิจกรรม/โครงการ", "Activity or project"),
    "level_reached": ("ถึงระดับนี้", "reached"),
    "level_not_reached": ("ไม่ถึงระดับนี้", "not reached"),
    "activity_details": ("รายละเอียดกิจกรรม", "About the activities"),
    "spectrum": ("ระดับการมีส่วนร่วม จากน้อยไปมาก", "Levels of participation, from least to most"),
    "fix": ("การแก้ไข", "What was done"),
    "score": ("ผลคะแนน", "Score"),
    "flowcharts": ("แผนผังขั้นตอนการให้บริการ", "Service flowcharts"),
    "flowchart_count": (
        "รวม {topics} เรื่อง {volumes} เล่ม",
        "{topics} topics, {volumes} printed volumes",
    ),
    "flowchart_topics": ("รวม {topics} เรื่อง", "{topics} topics"),
    "serving_unit": ("หน่วยงานที่ให้บริการ", "Serving unit"),
    "place": ("สถานที่ให้บริการ", "Where"),
    "service_hours": ("วันและเวลาให้บริการ", "When"),
    "online": ("ยื่นคำขอออนไลน์", "Apply online"),
    "conditions": ("หลักเกณฑ์ วิธีการ เงื่อนไข", "Rules and conditions"),
    "steps": ("ขั้นตอนการให้บริการ", "Steps"),
    "step_n": ("ขั้นตอนที่ {n}", "Step {n}"),
    "responsible": ("ผู้รับผิดชอบ", "Responsible"),
    "duration": ("ระยะเวลา", "Time"),
    "total_time": ("ระยะเวลาให้บริการรวม", "Total time"),
    "decision_yes": ("ใช่", "Yes"),
    "decision_no": ("ไม่", "No"),
    "next_step": ("ไปขั้นตอนถัดไป", "on to the next step"),
    "back_to_step": ("กลับไปขั้นตอนที่ {n}", "back to step {n}"),
    "service_ends": ("สิ้นสุดการให้บริการ", "the service ends here"),
    "flow_done": ("เสร็จสิ้น", "Done"),
    "documents": ("เอกสารที่ต้องใช้", "Documents to bring"),
    "no_documents": ("ไม่ต้องใช้เอกสาร", "No documents needed"),
    "fee": ("ค่าธรรมเนียม", "Fee"),
    "complaints": ("ช่องทางการร้องเรียน", "Where to complain"),
    "scan": ("แผนผังฉบับสแกน", "Scanned original"),
    "announcements": ("การประกาศหรือเผยแพร่ให้ผู้รับบริการทราบ", "How they were announced"),
    "staff_manuals": ("คู่มือการปฏิบัติงานของบุคลากร", "Staff operation manuals"),
    "before": ("ก่อนปรับปรุง", "Before"),
    "after": ("หลังปรับปรุง", "After"),
    "photo": ("ภาพ", "Photo"),
    "quick_services": ("บริการ", "Services"),
    "quick_contact": ("ติดต่อ/ร้องเรียน", "Contact"),
    "quick_participation": ("การมีส่วนร่วม", "Participation"),
    "province_services": ("งานบริการทั้งจังหวัด", "Services across the province"),
    "province_services_intro": (
        "แผนผังขั้นตอนการให้บริการของทุกหน่วยงาน จากรายงานล่าสุดของแต่ละหน่วยงาน แยกตามประเภท",
        "Every agency's service flowcharts, from each agency's latest report, by kind.",
    ),
    "province_contact": ("ติดต่อและร้องเรียน", "How to be heard"),
    "province_contact_intro": (
        "โทรศัพท์ เว็บไซต์ ตู้รับความคิดเห็น และช่องทางร้องเรียนของทุกหน่วยงาน",
        "Every agency's phones, web sites, comment boxes and ways to complain.",
    ),
    "province_participation": ("การมีส่วนร่วมของประชาชน", "Public participation"),
    "province_participation_intro": (
        "กิจกรรมที่เปิดให้ประชาชนมีส่วนร่วม แยกตามระดับการมีส่วนร่วม กิจกรรมหนึ่งอาจถึงหลายระดับ",
        "Activities open to the public, by the level of participation they reached; one activity may reach several levels.",
    ),
    "province_channels": ("สถิติช่องทางการรับฟังทั้งจังหวัด", "Listening channels across the province"),
    "province_channels_intro": (
        "จำนวนผู้ใช้ช่องทางการรับฟังของทุกหน่วยงานรวมกัน แยกตามประเภทช่องทางและปีงบประมาณ จากรายงานล่าสุดของแต่ละหน่วยงาน",
        "Users of every agency's listening channels, summed by kind of channel and fiscal year, from each agency's latest report.",
    ),
    "poster": ("โปสเตอร์สำหรับพิมพ์", "Printable poster"),
    "poster_title": ("โปสเตอร์: {name}", "Poster: {name}"),
    "poster_qr": ("สแกนเพื่อดูรายละเอียดบนเว็บไซต์", "Scan for the details on the web site"),
    "poster_back": ("กลับไปที่หน้ารายงานของหน่วยงาน", "Back to the agency's report"),
    "qr_alt": ("คิวอาร์โค้ดไปยัง {url}", "QR code leading to {url}"),
    "reference_title": ("คำอธิบายช่องข้อมูล", "Field reference"),
    "reference_intro": (
        "ทุกช่องที่เขียนได้ในไฟล์ของหน่วยงาน ความหมาย ชนิด และตัวอย่าง สร้างจากรูปแบบข้อมูลเดียวกับที่ใช้ตรวจไฟล์",
        "Every field of an agency's files: its meaning, its type and an example, made from the same format the validator checks.",
    ),
    "reference_fields": ("ช่องของ {name}", "Fields of {name}"),
    "reference_field": ("ช่อง", "Field"),
    "reference_meaning": ("ความหมาย", "Meaning"),
    "reference_type": ("ชนิด", "Type"),
    "reference_example": ("ตัวอย่าง", "Example"),
    "reference_required": ("ต้องมี", "required"),
    "data_title": ("ดาวน์โหลดข้อมูล", "Download the data"),
    "data_intro": (
        "ข้อมูลทุกรายงานในรูปแบบที่นำไปใช้ต่อได้: รายงานแต่ละฉบับเป็น JSON และตารางรวมทั้งจังหวัดเป็น CSV (UTF-8 เปิดด้วยโปรแกรมตารางคำนวณได้)",
        "Every report as data you can reuse: each report as JSON, and the province's tables as CSV (UTF-8, opens in spreadsheet programs).",
    ),
    "data_licence": ("เผยแพร่ภายใต้สัญญาอนุญาต", "Published under the licence"),
    "data_tables": ("ตารางรวมทั้งจังหวัด", "Tables across the province"),
    "data_file": ("ไฟล์", "File"),
    "data_description": ("คำอธิบาย", "Description"),
    "data_size": ("ขนาด", "Size"),
    "data_reports": ("รายงานแต่ละหน่วยงาน (JSON)", "Each agency's reports (JSON)"),
    "data_cite": ("การอ้างอิง", "How to cite"),
    "data_cite_text": (
        "รายงานหมวด 3 ของส่วนราชการ จังหวัดราชบุรี ({year}) สืบค้นจากเว็บไซต์ส่วนราชการรับฟังประชาชน สัญญาอนุญาต CC BY 4.0",
        "Agencies' Category 3 reports, Ratchaburi province ({year}), from the site How agencies listen to the public, licensed CC BY 4.0.",
    ),
    "download_json": ("ข้อมูลรายงานนี้ (JSON)", "This report as data (JSON)"),
    "dashboard_title": ("ภาพรวมจังหวัด", "The province at a glance"),
    "dashboard_intro": (
        "ความครบถ้วนของรายงานแต่ละหน่วยงาน หน่วยงานที่ยังไม่ส่งรายงาน และตัวเลขรวมทั้งจังหวัด",
        "How complete each agency's reports are, who has not reported yet, and the province's totals.",
    ),
    "dashboard_missing": ("หน่วยงานที่ยังไม่ส่งรายงาน{year}", "Agencies yet to report for {year}"),
    "dashboard_all_reported": ("ทุกหน่วยงานส่งรายงานแล้ว", "Every agency has reported."),
    "dashboard_completeness": ("ความครบถ้วนของรายงาน", "How complete the reports are"),
    "dashboard_year": ("ปีงบประมาณ", "Fiscal year"),
    "dashboard_sections": ("หัวข้อที่กรอก", "Sections filled"),
    "dashboard_fields": ("ช่องที่กรอก", "Fields filled"),
    "dashboard_changed": ("แก้ไขล่าสุด", "Last changed"),
    "dashboard_feed": ("ฟีดรายงานใหม่และที่แก้ไข (Atom)", "Feed of new and changed reports (Atom)"),
    "filter_label": ("พิมพ์เพื่อค้นหา", "Type to filter"),
    "filter_placeholder": ("เช่น ชื่องานบริการหรือหน่วยงาน", "e.g. a service or an agency"),
    "filter_none": ("ไม่พบรายการที่ตรงกับคำค้น", "Nothing matches"),
    "activities_count": ("{n} กิจกรรม", "{n} activities"),
    "activity_total": ("จำนวนกิจกรรม", "Activities"),
    "agencies_reporting": ("จำนวนหน่วยงานที่รายงาน", "Agencies reporting"),
    "level": ("ระดับ", "Level"),
    "no_activity": ("ยังไม่มีกิจกรรมในระดับนี้", "No activity has reached this level yet."),
    "feedback": ("ช่องทางรับฟังความคิดเห็น", "Ways to give opinions"),
    "complaint_process": ("ขั้นตอนการร้องเรียน", "How complaints are handled"),
    "agency": ("หน่วยงาน", "Agency"),
    "want_channels": ("สถิติช่องทางการรับฟัง", "Listening channels in numbers"),
    "want_channels_text": (
        "ประชาชนใช้ช่องทางใดมากที่สุด และเปลี่ยนไปอย่างไรในแต่ละปี",
        "Which channels people use most, and how that changes year by year",
    ),
    "fiscal_year_note": (
        "ปีงบประมาณ พ.ศ. {year} คือ 1 ตุลาคม {start} ถึง 30 กันยายน {year}",
        "Fiscal year B.E. {year} ran from 1 October {ce_start} to 30 September {ce_end}.",
    ),
    "skip_to_contact": ("ข้ามไปที่ช่องทางติดต่อ", "Skip to contact details"),
    "choose_agency": (
        "เลือกหน่วยงาน แล้วดูหัวข้อที่ต้องการ",
        "Choose an agency, then the part you need",
    ),
    "data_csv_formulas": (
        "ในไฟล์ CSV ช่องข้อความที่ขึ้นต้นด้วย = + - @ (หรือแท็บ) จะมีเครื่องหมาย ' นำหน้า "
        "เพื่อไม่ให้โปรแกรมตารางคำนวณทำงานเป็นสูตร ส่วนไฟล์ JSON เก็บข้อความตรงตามที่หน่วยงานส่งมา",
        "In the CSV files, a text cell that begins with = + - @ (or a tab) gets a leading ' so "
        "spreadsheet programs do not run it as a formula; the JSON files hold the exact text.",
    ),
    # English pages: Thai-only text (issue 13, item 12)
    "thai_only_report": (
        "รายงานนี้มีเฉพาะภาษาไทย หน่วยงานยังไม่ได้แปลเป็นภาษาอังกฤษ",
        "This report is in Thai only: the agency has not translated it yet. "
        "Headings, dates, numbers and the form's own terms are in English.",
    ),
    "thai_only_parts": (
        "บางส่วนของรายงานนี้มีเฉพาะภาษาไทย หน่วยงานยังไม่ได้แปล:",
        "Parts of this report are in Thai only: the agency has not translated them yet:",
    ),
    "thai_only_agency": ("ชื่อและช่องทางติดต่อของหน่วยงาน", "The agency's name and contact details"),
    "thai_only_page": (
        "บางรายการในหน้านี้มีเฉพาะภาษาไทย เพราะหน่วยงานยังไม่ได้แปล",
        "Some entries on this page are in Thai only: their agencies have not translated them yet.",
    ),
    # Contact and participation (issue 13, items 10 and 11)
    "contact_lede": (
        "ที่อยู่ เวลาทำการ โทรศัพท์ และช่องทางร้องเรียนของทุกหน่วยงาน เรียงตามชื่อหน่วยงาน",
        "Every agency's address, opening hours, phones and ways to complain, by the agency's name.",
    ),
    "where_to_complain": ("ร้องเรียนได้ที่", "Where to complain"),
    "complain_online": ("ร้องเรียนออนไลน์", "Complain online"),
    "service_complaints": ("ร้องเรียนเรื่องงานบริการใดงานหนึ่ง", "About one particular service"),
    "no_report_contact": (
        "หน่วยงานนี้ยังไม่ส่งรายงาน จึงยังไม่มีข้อมูลช่องทางร้องเรียน",
        "This agency has not reported yet, so its ways to complain are not listed.",
    ),
    "participation_lede": (
        "กิจกรรมที่ประชาชนยังเข้าร่วมได้ พร้อมวิธีเข้าร่วมและผู้ที่ติดต่อได้ ตามด้วยกิจกรรมที่ผ่านมา",
        "Activities you can still join, how to join and whom to ask; then what has been done.",
    ),
    "upcoming": ("กิจกรรมที่ยังเข้าร่วมได้", "Activities you can still join"),
    "upcoming_as_of": (
        "กิจกรรมที่จัดหรือยังดำเนินอยู่ตั้งแต่วันที่ {date} เรียงตามวันที่",
        "Activities held or still running on or after {date}, soonest first.",
    ),
    "upcoming_none": (
        "ยังไม่มีหน่วยงานแจ้งกิจกรรมที่จะจัด สอบถามหน่วยงานได้ที่หน้า",
        "No agency has announced an activity still to come. Ask an agency: see",
    ),
    "past_activities": ("กิจกรรมที่ผ่านมา", "Past activities"),
    "past_by_level": ("จำนวนกิจกรรมที่ผ่านมา แยกตามระดับ", "Past activities by level"),
    "how_to_join": ("วิธีเข้าร่วม", "How to join"),
    "ask": ("ติดต่อสอบถาม", "Whom to ask"),
    "levels_planned": ("ระดับการมีส่วนร่วม", "Level of participation"),
    "who_can_join": ("ผู้เข้าร่วม", "Who can take part"),
    # Navigation and whose site this is (issue 13: contents, back to top, footer, 404)
    "back_to_top": ("กลับขึ้นด้านบน", "Back to top"),
    "home_owner": ("{province} · เผยแพร่โดย{office}", "{province} · published by the {office}"),
    "footer_owner": ("เว็บไซต์ของ{province} ดูแลโดย{office}", "A website of {province}, run by the {office}"),
    "last_updated": ("ปรับปรุงข้อมูลล่าสุด", "Last updated"),
    "not_found": ("ไม่พบหน้าที่ต้องการ", "Page not found"),
    "not_found_text": (
        "หน้านี้อาจย้ายไปแล้ว หรือที่อยู่อาจพิมพ์ผิด ลองค้นหา หรือเลือกหน้าหลักด้านล่าง",
        "This page may have moved, or the address may be mistyped. Search, or choose one of the main pages below.",
    ),
    "search_site": ("ค้นหาในเว็บไซต์", "Search this site"),
    # Search results (issue 14): "#" is how many pages match, "%" how many are listed.
    "search_more": (
        "พบ # หน้า แสดง % หน้าที่ตรงที่สุด พิมพ์คำเพิ่มเพื่อให้แคบลง",
        "# pages match; the % closest are listed. Type another word to narrow them down",
    ),
    "search_count": ("พบ # หน้า", "Pages found: #"),
    "search_none": (
        "ไม่พบหน้าที่ตรงกัน ลองตรวจการสะกดและวรรณยุกต์ หรือใช้คำให้น้อยลง",
        "No page matches. Check the spelling, or try fewer words",
    ),
    "main_pages": ("หน้าหลักของเว็บไซต์", "Main pages"),
    "home_in_language": ("ไปที่หน้าแรกภาษาไทย", "Go to the English home page"),
    # Phone layout (issue 13): a free service said once.
    "fee_none": ("ไม่มี", "None"),
    "free_of_charge": ("ไม่มีค่าธรรมเนียม", "Free of charge"),
    # Print: report and posters (issue 13)
    "poster_more_steps": (
        "ขั้นตอนที่ {first}–{last} อยู่ในหน้าของหน่วยงานบนเว็บไซต์",
        "Steps {first} to {last} are on the agency's page on the web site",
    ),
    "poster_more_documents": (
        "และอีก {n} รายการ ในหน้าของหน่วยงานบนเว็บไซต์",
        "and {n} more on the agency's page on the web site",
    ),
}


def ui(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled."""
    th, en = LABELS[key]
    return (th if lang == "th" else en).format(**values)


def level_meaning(level: str, lang: str) -> str:
    th, en = LEVEL_MEANINGS[level]
    return th if lang == "th" else en


def section_heading(key: str, lang: str) -> str:
    th, en = SECTION_HEADINGS[key]
    return th if lang == "th" else en
