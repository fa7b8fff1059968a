"""The bench's static server behaves as a real host does: gzip for text when asked, else plain."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.bench_search import plan, served_gzip


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": ["ร้องเรียน"]}' * 500, encoding="utf-8")
    (tmp_path / "agencies").mkdir()
    (tmp_path / "agencies" / "index.html").write_text("<p>หน่วยงาน</p>" * 100, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + bytes(range(256)) * 8)
    return tmp_path


def test_text_goes_gzip_and_decodes_to_the_file(site: Path) -> None:
    with served_gzip(site) as base:
        for path, file in (("search/search_index.json", "search/search_index.json"),
                           ("agencies/", "agencies/index.html")):  # fmt: skip
            status, headers, body = get(base + path, **{"Accept-Encoding": "gzip"})
            assert status == 200
            assert headers["Content-Encoding"] == "gzip"
            assert int(headers["Content-Length"]) == len(body) < (site / file).stat().st_size
            assert gzip.decompress(body) == (site / file).read_bytes()


def test_plain_without_gzip_and_for_images(site: Path) -> None:
    with served_gzip(site) as base:
        _, headers, body = get(base + "search/search_index.json")
        assert "Content-Encoding" not in headers
        assert body == (site / "search/search_index.json").read_bytes()
        _, headers, body = get(base + "photo.jpg", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in headers
        assert body == (site / "photo.jpg").read_bytes()


def test_a_cached_copy_is_revalidated_with_304(site: Path) -> None:
    with served_gzip(site) as base:
        _, headers, _ = get(base + "agencies/", **{"Accept-Encoding": "gzip"})
        status, _, body = get(
            base + "agencies/", **{"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]}
        )
        assert (status, body) == (304, b"")


def test_each_language_searches_on_its_own_page_and_a_further_query_is_another() -> None:
    steps = plan(["ร้องเรียน", "เครือข่าย", "en:complaint"], "agencies/")
    assert steps == [
        ("th", "agencies/", "ร้องเรียน", "เครือข่าย"),
        ("th", "agencies/", "เครือข่าย", "ร้องเรียน"),
        ("en", "en/agencies/", "complaint", "complaint"),
    ]
