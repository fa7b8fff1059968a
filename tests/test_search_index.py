"""The search index's files (generator/search_index.py): small, in order, and readable back."""

from __future__ import annotations

import gzip
import json
from bisect import bisect_right
from pathlib import Path
from typing import Any

from generator import search_index
from generator.search_index import SearchPage, index_files, material_pages, plain, write_index

CONFIG = {"lang": ["en"], "separator": "[\\s]+"}


def report(url: str, title: str, *entries: tuple[str, str, str], **kw: Any) -> SearchPage:
    return SearchPage(url, title, entries, **kw)


PAGES = [
    report("about/", "เกี่ยวกับเว็บไซต์", ("", "", "เว็บไซต์นี้เผยแพร่รายงาน ร้องเรียน"), tier=2),
    report("submit/", "วิธีส่งรายงาน", ("", "", "ส่งรายงาน ร้องเรียน"), staff=True, tier=2),
    report("agencies/a/2568/", "สำนักงาน ก · 2568", ("", "", "ปีก่อน"), ("s", "หัวข้อ", "ร้องเรียน")),
    report("agencies/a/2569/", "สำนักงาน ก · 2569", ("", "", "โทร 0 3233 7866"), ("s", "", "ร้องเรียน")),
    report("contact/", "ติดต่อและร้องเรียน", ("", "", ""), tier=1),
]


def read(files: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    meta = json.loads(files["search_index.json"])["config"]["c3"]
    return meta, [json.loads(files[f"f/{n}.json"]) for n in range(meta["pages"])]


def pages_of(files: dict[str, str], term: str) -> dict[str, bool]:
    """What the worker does: find the term's file by the first terms, undo the differences."""
    meta, fragments = read(files)
    shard = json.loads(files[f"t/{bisect_right(meta['shards'], term) - 1}.json"])
    found, number = {}, -1
    for value in shard.get(term, []):
        number += abs(value) // 6
        found[fragments[number]["u"]] = value < 0
    return found


def test_reports_come_before_province_and_hand_written_pages_and_staff_pages_last() -> None:
    """Pages that match a query alike are listed in this order; a newer report first."""
    meta, fragments = read(index_files(PAGES, CONFIG))
    order = [f["u"] for f in fragments]
    assert order == ["agencies/a/2569/", "agencies/a/2568/", "contact/", "about/", "submit/"]
    assert meta["staff"] == 4 and meta["pages"] == 5


def test_a_word_leads_to_every_page_it_is_on_and_says_where_it_is_a_title() -> None:
    files = index_files(PAGES, CONFIG)
    assert pages_of(files, "ร้องเรียน") == {
        "agencies/a/2569/": False,
        "agencies/a/2568/": False,
        "contact/": True,
        "about/": False,
        "submit/": False,
    }
    assert pages_of(files, "032337866") == {"agencies/a/2569/": False}
    assert pages_of(files, "หัวข้อ") == {"agencies/a/2568/": True}  # a section's title


def test_term_files_stay_small_and_their_first_terms_find_every_term(monkeypatch: Any) -> None:
    """However many pages there are, a query downloads files of about SHARD_BYTES."""
    monkeypatch.setattr(search_index, "SHARD_BYTES", 200)
    texts = [("", "", f"คำ{n} ร้องเรียน word{n}") for n in range(60)]
    many = [report(f"agencies/x{n}/2569/", f"หน่วยงาน {n}", text) for n, text in enumerate(texts)]
    files = index_files(many, CONFIG)
    meta, _ = read(files)
    shards = [json.loads(files[f"t/{n}.json"]) for n in range(len(meta["shards"]))]
    assert len(shards) > 5 and meta["shards"] == sorted(meta["shards"])
    assert all(len(files[f"t/{n}.json"].encode()) < 400 for n in range(len(shards)) if len(shards[n]) > 1)
    for term in ("word7", "word59", "ร้องเรียน", "หน่วยงาน", "59"):
        assert term in shards[bisect_right(meta["shards"], term) - 1], term


def test_a_page_file_holds_the_words_as_written_for_the_excerpt() -> None:
    _, fragments = read(index_files(PAGES, CONFIG))
    latest = fragments[0]
    assert latest == {
        "u": "agencies/a/2569/",
        "t": "สำนักงาน ก · 2569",
        "e": [["", "", "โทร 0 3233 7866"], ["s", "", "ร้องเรียน"]],
    }


def test_hostile_text_stays_text_in_the_index() -> None:
    """Words reach the page files exactly, as JSON data; no term is made of markup."""
    name = '<img src=x onerror=alert(1)>"\u2028'
    files = index_files([report("agencies/h/2569/", name, ("", "", name))], CONFIG)
    meta, fragments = read(files)
    assert fragments[0]["t"] == fragments[0]["e"][0][2] == '<img src=x onerror=alert(1)>"'
    assert not [t for n in range(len(meta["shards"])) for t in json.loads(files[f"t/{n}.json"]) if "<" in t]


def test_hand_written_pages_are_read_from_material_s_index_as_plain_text() -> None:
    docs = [
        {"location": "about/", "title": "เกี่ยวกับ", "text": "<p>ดู<a href='x'>หน้านี้</a> &amp; อื่น ๆ</p>"},
        {"location": "about/#year", "title": "ปีงบประมาณ", "text": "<p>เริ่ม 1 ตุลาคม</p><p>สิ้นสุด</p>"},
    ]
    [about] = material_pages(docs, staff=set())
    assert about.title == "เกี่ยวกับ" and about.tier == 2 and not about.staff
    assert about.entries == (("", "", "ดูหน้านี้ & อื่น ๆ"), ("year", "ปีงบประมาณ", "เริ่ม 1 ตุลาคม สิ้นสุด"))
    assert plain("<code>x</code>y<br>z") == "xy z"


def test_writing_the_index_replaces_material_s_and_packs_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    (folder / "f").mkdir(parents=True)
    (folder / "f" / "99.json").write_text("{}", encoding="utf-8")  # an earlier build's page
    material = {"config": CONFIG, "docs": [{"location": "about/", "title": "About", "text": "<p>Hi</p>"}]}
    (folder / "search_index.json").write_text(json.dumps(material), encoding="utf-8")
    write_index(folder, PAGES[2:4], staff=set())
    _, fragments = read({str(p.relative_to(folder)): p.read_text("utf-8") for p in folder.rglob("*.json")})
    assert [f["u"] for f in fragments] == ["agencies/a/2569/", "agencies/a/2568/", "about/"]
    assert not (folder / "f" / "99.json").exists()
    for plain_file in folder.glob("[tf]/*.json"):
        assert gzip.decompress(Path(f"{plain_file}.gz").read_bytes()) == plain_file.read_bytes()
    assert json.loads((folder / "search_index.json").read_text("utf-8"))["config"]["lang"] == ["en"]


def test_past_so_many_term_files_each_grows_so_the_list_opening_search_reads_stays_short(
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(search_index, "SHARD_BYTES", 200)
    monkeypatch.setattr(search_index, "MAX_SHARDS", 4)
    many = [report(f"agencies/x{n}/2569/", f"หน่วยงาน {n}", ("", "", f"word{n} คำ{n}")) for n in range(200)]
    meta, _ = read(index_files(many, CONFIG))
    assert 3 <= len(meta["shards"]) <= 5


def test_a_page_that_uses_a_word_in_many_of_its_texts_says_so() -> None:
    """The agency whose own hotline a number is mentions it everywhere; one that refers
    citizens to it once does not: the worker ranks the first higher."""
    owner = report("agencies/o/2569/", "เจ้าของ", *[(f"s{n}", "", "สายด่วน 1567") for n in range(5)])
    other = report("agencies/p/2569/", "อื่น", ("", "", "โทร 1567"), ("a", "", "ติดต่อ"))
    few = report("agencies/q/2569/", "บาง", ("a", "", "1567"), ("b", "", "1567"))
    files = index_files([owner, other, few], CONFIG)
    meta, fragments = read(files)
    shard = json.loads(files[f"t/{bisect_right(meta['shards'], '1567') - 1}.json"])
    spread = {fragments[n]["u"]: abs(v) % 6 // 2 for n, v in zip(range(3), shard["1567"], strict=True)}
    assert spread == {"agencies/o/2569/": 2, "agencies/p/2569/": 0, "agencies/q/2569/": 1}


def test_a_word_nobody_types_stays_out_of_the_list_opening_search_reads() -> None:
    """A 300,000-letter word was the first term of its file: 600 kB that every visitor who
    opened search downloaded, on every page of both languages."""
    huge = report("agencies/h/2569/", "หน่วยงาน", ("", "", "a" * 300_000 + " ร้องเรียน"))
    files = index_files([huge, *PAGES], CONFIG)
    assert len(files["search_index.json"].encode()) < 1_000
    assert "agencies/h/2569/" in pages_of(files, "ร้องเรียน")


def test_a_pasted_document_is_found_by_every_word_but_its_page_file_stays_small() -> None:
    """One agency's megabyte of text cannot make every query that lists it download it."""
    long = "ร้องเรียน " * 20_000 + "คำสุดท้าย"
    files = index_files([report("agencies/big/2569/", "ใหญ่", ("s", "", long))], CONFIG)
    assert pages_of(files, "คำสุดท้าย") == {"agencies/big/2569/": False}
    assert len(files["f/0.json"].encode()) < 3 * search_index.SHOWN_CHARS + 200
