"""Every message the validator prints, in Thai and in English, each saying how to fix it.

Codes are pydantic's error types where pydantic finds the problem, and our own elsewhere.
"""

from __future__ import annotations

from typing import Any

_CATALOG: dict[str, tuple[str, str]] = {
    # Reading the file
    "file_too_large": (
        "ไฟล์ใหญ่เกิน {limit:,} ไบต์ ให้แยกภาพหรือเอกสารออกเป็นไฟล์ต่างหาก",
        "the file is larger than {limit:,} bytes; keep photos and documents in files of their own",
    ),
    "not_utf8": (
        "ไฟล์ไม่ได้บันทึกเป็น UTF-8 ให้บันทึกใหม่โดยเลือกการเข้ารหัส UTF-8",
        "the file is not saved as UTF-8; save it again choosing the UTF-8 encoding",
    ),
    "yaml_syntax": (
        "รูปแบบ YAML ไม่ถูกต้อง ({detail}) ตรวจการย่อหน้า เครื่องหมาย : และ - ในบรรทัดนี้หรือบรรทัดก่อนหน้า",
        "invalid YAML ({detail}); check the indentation, ':' and '-' on this line or the one before",
    ),
    "yaml_alias": (
        "ห้ามใช้ anchor/alias (& * <<) ให้เขียนข้อมูลซ้ำตรง ๆ",
        "anchors and aliases (& * <<) are not allowed; write the data out in full",
    ),
    "yaml_tag": (
        "ห้ามใช้แท็ก YAML ({tag}) ให้ลบแท็กออก",
        "YAML tags ({tag}) are not allowed; remove the tag",
    ),
    "yaml_complex_key": (
        "ชื่อช่องต้องเป็นข้อความธรรมดา",
        "a key must be plain text",
    ),
    "too_deep": (
        "ข้อมูลซ้อนกันลึกเกิน {limit} ชั้น ตรวจการย่อหน้า",
        "the data is nested deeper than {limit} levels; check the indentation",
    ),
    "duplicate_key": (
        "ช่อง `{key}` ซ้ำกับที่เขียนไว้แล้วในบรรทัด {first} ให้ลบหรือรวมเป็นช่องเดียว",
        "key `{key}` is already given on line {first}; remove one or merge them",
    ),
    "empty_file": (
        "ไฟล์ว่างเปล่า ให้กรอกข้อมูลตามแบบฟอร์ม",
        "the file is empty; fill it in following the form",
    ),
    # Shape of the data
    "missing": (
        "ต้องกรอกช่อง `{key}` ให้เพิ่มช่องนี้",
        "`{key}` is required; add it",
    ),
    "extra_forbidden": (
        "ไม่รู้จักช่อง `{key}`{hint_th}",
        "unknown key `{key}`{hint_en}",
    ),
    "string_type": (
        "ต้องเป็นข้อความ",
        "must be text",
    ),
    "list_type": (
        "ต้องเป็นรายการ ขึ้นต้นแต่ละรายการด้วย `- ` ในบรรทัดใหม่",
        "must be a list: start each item with `- ` on a new line",
    ),
    "model_type": (
        "ต้องเป็นกลุ่มของช่อง (ชื่อช่อง: ค่า) ในบรรทัดถัดไปที่ย่อหน้าเข้าไป",
        "must be a group of `key: value` lines, indented below this one",
    ),
    "dict_type": (
        "ต้องเป็นกลุ่มของ `ชื่อ: ค่า` ในบรรทัดถัดไปที่ย่อหน้าเข้าไป",
        "must be a group of `key: value` lines, indented below this one",
    ),
    "enum": (
        "ค่า `{input}` ไม่อยู่ในรายการที่กำหนด ให้ใช้ค่าใดค่าหนึ่ง: {expected}",
        "`{input}` is not one of the allowed values; use one of: {expected}",
    ),
    "bool_parsing": (
        "ต้องเป็น true หรือ false",
        "must be true or false",
    ),
    "too_short": (
        "ต้องมีอย่างน้อย {min_length} รายการ",
        "needs at least {min_length} item(s)",
    ),
    "string_too_short": (
        "ต้องไม่เว้นว่าง",
        "must not be empty",
    ),
    # Values
    "not_a_value": (
        "ต้องเป็นค่าเดียว ไม่ใช่รายการหรือกลุ่มของช่อง ตรวจการย่อหน้าและเครื่องหมาย - และ :",
        "must be a single value, not a list or a group of fields; check the indentation, '-' and ':'",
    ),
    "count_not_number": (
        "`{value}` ไม่ใช่ตัวเลข ให้เขียนจำนวนเป็นตัวเลข เช่น 1200 หรือ ๑,๒๐๐",
        "`{value}` is not a number; write a count such as 1200 or ๑,๒๐๐",
    ),
    "count_missing": (
        'ไม่มีจำนวน ถ้าเขียนตัวเลขมีจุลภาคใน {{ }} ให้ใส่เครื่องหมายคำพูด เช่น "1,200" หรือเขียนแยกบรรทัด',
        'no count given; inside {{ }} a number with commas must be quoted, such as "1,200", or written one per line',
    ),
    "count_negative": (
        "จำนวน `{value}` ติดลบไม่ได้ ให้ใส่ 0 หรือมากกว่า",
        "the count `{value}` cannot be negative; use 0 or more",
    ),
    "count_too_large": (
        "จำนวน `{value}` มากเกินกว่าจะเป็นไปได้ ตรวจว่าพิมพ์ตัวเลขเกินหรือไม่",
        "the count `{value}` is larger than is possible; check for extra digits",
    ),
    "year_not_number": (
        "`{value}` ไม่ใช่ปี พ.ศ. ให้เขียนเป็นตัวเลข 4 หลัก เช่น 2555",
        "`{value}` is not a B.E. year; write four digits such as 2555",
    ),
    "year_is_ce": (
        "ปี `{value}` เป็น ค.ศ. ให้ใช้ปี พ.ศ. คือ {be}",
        "year `{value}` is C.E.; use the Buddhist Era year, {be}",
    ),
    "year_out_of_range": (
        "ปี `{value}` ไม่ใช่ปีงบประมาณ พ.ศ. ที่เป็นไปได้ ให้ใช้ปีระหว่าง 2500 ถึง 2700",
        "year `{value}` is not a plausible B.E. fiscal year; use a year from 2500 to 2700",
    ),
    "date_format": (
        "วันที่ `{value}` ต้องเขียนแบบ ปปปป-ดด-วว เป็นปี พ.ศ. เช่น 2555-03-15",
        "date `{value}` must be written YYYY-MM-DD with a B.E. year, e.g. 2555-03-15",
    ),
    "date_invalid": (
        "ไม่มีวันที่ `{value}` ในปฏิทิน ตรวจวันและเดือน",
        "there is no such date as `{value}`; check the day and month",
    ),
    "duration_format": (
        "ระยะเวลา `{value}` ต้องเป็นตัวเลขตามด้วยหน่วย นาที ชั่วโมง วัน หรือ วันทำการ เช่น 15 นาที",
        "duration `{value}` must be a number and a unit (minutes, hours, days, working days), e.g. 15 minutes",
    ),
    "url_scheme": (
        "ที่อยู่เว็บ `{value}` ต้องขึ้นต้นด้วย https:// หรือ http://",
        "web address `{value}` must start with https:// or http://",
    ),
    "email_format": (
        "อีเมล `{value}` ไม่ถูกต้อง ให้เขียนแบบ ชื่อ@โดเมน โดยไม่มี ? & # หรือ %",
        "email `{value}` is not valid; write it as name@domain, without ? & # or %",
    ),
    "phone_format": (
        "หมายเลขโทรศัพท์ `{value}` ต้องมีเฉพาะตัวเลข ช่องว่าง หรือ - (และ ต่อ สำหรับเบอร์ภายใน)",
        "phone number `{value}` may hold only digits, spaces or '-' (and 'ext' for an extension)",
    ),
    "other_needs_name": (
        "เมื่อเลือก other (อื่นๆ) ต้องระบุชื่อด้วย ให้เพิ่มช่อง `name` หรือ `kind_name`",
        "kind `other` needs its own name; add `name` (or `kind_name` for a flowchart)",
    ),
    "no_such_step": (
        "ขั้นตอนที่ {step} ให้กลับไปขั้นตอนที่ {value} แต่แผนผังมีเพียง {count} ขั้นตอน ให้แก้ back_to_step",
        "step {step} sends the citizen back to step {value}, but the flowchart has only {count} steps; fix `back_to_step`",
    ),
    # Files and folders
    "pdf_preview_failed": (
        "วาดภาพตัวอย่างหน้าแรกของไฟล์ PDF `{value}` ไม่ได้ภายใน {limit} วินาที เว็บไซต์จะแสดงไอคอน PDF แทน ให้สแกนหรือบันทึกเป็น PDF ใหม่",
        "the first page of PDF `{value}` could not be drawn within {limit} s; the site shows a PDF icon instead: scan it or save it as PDF again",
    ),
    "pdf_unreadable": (
        "เปิดไฟล์ PDF `{value}` ไม่ได้ ไฟล์อาจเสีย ให้สแกนหรือบันทึกเป็น PDF ใหม่",
        "PDF `{value}` cannot be opened and may be damaged; scan it or save it as PDF again",
    ),
    "pdf_encrypted": (
        "ไฟล์ PDF `{value}` ตั้งรหัสผ่านหรือการป้องกันไว้ ให้บันทึกใหม่โดยไม่ตั้งรหัสผ่านหรือการป้องกัน",
        "PDF `{value}` has a password or protection; save it again without a password or protection",
    ),
    "pdf_too_many_pages": (
        "ไฟล์ PDF `{value}` มี {detail} หน้า เกิน {limit} หน้า ให้ส่งเฉพาะหน้าที่เกี่ยวข้อง",
        "PDF `{value}` has {detail} pages, more than {limit}; submit only the pages that matter",
    ),
    "pdf_page_size": (
        "ไฟล์ PDF `{value}` มีหน้าขนาด {detail} แต่ละด้านของหน้าต้องยาว 13 ถึง {limit:,} มม. ให้สแกนหรือบันทึกใหม่เป็นขนาดกระดาษปกติ เช่น A4",
        "PDF `{value}` has a page of {detail}; each side of a page must be 13 to {limit:,} mm, so scan or save it again at a usual paper size such as A4",
    ),
    "report_name": (
        "ชื่อไฟล์รายงาน `{value}` ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2555.yml",
        "report file `{value}` must be named by its B.E. fiscal year, e.g. 2555.yml",
    ),
    "unknown_file": (
        "ไม่รู้จักไฟล์ `{value}` ไฟล์ข้อมูลต้องชื่อ agency.yml หรือ ปี พ.ศ..yml",
        "unknown file `{value}`; data files are agency.yml and <B.E. year>.yml",
    ),
    "missing_agency_file": (
        "โฟลเดอร์หน่วยงานไม่มีไฟล์ agency.yml ให้สร้างไฟล์นี้",
        "the agency folder has no agency.yml; create it",
    ),
    "no_reports": (
        "หน่วยงานยังไม่มีรายงานประจำปี ให้เพิ่มไฟล์ เช่น 2555.yml",
        "the agency has no yearly report yet; add one such as 2555.yml",
    ),
    "slug_format": (
        "ชื่อโฟลเดอร์ `{value}` ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ - เท่านั้น เช่น ratchaburi-pao",
        "folder name `{value}` may hold only lower-case letters, digits and '-', e.g. ratchaburi-pao",
    ),
    "unknown_revision": (
        "git ไม่รู้จัก `{value}` ให้ใช้ชื่อ branch หรือ commit ที่มีอยู่ เช่น origin/main",
        "git does not know `{value}`; give an existing branch or commit, such as origin/main",
    ),
    "agency_exists": (
        "มีโฟลเดอร์ `{value}` อยู่แล้ว ให้แก้ไขไฟล์ในโฟลเดอร์นั้น หรือเลือกชื่ออื่น",
        "folder `{value}` already exists; edit its files, or choose another name",
    ),
    "duplicate_slug": (
        "ชื่อโฟลเดอร์ `{value}` ซ้ำกับ {other} ให้เปลี่ยนชื่อโฟลเดอร์ใดโฟลเดอร์หนึ่ง",
        "folder name `{value}` is also used by {other}; rename one of them",
    ),
    "duplicate_name": (
        "ชื่อหน่วยงาน `{value}` ซ้ำกับ {other} ให้ตรวจว่าไม่ได้ส่งหน่วยงานเดียวกันซ้ำ",
        "agency name `{value}` is also used by {other}; check the same agency is not submitted twice",
    ),
    "path_missing": (
        "ไม่พบ `{value}` ตรวจชื่อโฟลเดอร์หรือไฟล์ที่พิมพ์",
        "`{value}` does not exist; check the folder or file name you typed",
    ),
    "missing_file": (
        "ไม่พบไฟล์ `{value}` ในโฟลเดอร์ของหน่วยงาน ตรวจชื่อไฟล์ (ตัวพิมพ์เล็กใหญ่มีผล) หรือเพิ่มไฟล์",
        "file `{value}` is not in the agency's folder; check its name (case matters) or add it",
    ),
    "path_outside": (
        "ไฟล์ `{value}` ต้องอยู่ในโฟลเดอร์ของหน่วยงาน ให้ใช้ที่อยู่แบบสัมพัทธ์ เช่น photos/a.jpg",
        "file `{value}` must be inside the agency's folder; use a relative path such as photos/a.jpg",
    ),
    "file_type": (
        "ไฟล์ `{value}` ต้องเป็นชนิด {allowed}",
        "file `{value}` must be of type {allowed}",
    ),
    "image_too_large": (
        "ภาพ `{value}` ใหญ่เกินไป ({detail}) ให้ย่อภาพให้ไม่เกิน {limit} ก่อนส่ง",
        "image `{value}` is too large ({detail}); make it no larger than {limit} before submitting",
    ),
    "image_unreadable": (
        "เปิดภาพ `{value}` ไม่ได้ ไฟล์อาจเสีย ให้บันทึกภาพใหม่เป็น JPEG หรือ PNG",
        "image `{value}` cannot be opened and may be damaged; save it again as JPEG or PNG",
    ),
    "file_too_big": (
        "ไฟล์ `{value}` มีขนาด {detail} เกิน {limit} ให้ลดขนาดไฟล์",
        "file `{value}` is {detail}, more than {limit}; make it smaller",
    ),
    # Content tree and characters
    "control_character": (
        "มีอักขระควบคุมที่มองไม่เห็น ({char}) อยู่ในข้อความนี้ ให้ลบอักขระนี้ออก",
        "an invisible control character ({char}) is in this text; delete it",
    ),
    "bidi_character": (
        "มีอักขระสลับทิศทางข้อความ ({char}) ซึ่งทำให้ข้อความแสดงผลต่างจากที่เขียนไว้ ให้ลบอักขระนี้ออก",
        "a text-direction override ({char}) is in this text and can make it show differently from what it holds; delete it",
    ),
    "name_character": (
        "ชื่อ `{value}` มีอักขระที่มองไม่เห็น ({char}) ให้เปลี่ยนชื่อไฟล์หรือโฟลเดอร์นี้โดยไม่มีอักขระนั้น",
        "the name `{value}` holds an invisible character ({char}); rename this file or folder without it",
    ),
    "symlink": (
        "`{value}` เป็นลิงก์ (symbolic link) ซึ่งจะไม่ถูกอ่าน ให้ใส่ไฟล์หรือโฟลเดอร์จริงแทนลิงก์",
        "`{value}` is a symbolic link, which is never followed; put the file or folder itself in its place",
    ),
    "special_file": (
        "`{value}` ไม่ใช่ไฟล์หรือโฟลเดอร์ธรรมดา (เช่น pipe, device หรือ socket) ให้ลบออก",
        "`{value}` is not an ordinary file or folder (a pipe, device or socket); remove it",
    ),
    "unreadable": (
        "อ่าน `{value}` ไม่ได้ ({detail}) ให้ตรวจสิทธิ์การเข้าถึงไฟล์",
        "`{value}` cannot be read ({detail}); check its permissions",
    ),
    "not_agency_folder": (
        "`{value}` อยู่ในโฟลเดอร์ {root} โดยตรง ซึ่งมีได้เฉพาะโฟลเดอร์ของหน่วยงาน ให้ย้ายไฟล์นี้เข้าไปในโฟลเดอร์ของหน่วยงาน หรือลบออก",
        "`{value}` is directly in {root}, which may hold only agency folders; move it into its agency's folder or remove it",
    ),
    "name_collision": (
        "ชื่อ `{value}` ต่างจาก `{other}` เพียงตัวพิมพ์เล็กใหญ่หรือรูปแบบการเข้ารหัสอักษร บางเครื่องจะเห็นเป็นไฟล์เดียวกัน ให้เปลี่ยนชื่อหรือลบอันใดอันหนึ่ง",
        "`{value}` and `{other}` differ only in upper and lower case or in Unicode normalization, so some computers see one file; rename or remove one",
    ),
    "report_name_digits": (
        "ชื่อไฟล์รายงาน `{value}` ใช้ตัวเลขไทยหรือตัวเลขแบบอื่น ให้ตั้งชื่อด้วยตัวเลขอารบิก 0-9 เช่น 2569.yml",
        "report file `{value}` is named with digits other than 0-9; name it with the digits 0-9, e.g. 2569.yml",
    ),
    "duration_too_long": (
        "ระยะเวลา `{value}` เกิน {limit_th} ตรวจว่าพิมพ์ตัวเลขเกินหรือไม่ หรือใช้หน่วยที่ใหญ่ขึ้น",
        "duration `{value}` is more than {limit_en}; check for extra digits, or use a larger unit",
    ),
    "step_number": (
        "`{value}` ไม่ใช่เลขขั้นตอน ให้เขียนเลขขั้นตอนตั้งแต่ 1 ถึง {limit}",
        "`{value}` is not a step number; write the number of a step, from 1 to {limit}",
    ),
    # Personal data
    "national_id": (
        "พบเลขประจำตัวประชาชน {value} ห้ามเผยแพร่ข้อมูลส่วนบุคคล ให้ลบเลขนี้ออก",
        "a national ID number ({value}) is in this text; personal data must not be published, remove it",
    ),
    "private_mobile": (
        "หมายเลขโทรศัพท์มือถือ {value} อาจเป็นเบอร์ส่วนตัว ให้ใช้เบอร์สำนักงาน หรือถ้าเป็นเบอร์ทางราชการของหน่วยงาน ให้ใส่ official: true",
        "mobile number {value} may be a person's own; give an office number, or add `official: true` if it is the agency's official line",
    ),
    "national_id_among_numbers": (
        "ตัวเลขที่เขียนติดกันที่นี่อ่านรวมกันได้เป็นเลขประจำตัวประชาชน {value} ห้ามเผยแพร่ข้อมูลส่วนบุคคล ให้ลบออก ถ้าเป็นตัวเลขคนละจำนวน เช่น เบอร์โทรศัพท์สองเบอร์ ให้คั่นด้วยจุลภาค (,) หรือคำว่า หรือ/และ",
        "the numbers written together here read as a national ID number ({value}); personal data must not be published, remove it; if they are separate numbers, such as two phone numbers, separate them with a comma or a word such as 'or'",
    ),
    "mobile_not_official": (
        "หมายเลขโทรศัพท์มือถือ {value} ไม่ใช่เบอร์ทางราชการที่หน่วยงานแจ้งไว้ อาจเป็นเบอร์ส่วนตัว ให้ลบออกหรือใช้เบอร์สำนักงาน ถ้าเป็นเบอร์ทางราชการของหน่วยงาน ให้เพิ่มใน agency.yml ที่ contacts.phones พร้อม official: true",
        "mobile number {value} is not one of the agency's official numbers and may be a person's own; remove it or give an office number; if it is the agency's official line, list it in agency.yml under contacts.phones with `official: true`",
    ),
    "national_id_in_name": (
        "ชื่อ `{value}` มีเลขประจำตัวประชาชน ชื่อไฟล์และโฟลเดอร์ถูกเผยแพร่ด้วย ให้เปลี่ยนชื่อ",
        "the name `{value}` holds a national ID number; file and folder names are published too, rename it",
    ),
    "mobile_in_name": (
        "ชื่อ `{value}` มีหมายเลขโทรศัพท์มือถือที่ไม่ใช่เบอร์ทางราชการของหน่วยงาน ชื่อไฟล์และโฟลเดอร์ถูกเผยแพร่ด้วย ให้เปลี่ยนชื่อ",
        "the name `{value}` holds a mobile number that is not one of the agency's official numbers; file and folder names are published too, rename it",
    ),
    "national_id_in_pdf": (
        "หน้า {detail} ของไฟล์ PDF นี้มีเลขประจำตัวประชาชน {value} ห้ามเผยแพร่ข้อมูลส่วนบุคคล ให้ลบหรือปิดทับเลขนี้ในเอกสารแล้วบันทึก PDF ใหม่",
        "page {detail} of this PDF holds a national ID number ({value}); personal data must not be published, remove or black out the number in the document and save the PDF again",
    ),
    "mobile_in_pdf": (
        "หน้า {detail} ของไฟล์ PDF นี้มีหมายเลขโทรศัพท์มือถือ {value} ที่ไม่ใช่เบอร์ทางราชการของหน่วยงาน ให้ลบหรือปิดทับในเอกสารแล้วบันทึก PDF ใหม่ ถ้าเป็นเบอร์ทางราชการ ให้เพิ่มใน agency.yml ที่ contacts.phones พร้อม official: true",
        "page {detail} of this PDF holds mobile number {value}, not one of the agency's official numbers; remove or black it out and save the PDF again; if it is the agency's official line, list it in agency.yml under contacts.phones with `official: true`",
    ),
    # Warnings
    "no_english": (
        "ไฟล์นี้ยังไม่มีคำแปลภาษาอังกฤษ หน้าภาษาอังกฤษจะแสดงข้อความภาษาไทยพร้อมหมายเหตุว่ายังไม่ได้แปล",
        "this file has no English yet; English pages will show the Thai text, with a note that it is not translated yet",
    ),
    "english_missing": (
        "ยังไม่มีคำแปลภาษาอังกฤษ ให้เขียนเป็น th: และ en:",
        "no English translation; write the text as `th:` and `en:`",
    ),
    "year_after_report": (
        "สถิติปี {value} อยู่หลังปีของรายงาน ({report}) ตรวจปีอีกครั้ง",
        "statistics for {value} come after the report's year ({report}); check the year",
    ),
    "generic": (
        "ค่าไม่ถูกต้อง ({detail})",
        "invalid value ({detail})",
    ),
    # Contact and participation (issue 13)
    "join_needs_date": (
        "กิจกรรมที่บอกวิธีเข้าร่วม (how_to_join) ต้องมีวันที่จัด (date) เว็บไซต์จะแสดงกิจกรรมนี้ว่ายังเข้าร่วมได้จนถึงวันนั้น",
        "an activity that says how to join (`how_to_join`) needs the date it is held (`date`); "
        "the site lists it as one citizens can still join until that day",
    ),
}


def message(code: str, **context: Any) -> tuple[str, str]:
    """The Thai and English text for ``code``, filled with ``context``."""
    th, en = _CATALOG.get(code, _CATALOG["generic"])
    context.setdefault("detail", code)
    try:
        return th.format(**context), en.format(**context)
    except (KeyError, IndexError, ValueError):  # a message must never end the run
        return th, en


def known_codes() -> frozenset[str]:
    return frozenset(_CATALOG)
