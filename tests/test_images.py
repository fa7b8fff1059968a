"""Published photos: the sizes pages need, and nothing of the camera's metadata (GPS above all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.render import images
from generator.render.images import PHOTO_WIDTHS, image_set, pdf_preview
from tests.conftest import CONTENT

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'


@pytest.fixture
def camera_photo(tmp_path: Path) -> Path:
    """A 2400x1600 JPEG as a phone writes it: maker, GPS position, XMP, turned by EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 6  # orientation: rotate 90 degrees to show
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (13.0, 32.0, 10.0), "E", (99.0, 48.0, 5.0)
    path = tmp_path / "camera.jpg"
    Image.new("RGB", (2400, 1600), (120, 160, 200)).save(path, "JPEG", exif=exif.tobytes(), xmp=XMP)
    with Image.open(path) as reopened:
        assert reopened.getexif().get_ifd(0x8825) and "xmp" in reopened.info
    return path


def test_published_copies_have_no_exif_gps_or_xmp(camera_photo: Path, tmp_path: Path) -> None:
    copies = image_set(camera_photo, "agencies/x/files/camera", tmp_path / "cache")
    assert len(copies.variants) == 2 * len(PHOTO_WIDTHS)
    for variant in copies.variants:
        with Image.open(variant.cached) as published:
            assert not published.getexif(), variant.path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(published.info)
            assert published.size == (variant.width, variant.height)
    assert camera_photo.read_bytes().count(b"PhoneMaker") == 1
    assert all(b"PhoneMaker" not in v.cached.read_bytes() for v in copies.variants)


def test_copies_are_resized_to_page_widths_and_turned_upright(camera_photo: Path, tmp_path: Path) -> None:
    copies = image_set(camera_photo, "agencies/x/files/camera", tmp_path / "cache")
    assert [v.width for v in copies.of("image/webp")] == [480, 960, 1600]
    assert [(v.width, v.height) for v in copies.of("image/jpeg")][-1] == (1600, 2400)
    assert copies.fallback.path == "agencies/x/files/camera-1600.jpg"


def test_a_small_photo_is_never_enlarged(tmp_path: Path) -> None:
    small = tmp_path / "small.png"
    Image.new("RGB", (300, 200), "red").save(small)
    copies = image_set(small, "s", tmp_path / "cache")
    assert [v.width for v in copies.variants] == [300, 300]


def test_a_converted_copy_is_reused_on_the_next_build(camera_photo: Path, tmp_path: Path) -> None:
    first = image_set(camera_photo, "a", tmp_path / "cache").fallback.cached
    written = first.stat().st_mtime_ns
    images._image_set.cache_clear()
    again = image_set(camera_photo, "a", tmp_path / "cache").fallback.cached
    assert again == first and again.stat().st_mtime_ns == written


def test_a_scanned_pdf_gets_a_thumbnail_of_its_first_page(tmp_path: Path) -> None:
    scan = CONTENT / "ratchaburi-land-office/attachments/sale-registration-flowchart.pdf"
    preview = pdf_preview(scan, tmp_path)
    with Image.open(preview) as page:
        assert page.width > 300 and page.height > page.width


def test_a_published_pdf_loses_its_author_and_software_metadata(tmp_path: Path) -> None:
    import pikepdf

    source = tmp_path / "scan.pdf"
    with pikepdf.open(CONTENT / "ratchaburi-land-office/attachments/sale-registration-flowchart.pdf") as pdf:
        pdf.docinfo["/Author"] = "นายสมชาย ใจดี"
        pdf.docinfo["/Producer"] = "ScannerApp 1.0"
        with pdf.open_metadata() as meta:
            meta["dc:creator"] = ["นายสมชาย ใจดี"]
        pdf.save(source)
    clean = images.clean_pdf(source, tmp_path / "cache")
    with pikepdf.open(clean) as published:
        assert not dict(published.docinfo) and "/Metadata" not in published.Root
        assert len(published.pages) == 1
    assert "สมชาย".encode("utf-16-be") not in clean.read_bytes() and b"ScannerApp" not in clean.read_bytes()
