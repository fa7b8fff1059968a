"""Names from fixed lists (Thailand's 77 provinces, its ministries) in English.

An agency that has not translated its report still names its province and ministry from these
lists, so English pages show them in English instead of as untranslated Thai. The agency's own
translation, when it gives one, wins; the lists only fill in what it left out. Spellings are
the Royal Thai General System as the ministries and provinces write them in English.
"""

from __future__ import annotations

import re

PROVINCES: dict[str, str] = {
    "กรุงเทพมหานคร": "Bangkok", "กระบี่": "Krabi", "กาญจนบุรี": "Kanchanaburi",
    "กาฬสินธุ์": "Kalasin", "กำแพงเพชร": "Kamphaeng Phet", "ขอนแก่น": "Khon Kaen",
    "จันทบุรี": "Chanthaburi", "ฉะเชิงเทรา": "Chachoengsao", "ชลบุรี": "Chon Buri",
    "ชัยนาท": "Chai Nat", "ชัยภูมิ": "Chaiyaphum", "ชุมพร": "Chumphon",
    "เชียงราย": "Chiang Rai", "เชียงใหม่": "Chiang Mai", "ตรัง": "Trang", "ตราด": "Trat",
    "ตาก": "Tak", "นครนายก": "Nakhon Nayok", "นครปฐม": "Nakhon Pathom",
    "นครพนม": "Nakhon Phanom", "นครราชสีมา": "Nakhon Ratchasima",
    "นครศรีธรรมราช": "Nakhon Si Thammarat", "นครสวรรค์": "Nakhon Sawan",
    "นนทบุรี": "Nonthaburi", "นราธิวาส": "Narathiwat", "น่าน": "Nan", "บึงกาฬ": "Bueng Kan",
    "บุรีรัมย์": "Buri Ram", "ปทุมธานี": "Pathum Thani", "ประจวบคีรีขันธ์": "Prachuap Khiri Khan",
    "ปราจีนบุรี": "Prachin Buri", "ปัตตานี": "Pattani",
    "พระนครศรีอยุธยา": "Phra Nakhon Si Ayutthaya", "พะเยา": "Phayao", "พังงา": "Phang Nga",
    "พัทลุง": "Phatthalung", "พิจิตร": "Phichit", "พิษณุโลก": "Phitsanulok",
    "เพชรบุรี": "Phetchaburi", "เพชรบูรณ์": "Phetchabun", "แพร่": "Phrae", "ภูเก็ต": "Phuket",
    "มหาสารคาม": "Maha Sarakham", "มุกดาหาร": "Mukdahan", "แม่ฮ่องสอน": "Mae Hong Son",
    "ยโสธร": "Yasothon", "ยะลา": "Yala", "ร้อยเอ็ด": "Roi Et", "ระนอง": "Ranong",
    "ระยอง": "Rayong", "ราชบุรี": "Ratchaburi", "ลพบุรี": "Lop Buri", "ลำปาง": "Lampang",
    "ลำพูน": "Lamphun", "เลย": "Loei", "ศรีสะเกษ": "Si Sa Ket", "สกลนคร": "Sakon Nakhon",
    "สงขลา": "Songkhla", "สตูล": "Satun", "สมุทรปราการ": "Samut Prakan",
    "สมุทรสงคราม": "Samut Songkhram", "สมุทรสาคร": "Samut Sakhon", "สระแก้ว": "Sa Kaeo",
    "สระบุรี": "Saraburi", "สิงห์บุรี": "Sing Buri", "สุโขทัย": "Sukhothai",
    "สุพรรณบุรี": "Suphan Buri", "สุราษฎร์ธานี": "Surat Thani", "สุรินทร์": "Surin",
    "หนองคาย": "Nong Khai", "หนองบัวลำภู": "Nong Bua Lam Phu", "อ่างทอง": "Ang Thong",
    "อำนาจเจริญ": "Amnat Charoen", "อุดรธานี": "Udon Thani", "อุตรดิตถ์": "Uttaradit",
    "อุทัยธานี": "Uthai Thani", "อุบลราชธานี": "Ubon Ratchathani",
}  # fmt: skip

MINISTRIES: dict[str, str] = {
    "สำนักนายกรัฐมนตรี": "Office of the Prime Minister",
    "กระทรวงกลาโหม": "Ministry of Defence",
    "กระทรวงการคลัง": "Ministry of Finance",
    "กระทรวงการต่างประเทศ": "Ministry of Foreign Affairs",
    "กระทรวงการท่องเที่ยวและกีฬา": "Ministry of Tourism and Sports",
    "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์": "Ministry of Social Development and Human Security",
    "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม": (
        "Ministry of Higher Education, Science, Research and Innovation"
    ),
    "กระทรวงเกษตรและสหกรณ์": "Ministry of Agriculture and Cooperatives",
    "กระทรวงคมนาคม": "Ministry of Transport",
    "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม": "Ministry of Digital Economy and Society",
    "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม": "Ministry of Natural Resources and Environment",
    "กระทรวงพลังงาน": "Ministry of Energy",
    "กระทรวงพาณิชย์": "Ministry of Commerce",
    "กระทรวงมหาดไทย": "Ministry of Interior",
    "กระทรวงยุติธรรม": "Ministry of Justice",
    "กระทรวงแรงงาน": "Ministry of Labour",
    "กระทรวงวัฒนธรรม": "Ministry of Culture",
    "กระทรวงศึกษาธิการ": "Ministry of Education",
    "กระทรวงสาธารณสุข": "Ministry of Public Health",
    "กระทรวงอุตสาหกรรม": "Ministry of Industry",
}

_ALIASES = {"กรุงเทพฯ": "Bangkok", "กทม.": "Bangkok"}
_PROVINCE_PREFIX = re.compile(r"^(?:จังหวัด|จ\.)\s*")


def _key(thai: str) -> str:
    """Spaces do not tell names apart: ``การอุดมศึกษา วิทยาศาสตร์`` is written with and without."""
    return re.sub(r"\s+", "", thai)


_ENGLISH = {_key(th): en for table in (PROVINCES, MINISTRIES, _ALIASES) for th, en in table.items()}


def english_name(thai: str) -> str | None:
    """The English name of a province (``ราชบุรี``, ``จังหวัดราชบุรี``) or a ministry, else None.

    Only a whole text that is such a name is translated: a name inside a sentence stays as the
    agency wrote it."""
    key = _key(thai)
    return _ENGLISH.get(key) or _ENGLISH.get(_PROVINCE_PREFIX.sub("", key))
