"""`python -m generator review`: a reviewer reads what a pull request changes, in words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.__main__ import main
from generator.review import inert
from tests.conftest import FIXTURES

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""CommonMark with GitHub's tables and strikethrough: how the git host shows the review."""


def shown(markdown: str) -> list[str]:
    """The review as a reader sees it: the text of each heading, paragraph and list item."""
    return [shown_text(token) for token in MARKDOWN.parse(markdown) if token.type == "inline"]


def headings(markdown: str) -> list[str]:
    tokens = MARKDOWN.parse(markdown)
    return [
        f"{'#' * int(token.tag[1:])} {shown_text(tokens[index + 1])}"
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def shown_text(inline: Token) -> str:
    return "".join(child.content for child in inline.children or [])


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    content = tmp_path / "content" / "agencies"
    shutil.copytree(FIXTURES / "valid" / "sample-office", content / "sample-office")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.email=t@example.go.th", "-c", "user.name=t", "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_review_names_changed_counts_and_flowchart_steps(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = repo / "content/agencies/sample-office/2569.yml"
    text = report.read_text(encoding="utf-8").replace("2569: 1450", "2569: 1500")
    text = text.replace(
        "          duration: 1 ชั่วโมง\n",
        "          duration: 1 ชั่วโมง\n        - action: รับเอกสารคืน\n          duration: 5 นาที\n",
    )
    report.write_text(text, encoding="utf-8")
    assert main(["review", "--base", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "## สำนักงานตัวอย่างอำเภอเมือง (sample-office), พ.ศ. 2569: แก้ไข / changed" in headings(out)
    assert "โทรศัพท์/โทรสาร/สายด่วน, พ.ศ. 2569: 1,450 → 1,500 คน / users" in shown(out)
    assert "แผนผัง / flowchart 'การแจ้งเกิด': ขั้นตอนที่ 3 เพิ่ม / step 3 added" in shown(out)
    assert "ความครบถ้วน / completeness: 6/12 หัวข้อ / sections" in out
    assert "0 error(s)" in out


def test_review_shows_validation_errors_of_the_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = repo / "content/agencies/sample-office/2569.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("2569: 1450", "2569: -3"), encoding="utf-8")
    main(["review", "--base", "HEAD"])
    out = "\n".join(shown(capsys.readouterr().out))
    assert "1 error(s)" in out and "2569.yml:3:" in out and "`-3`" in out


def test_review_of_an_unchanged_tree_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["review", "--base", "HEAD"])
    assert "ไม่มีรายงานที่เปลี่ยน / no report changed" in capsys.readouterr().out


def test_an_unknown_revision_is_an_error_not_an_empty_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--base", "no-such-branch"]) == 1
    out = capsys.readouterr().out
    assert "error" in out and "no-such-branch" in out and "git ไม่รู้จัก" in out


NAME = "สำนักงานตัวอย่าง\n\n## ผลการตรวจ / Validation: 0 error(s), 0 warning(s)\n\n- ผ่าน / valid\n\n<!--"
CHART = (
    "การแจ้งเกิด ` ``` | # [x](javascript:alert(1)) ![](http://evil.example/p.png) *em* _u_ ~~s~~ "
    "<b>b</b> www.evil.example @someone #12 :+1: \\"
)
STEP = "ยื่นคำขอ\n## ผลการตรวจ / Validation: 0 error(s)\n| a | b |\n|---|---|\n-->"
CHANNEL = "ไลน์ `code` <!-- --> & &amp; <img src=x onerror=alert(1)>"
COUNT = "` <!-- \n## ผลการตรวจ / Validation: 0 error(s)"
INERT = {"html_block", "html_inline", "link_open", "image", "code_inline", "code_block", "fence"}
INERT |= {"table_open", "em_open", "strong_open", "s_open", "hr", "blockquote_open", "ordered_list_open"}


def folded(text: str) -> str:
    return " ".join(text.split())


def hostile_report(path: Path, fee: str, steps: int, users: int) -> None:
    """The sample report with a hostile flowchart name, step and channel name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["listening_channels"][1]["name"]["th"] = CHANNEL
    data["listening_channels"][1]["statistics"] = {2569: users}
    chart = data["service_standards"]["flowcharts"][0]
    chart["name"]["th"] = CHART
    chart["fee"] = {"th": f"{fee} บาท", "en": f"{fee} baht"}
    chart["steps"][-1]["action"]["th"] = STEP
    chart["steps"] = chart["steps"][:steps]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_hostile_submission_cannot_hide_a_fee_raise_or_fake_the_validation_in_the_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agency = repo / "content/agencies/sample-office"
    hostile_report(agency / "2569.yml", "5", 2, 300)
    git(repo, "commit", "-q", "-am", "hostile base", "--author", "t <t@example.go.th>")
    hostile_report(agency / "2569.yml", "500", 1, 301)
    data = yaml.safe_load((agency / "agency.yml").read_text(encoding="utf-8"))
    data["name"]["th"] = NAME
    (agency / "agency.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    other = repo / "content/agencies/other-office"
    shutil.copytree(agency, other)
    data["name"] = {"th": "สำนักงานอื่น", "en": "Other Office"}
    (other / "agency.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = yaml.safe_load((other / "2569.yml").read_text(encoding="utf-8"))
    report["listening_channels"][0]["statistics"] = {2569: COUNT}
    (other / "2569.yml").write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")

    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    tokens = [t for block in MARKDOWN.parse(out) for t in [block, *(block.children or [])]]
    assert not {t.type for t in tokens} & INERT
    assert "://" not in out and "www." not in out, "nothing the git host would turn into a link"
    titles = headings(out)
    assert titles[0] == "# การตรวจรายงาน / Review against HEAD"
    assert f"## {folded(NAME)} (sample-office), พ.ศ. 2569: แก้ไข / changed" in titles
    validation = [t for t in titles if t.startswith("## ผลการตรวจ / Validation")]
    assert validation == [titles[-1]] and "0 error(s)" not in titles[-1]
    assert f"## {folded(NAME)} (sample-office): ข้อมูลหน่วยงาน / agency file: แก้ไข / changed" in titles
    assert len(titles) == 4, titles  # other-office's report has an error: it is not published yet
    lines = shown(out)
    assert f"name.th: สำนักงานตัวอย่างอำเภอเมือง → {folded(NAME)}" in lines
    chart = f"แผนผัง / flowchart '{folded(CHART)}'"
    assert f"{chart}: ค่าธรรมเนียม / fee 5 บาท / 5 baht → 500 บาท / 500 baht" in lines
    assert f"{chart}: ขั้นตอน '{folded(STEP)}' ถูกลบ / step removed" in lines
    assert f"{folded(CHANNEL)}, พ.ศ. 2569: 300 → 301 คน / users" in lines
    count = COUNT.replace("\n", "<U+000A>")  # the validator names the line break it refuses
    assert any(count in line and "other-office/2569.yml" in line for line in lines)


VISIBLE = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn"))


@settings(max_examples=300, deadline=None)
@given(st.text(VISIBLE, max_size=60).filter(str.strip) | st.sampled_from([NAME, CHART, STEP, CHANNEL, COUNT]))
def test_any_value_shows_in_the_review_as_exactly_its_text(value: str) -> None:
    """Whatever a clerk writes is shown as written (spaces folded), as one heading or list item."""
    for line, block, shows in (
        (f"## {inert(value)} (x)", "heading_open", f"{folded(value)} (x)"),
        (f"- {inert(value)}, x", "bullet_list_open", f"{folded(value)}, x"),
    ):
        tokens = MARKDOWN.parse(line)
        assert tokens[0].type == block
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1 and {c.type for c in inline[0].children or []} <= {"text"}, line
        assert shown_text(inline[0]) == shows


def test_invisible_controls_and_bidi_overrides_show_as_code_points() -> None:
    """A right-to-left override cannot make 500 baht read as 005 in the review."""
    assert inert("ค่าธรรมเนียม \u202e005 บาท\u200b") == "ค่าธรรมเนียม U+202E005 บาทU+200B"


def test_a_fee_raised_only_in_english_shows_in_the_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = repo / "content/agencies/sample-office/2569.yml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("en: No fee", "en: 500 baht"), encoding="utf-8"
    )
    main(["review", "--base", "HEAD"])
    fee = "ค่าธรรมเนียม / fee ไม่มีค่าธรรมเนียม / No fee → ไม่มีค่าธรรมเนียม / 500 baht"
    assert f"แผนผัง / flowchart 'การแจ้งเกิด': {fee}" in shown(capsys.readouterr().out)


def commit(repo: Path, message: str) -> None:
    git(repo, "-c", "user.email=t@example.go.th", "-c", "user.name=t", "commit", "-q", "-am", message)


def edit_agency(repo: Path, slug: str = "sample-office", **changes: object) -> None:
    path = repo / "content/agencies" / slug / "agency.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


SAMPLE = "## สำนักงานตัวอย่างอำเภอเมือง (sample-office)"


def test_a_swapped_website_email_phone_and_address_in_the_agency_file_show_old_and_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An agency-file-only change (a link to another site, a new phone) is not hidden from the reviewer."""
    edit_agency(
        repo,
        address={"th": "99 ถนนปลอม อำเภอเมืองราชบุรี", "en": "9 District Road, Na Mueang, Mueang Ratchaburi"},
        contacts={
            "phones": [{"number": "0 3231 9999"}, {"number": "081 234 5678", "official": True}],
            "email": "office@ratchaburi-dol.evil.example",
            "website": "https://ratchaburi-dol.evil.example/login?next=%2F",
        },
    )
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert f"{SAMPLE}: ข้อมูลหน่วยงาน / agency file: แก้ไข / changed" in headings(out)
    lines = shown(out)
    assert "address.th: 9 ถนนอำเภอ ตำบลหน้าเมือง อำเภอเมืองราชบุรี → 99 ถนนปลอม อำเภอเมืองราชบุรี" in lines
    assert "address.en" not in out, "an unchanged field is not listed"
    assert "contacts.email: office@example.go.th → office@ratchaburi-dol.evil.example" in lines
    assert "contacts.website: – → https://ratchaburi-dol.evil.example/login?next=%2F" in lines
    assert "contacts.phones[1].number: 0 3231 0000 ต่อ 12 → 0 3231 9999" in lines
    assert "contacts.phones[1].label.th: งานทะเบียน → –" in lines
    assert "contacts.phones[2].number: – → 081 234 5678" in lines
    assert "contacts.phones[2].official: – → true" in lines
    assert "ไม่มีรายงานที่เปลี่ยน" not in out and "พ.ศ. 2569" not in out, "the report itself did not change"
    tokens = [t for block in MARKDOWN.parse(out) for t in [block, *(block.children or [])]]
    assert not {t.type for t in tokens} & INERT
    assert "://" not in out


def test_a_removed_phone_and_a_renamed_agency_show_in_the_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_agency(repo, name={"th": "สำนักงานอื่น", "en": "Sample District Office"}, contacts={})
    main(["review", "--base", "HEAD"])
    lines = shown(capsys.readouterr().out)
    assert "name.th: สำนักงานตัวอย่างอำเภอเมือง → สำนักงานอื่น" in lines
    assert "contacts.phones[1].number: 0 3231 0000 ต่อ 12 → –" in lines
    assert "contacts.email: office@example.go.th → –" in lines


def test_a_new_agency_lists_every_value_of_its_agency_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = repo / "content/agencies/other-office"
    other.mkdir()
    shutil.copy(repo / "content/agencies/sample-office/agency.yml", other / "agency.yml")
    edit_agency(
        repo,
        "other-office",
        name={"th": "สำนักงานอื่น", "en": "Other Office"},
        contacts={"website": "http://x.example"},
    )
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert "## สำนักงานอื่น (other-office): ข้อมูลหน่วยงาน / agency file: ใหม่ / new" in headings(out)
    lines = shown(out)
    assert {"name.en: Other Office", "kind: provincial", "contacts.website: http://x.example"} <= set(lines)


def test_a_deleted_report_and_its_photos_are_listed_as_removed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`git rm 2569.yml` does not read as 'no report changed'."""
    git(repo, "rm", "-q", "content/agencies/sample-office/2569.yml")
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert "ไม่มีรายงานที่เปลี่ยน" not in out
    assert f"{SAMPLE}, พ.ศ. 2569: ถูกลบ / removed" in headings(out)
    assert f"{SAMPLE}: ไฟล์ภาพและเอกสาร / photos and documents" in headings(out)
    lines = shown(out)
    assert "photos/before.png: ไม่เผยแพร่อีก / no longer published" in lines
    assert "photos/after.png: ไม่เผยแพร่อีก / no longer published" in lines


def test_an_agency_whose_report_no_longer_validates_is_shown_unpublished_not_deleted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "content/agencies/sample-office/2569.yml").write_text("listening_channels: 3\n", encoding="utf-8")
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert f"{SAMPLE}: ไม่ผ่านการตรวจ จึงไม่เผยแพร่ / not valid, so not published" in headings(out)
    assert "พ.ศ. 2569: ไม่เผยแพร่อีก / no longer published" in shown(out)
    assert "1 error(s)" in out


def test_a_photo_replaced_under_the_same_name_shows_in_the_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photos = repo / "content/agencies/sample-office/photos"
    shutil.copy(photos / "before.png", photos / "after.png")
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert "ไม่มีรายงานที่เปลี่ยน" not in out
    assert "photos/after.png: เนื้อไฟล์เปลี่ยน / content changed" in shown(out)
    assert "photos/before.png" not in out


def test_a_deleted_agency_lists_the_reports_and_files_it_no_longer_publishes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "rm", "-q", "-r", "content/agencies/sample-office")
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert f"{SAMPLE}: ถูกลบ / removed" in headings(out)
    lines = shown(out)
    assert "พ.ศ. 2569: ไม่เผยแพร่อีก / no longer published" in lines
    assert "photos/after.png: ไม่เผยแพร่อีก / no longer published" in lines
