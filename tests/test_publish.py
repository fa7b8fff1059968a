"""Submitted photos and scans become the same published copies however many cores convert them."""

from __future__ import annotations

from pathlib import Path

from generator.render.publish import publish_files
from tests.conftest import SITE


def test_photos_converted_on_several_cores_are_the_copies_converted_one_by_one(tmp_path: Path) -> None:
    serial = publish_files(SITE, tmp_path / "one", workers=1)
    parallel = publish_files(SITE, tmp_path / "two", workers=2)
    assert serial.files.keys() == parallel.files.keys() and serial.files
    for key, published in serial.files.items():
        other = parallel.files[key]
        assert other.link == published.link
        assert [(v.path, v.width, v.height) for v in other.images.variants] == [
            (v.path, v.width, v.height) for v in published.images.variants
        ]
        for mine, theirs in zip(published.images.variants, other.images.variants, strict=True):
            assert mine.cached.read_bytes() == theirs.cached.read_bytes()
    assert sorted(a.path for a in serial.assets) == sorted(a.path for a in parallel.assets)


def test_a_scanned_flowchart_is_published_as_a_clean_pdf_with_a_preview(tmp_path: Path) -> None:
    publication = publish_files(SITE, tmp_path, workers=1)
    scans = [(key, p) for key, p in publication.files.items() if key[1].endswith(".pdf")]
    assert scans
    for (slug, file), published in scans:
        assert published.link == f"agencies/{slug}/files/{file}"
        assert published.link in {a.path for a in publication.assets}
        assert all("-preview-" in v.path for v in published.images.variants)
