"""Personal data: national ID numbers and private mobiles are found however they are written."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml

from generator import privacy
from generator.loader import load_yaml
from generator.model import Agency, Report
from generator.privacy import mask, mobile_digits, mobiles, national_ids, redact, valid_national_id
from generator.problems import FieldPath, field_name
from generator.validate import validate_paths
from tests.conftest import CONTENT, FIXTURES

ID = "1101700203450"  # passes the checksum
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
PRIVACY_CASES = ["national-id-spellings", "mobile-spellings", "pdf-private-data", "private-data-in-names"]


@pytest.mark.parametrize(
    "written",
    [
        ID,
        "1-1017-00203-45-0",
        "1 1017 00203 45 0",
        ID.translate(THAI),
        "1-1017-00203-45-0".translate(THAI),
        "1--1017--00203--45--0",
        "&#49;&#49;&#48;&#49;&#55;&#48;&#48;&#50;&#48;&#51;&#52;&#53;&#48;",  # decoded by the page
        "1101<x>700203450</x>",
        "1101`700203450",
        "[1101](https://x.example)700203450",
        "1101*7*00203450",
        "1,101,700,203,450",
        "1101 700203450",
        "1\u2800101700203450",
        "❶❶⓪❶➆⓪⓪②⓪③④⑤⓪",
        "1 - 1017 - 00203 - 45 - 0",
        "1/1017/00203/45/0",
        "1–1017–00203–45–0",
        "1—1017—00203—45—0",
        "1_1017_00203_45_0",
        "1.1017.00203.45.0",
        "(1) 1017 00203 45 0",
        ID.translate(FULL_WIDTH),
        "1－1017－00203－45－0".translate(FULL_WIDTH),
        ID.translate(ARABIC_INDIC),
        "1\u00ad1017\u00ad00203\u00ad45\u00ad0",
        "1\u20631017\u206300203\u206345\u20630",
        "11017\u200b00203450",
        "1\u00a01017\u00a000203\u00a045\u00a00",
        "1\u20091017\u200900203\u200945\u20090",
        "1\n1017\n00203\n45\n0",
    ],
)
def test_a_national_id_is_found_however_it_is_spelled(written: str) -> None:
    assert national_ids(f"ผู้ร้อง เลขประจำตัว {written} แจ้งว่า") == ["1xxxxxxxxxx50"]


@pytest.mark.parametrize("written", ["เลขที่1101700203450", "ID:1-1017-00203-45-0.", "0 1 1017 00203 45 0"])
def test_a_national_id_is_found_next_to_words_and_other_numbers(written: str) -> None:
    assert national_ids(written) == ["1xxxxxxxxxx50"]


def test_an_id_hidden_in_a_longer_row_of_numbers_says_how_to_part_real_numbers() -> None:
    """A clerk told about an ID found across several numbers learns to separate them with a comma."""
    (found,) = privacy.find("ผู้ร้อง 1 1017 00203 45 0 5")
    assert found.kind == "national_id" and found.among_numbers
    (alone,) = privacy.find("ผู้ร้อง 1 1017 00203 45 0")
    assert not alone.among_numbers


def test_thirteen_digits_that_fail_the_checksum_are_not_an_id() -> None:
    assert not valid_national_id("1101700203451")
    assert national_ids("หนังสือเลขที่ 1101700203451") == []
    assert national_ids("12345678901234") == []  # fourteen digits


@pytest.mark.parametrize(
    "written",
    [
        "081-234-5678",
        "0812345678",
        "08 1234 5678",
        "+66 81 234 5678",
        "๐๘๑๒๓๔๕๖๗๘",
        "(081) 234 5678",
        "0 81 234 5678",
        "66812345678",
        "+66812345678",
        "+66 (0) 81 234 5678",
        "0066 81 234 5678",
        "081/234/5678",
        "081_234_5678",
        "081.234.5678",
        "081–234–5678",
        "081 - 234 - 5678",
        "０８１－２３４－５６７８",
        "٠٨١٢٣٤٥٦٧٨",
        "081\u200b234\u200b5678",
        "081\u00ad234\u00ad5678",
        "081\u2063234\u20635678",
        "08.12-345-678",  # its start looks like a time of day, the whole does not
        "line.me/ti/p/~0812345678",
        "0812345678@example.com",
        "0<q>812345678</q>",
        "&#48;812345678",
        "081*234*5678",
        "081\u31642345678",
    ],
)
def test_mobile_numbers_are_found_however_they_are_spelled(written: str) -> None:
    assert mobiles(f"โทร {written}") == ["0xxxxxxx78"]


@pytest.mark.parametrize(
    "written",
    [
        "0 3233 7866",
        "02-123-4567",
        "02-123-4567 ต่อ 12",
        "1567",
        "สายด่วน 1111",
        "032 337 866",
        "0 3233 7866-7",
        "(032) 337 866",
        "0 3233 7866, 0 3233 7867",
        "0 3233 7866 / 0 3233 7867",
        "0 3233 7866 - 0 2123 4567 - 0 4412 3456",
        "032-337-866 / 032-337-867",
        "ปีงบประมาณ 2566-2568",
        "2565 2566 2567 2568",
        "พ.ศ. 2566 จำนวน 1,200 คน",
        "2,145,600 บาท",
        "ที่ รบ 0017/1234",
        "ที่ รบ 0017.2/1234",
        "ที่ มท 0816.33/1234",
        "ที่ มท 0808.22/12345 ลงวันที่ 15 มีนาคม 2566",
        "01/09/2566-30/09/2566",
        "01/09/66 - 30/09/66",
        "2566-09-01 - 2566-09-30",
        "01.09.2566 - 30.09.2566",
        "วันจันทร์–ศุกร์ 08.30–16.30 น.",
        "08.30-16.30 / 17.00-20.00 น.",
        "ครั้งที่ 1/2566 วันที่ 15/03/2566 เวลา 09.00 น.",
        "เลขที่ 12/3 หมู่ 4 ตำบลหน้าเมือง อำเภอเมือง ราชบุรี 70000",
        "ร้อยละ 72.5 (2566) 80.3 (2567) 85.1 (2568)",
        "https://www.example.go.th/news/2566/09/15/123",
        "ผู้เข้าร่วม 120 คน จาก 15 หมู่บ้าน 3 ตำบล",
        "จัดกิจกรรมวันที่ 2/1/2569 9.00–12.00 น. ณ หอประชุมเทศบาล",
        "ระหว่างวันที่ 3/1/2569 - 16/1/2569",
        "ความพึงพอใจ (2566) 85.5 (2567) 88.0 (2568) 91.2",
        "เลขประจำตัวผู้เสียภาษีอากร 0994000161239",
        "โอนเข้าบัญชีธนาคารกรุงไทย เลขที่บัญชี 098-6-01234-5",
        "2566 1077 21\n2567 492 39\n2568 358 32\n2569 1186 8",
    ],
)
def test_years_counts_dates_letter_numbers_landlines_and_hotlines_are_not_personal_data(written: str) -> None:
    """An agency's ordinary numbers must not stop its report."""
    assert privacy.find(written) == []


def test_a_masked_number_shows_only_its_ends() -> None:
    assert mask("0812345678") == "0xxxxxxx78"


def test_a_file_name_is_shown_with_its_number_masked_where_it_was_written() -> None:
    assert redact("scans/ผู้ร้อง 1-1017-00203-45-0 (๒).pdf") == "scans/ผู้ร้อง 1xxxxxxxxxx50 (๒).pdf"
    assert redact("photos/0812345678.jpg") == "photos/0xxxxxxx78.jpg"


@pytest.mark.parametrize(
    "written", ["+66 (0) 89 999 0000", "089-999-0000", "66899990000", "๐๘๙ ๙๙๙ ๐๐๐๐", "089 999 0000 ต่อ 12"]
)
def test_an_official_mobile_is_recognised_however_it_is_written(written: str) -> None:
    assert mobile_digits(written) == "0899990000"


# --- The validator: every text, file and folder name, PDF ------------------------------------------


@pytest.mark.parametrize("case", PRIVACY_CASES)
def test_the_validators_own_output_shows_no_number_unmasked(case: str) -> None:
    """Problems are printed in public CI logs: the numbers in them are masked."""
    for line in (FIXTURES / "invalid" / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        message = line.split(": ", 1)[-1]
        assert privacy.find(message) == [], line


def _strings(data: Any, loc: FieldPath = ()) -> list[FieldPath]:
    if isinstance(data, str):
        return [loc]
    if isinstance(data, dict):
        return [p for key, item in data.items() for p in _strings(item, (*loc, key))]
    if isinstance(data, list):
        return [p for index, item in enumerate(data) for p in _strings(item, (*loc, index))]
    return []


def _set(data: Any, loc: FieldPath, value: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _hide_an_id_in_every_field(path: Path, model: type[Agency] | type[Report]) -> set[str]:
    """Append an ID to every string the model accepts it in; the fields changed."""
    data = load_yaml(path).data
    changed = copy.deepcopy(data)
    fields = set()
    suffix = "/ก-1-1017-00203-45-0"
    for loc in _strings(data):
        trial = copy.deepcopy(data)
        original = trial
        for part in loc:
            original = original[part]
        _set(trial, loc, f"{original}{suffix}")
        try:
            model.model_validate(trial)
        except ValueError:
            continue
        _set(changed, loc, f"{original}{suffix}")
        fields.add(field_name(loc))
    path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fields


def test_an_id_in_any_field_of_an_agency_file_or_report_is_refused(tmp_path: Path) -> None:
    """Not only some fields: every text an agency writes reaches its pages."""
    folder = tmp_path / "ratchaburi-provincial-office"
    shutil.copytree(CONTENT / folder.name, folder)
    expected = {
        "agency.yml": _hide_an_id_in_every_field(folder / "agency.yml", Agency),
        "2569.yml": _hide_an_id_in_every_field(folder / "2569.yml", Report),
    }
    _, problems = validate_paths([folder])
    for name, fields in expected.items():
        assert len(fields) >= 20, name
        found = {p.field for p in problems if Path(p.path).name == name and p.code.startswith("national_id")}
        assert found == fields, name


def _agency(tmp_path: Path, report: str, phones: str = "") -> Path:
    folder = tmp_path / "test-office"
    shutil.copytree(FIXTURES / "valid" / "sample-office", folder)
    agency = folder / "agency.yml"
    text = agency.read_text(encoding="utf-8").replace("  phones:\n", "  phones:\n" + phones, 1)
    agency.write_text(text, encoding="utf-8")
    (folder / "2569.yml").write_text(report, encoding="utf-8")
    return folder


def test_a_report_full_of_ordinary_numbers_validates(tmp_path: Path) -> None:
    """Years, counts, dates, letter numbers, landlines and hotlines pass in every kind of field."""
    texts = [
        "ปีงบประมาณ 2566-2568 ผู้ใช้บริการ 1,200 คน",
        "โทร 0 3233 7866 / 0 3233 7867 สายด่วน 1567",
        "ประชุมวันที่ 01/09/2566 - 30/09/2566 เวลา 08.30-16.30 น.",
    ]
    report = "information_types:\n" + "".join(f"  - {t!r}\n" for t in texts)
    report += "public_channels:\n  governor_reports:\n    - title: รายงานสรุป\n"
    report += "      letter_number: ที่ รบ 0017/1234\n      letter_date: 2569-03-15\n"
    folder = _agency(tmp_path, report, "    - number: '1567'\n    - number: 02-123-4567 ต่อ 12\n")
    _, problems = validate_paths([folder])
    assert [p.format() for p in problems if p.is_error] == []


def test_an_official_mobile_may_be_written_in_a_report_and_another_may_not(tmp_path: Path) -> None:
    report = "information_types:\n  - 'ไลน์ +66 89 999 0000'\n  - 'โทร 089 999 0001'\n"
    folder = _agency(tmp_path, report, "    - number: 089-999-0000\n      official: true\n")
    _, problems = validate_paths([folder])
    assert [(p.field, p.code) for p in problems if p.is_error] == [
        ("information_types[2]", "mobile_not_official")
    ]


@pytest.mark.parametrize("official", ["yes", "on", "y", "1"])
def test_official_yes_is_refused_once_not_at_every_use_of_the_number(tmp_path: Path, official: str) -> None:
    """YAML 1.1's yes is refused where it is written (so nothing is published), and the clerk is
    not told seven times that the number is private."""
    folder = _agency(
        tmp_path,
        "information_types:\n  - 'โทร 089 999 0000'\n",
        f"    - number: 089-999-0000\n      official: {official}\n",
    )
    _, problems = validate_paths([folder])
    codes = {(p.field, p.code) for p in problems if p.is_error}
    assert codes == {("contacts.phones[1].official", "bool_parsing")}


def _pdf(path: Path, pages: list[str]) -> None:
    """A real PDF whose pages hold ``pages`` as text (Helvetica)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for text in pages:
        content = pikepdf.Stream(pdf, f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode())
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=content,
        )
        pdf.pages.append(pikepdf.Page(page))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(path)


def test_a_pdf_pages_text_is_read_and_its_official_mobile_allowed(tmp_path: Path) -> None:
    """The problem names the page, at the line that attaches the PDF."""
    report = (FIXTURES / "invalid" / "pdf-private-data" / "office" / "2569.yml").read_text(encoding="utf-8")
    folder = _agency(tmp_path, report, "    - number: 081-234-5678\n      official: true\n")
    _pdf(folder / "attachments" / "flowchart.pdf", ["Cover", "Call 081 234 5678", "ID 1 1017 00203 45 0"])
    _, problems = validate_paths([folder])
    errors = [p for p in problems if p.is_error]
    assert [(p.line, p.field, p.code) for p in errors] == [
        (14, "service_standards.flowcharts[1].scan.file", "national_id_in_pdf")
    ]
    assert "page 3 " in errors[0].en and "หน้า 3 " in errors[0].th


def test_a_pdf_of_many_pages_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    """A hostile PDF cannot make validation run for ever: pages and characters are bounded."""
    path = tmp_path / "long.pdf"
    _pdf(path, ["x"] * (privacy.MAX_PDF_PAGES + 5))
    assert len(list(privacy.pdf_pages(path))) == privacy.MAX_PDF_PAGES


def test_a_damaged_pdf_is_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert list(privacy.pdf_pages(path)) == []


def test_a_folder_named_by_a_mobile_is_refused_with_the_number_masked(tmp_path: Path) -> None:
    """The folder's name is in every address of the agency's pages."""
    folder = _agency(tmp_path, "information_types:\n  - ขอให้เปิดบริการวันเสาร์\n")
    renamed = folder.rename(tmp_path / "office-081-234-5678")
    _, problems = validate_paths([renamed])
    masked = str(tmp_path / "office-0xxxxxxx78")  # the validator's output leaks nothing, paths included
    assert [(p.path, p.code) for p in problems if p.is_error] == [(masked, "mobile_in_name")]
    assert re.search(r"office-0x{7}78", problems[0].en)


def test_a_message_quoting_a_value_masks_the_numbers_in_it(tmp_path: Path) -> None:
    """A clerk's typo next to a national ID does not print the ID in the validator's output."""
    office = tmp_path / "office"
    shutil.copytree(FIXTURES / "valid" / "sample-office", office)
    agency = office / "agency.yml"
    text = agency.read_text(encoding="utf-8").replace("kind: provincial", "kind: 1101700203450")
    agency.write_text(text, encoding="utf-8")
    _, problems = validate_paths([office])
    lines = "\n".join(p.format() for p in problems)
    assert "agency.yml" in lines and "kind" in lines and "1101700203450" not in lines
    assert "1xxxxxxxxxx50" in lines


def test_a_key_that_is_a_national_id_is_masked_in_the_field_it_names(tmp_path: Path) -> None:
    """An unknown key written as an ID number: the field path does not print it either."""
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "office")
    agency = office / "agency.yml"
    agency.write_text(agency.read_text(encoding="utf-8") + '"1101700203450": x\n', encoding="utf-8")
    _, problems = validate_paths([office])
    lines = "\n".join(p.format() for p in problems)
    assert "extra_forbidden" in {p.code for p in problems} and "1101700203450" not in lines
