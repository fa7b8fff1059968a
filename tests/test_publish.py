"""Submitted photos and scans become the same published copies however many cores convert them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pikepdf
from PIL import Image

from generator import pdfclean
from generator.render import images, pdfs, render_site
from generator.render.publish import Publication, publish_files
from generator.validate import validate_paths
from tests.conftest import FIXTURES, SITE
from tests.test_images import hostile_pdf


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


MAGIC = {".webp": (b"RIFF", b"WEBP"), ".jpg": (b"\xff\xd8\xff", b""), ".pdf": (b"%PDF-", b"")}


def _published_bytes_are_what_their_names_say(publication: Publication) -> None:
    for asset in publication.assets:
        data = asset.source.read_bytes()
        start, tag = MAGIC[PurePosixPath(asset.path).suffix]
        assert data.startswith(start) and (not tag or data[8:12] == tag), asset.path
        if asset.path.endswith(".pdf"):
            with pikepdf.open(asset.source) as pdf:
                assert not pdfclean.active_content(pdf), asset.path


def test_files_planted_in_the_build_cache_are_made_anew_not_published(tmp_path: Path) -> None:
    """A pull request can commit files under .cache/ (git add -f): a script or a page in place
    of a converted photo, a PDF preview or a cleaned PDF must never reach the site."""
    cache = tmp_path / "cache"
    publish_files(SITE, cache, workers=1)
    hostile = tmp_path / "hostile.pdf"
    hostile_pdf(hostile)
    planted = 0
    for path in cache.rglob("*"):
        if path.is_file():
            if path.suffix == ".pdf":
                shutil.copy(hostile, path)
            else:
                path.write_bytes(b"<html><script>alert(document.domain)</script></html>")
            planted += 1
    assert planted
    images._image_set.cache_clear()
    publication = publish_files(SITE, cache, workers=1)
    _published_bytes_are_what_their_names_say(publication)
    for published in publication.files.values():
        for variant in published.images.variants:
            with Image.open(variant.cached) as copy:
                assert copy.size == (variant.width, variant.height), variant.path


def test_a_qr_code_planted_in_the_build_cache_never_reaches_a_poster(tmp_path: Path) -> None:
    """A QR code file committed under .cache/ with a script in it: posters draw their own codes."""
    cache = tmp_path / "cache"
    publication = publish_files(SITE, cache, workers=1)
    first = {
        p.path: p.body
        for p in render_site(SITE, "th", cache, "https://example.go.th/", {}, publication).pages
    }
    codes = [path for path in (cache / "qr").rglob("*") if path.is_file()]
    assert codes
    for path in codes:
        path.write_text(
            '<svg onload="alert(1)"><script>alert(document.domain)</script></svg>', encoding="utf-8"
        )
    again = render_site(SITE, "th", cache, "https://example.go.th/", {}, publication).pages
    posters = [page for page in again if "/services/" in page.path]
    assert posters
    for page in posters:
        assert "alert" not in page.body and "<script" not in page.body
        assert page.body == first[page.path]


def test_a_pdf_named_jpg_is_published_as_a_pdf_and_a_photo_named_pdf_as_a_photo(tmp_path: Path) -> None:
    """Browsers open a scan by what its address says: a PDF keeps a .pdf address whatever it was named."""
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "content" / "sample-office")
    (office / "attachments").mkdir()
    shutil.copy(FIXTURES / "fuzz-files" / "pdf-named.jpg", office / "attachments" / "flowchart.jpg")
    shutil.copy(FIXTURES / "fuzz-files" / "jpeg-named.pdf", office / "photos" / "before.pdf")
    report = office / "2569.yml"
    text = report.read_text(encoding="utf-8").replace("photos/before.png", "photos/before.pdf")
    scan = "    - kind: public_service\n      scan:\n        file: attachments/flowchart.jpg\n"
    report.write_text(text.replace("    - kind: public_service\n", scan, 1), encoding="utf-8")
    site, problems = validate_paths([office])
    assert not [p for p in problems if p.is_error]
    publication = publish_files(site, tmp_path / "cache", workers=1)
    scan_copy = publication.files[("sample-office", "attachments/flowchart.jpg")]
    assert scan_copy.link == "agencies/sample-office/files/attachments/flowchart.pdf"
    photo = publication.files[("sample-office", "photos/before.pdf")]
    assert photo.link.endswith("before-200.jpg")
    _published_bytes_are_what_their_names_say(publication)


def test_a_photo_copy_committed_under_the_build_cache_is_not_published(tmp_path: Path) -> None:
    """A pull request that commits another picture as a photo's cached copy (right format, right
    size) does not get it on the site: files git tracks in the cache are converted anew."""
    repo = tmp_path / "repo"
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", repo / "content" / "sample-office")
    site, _ = validate_paths([office])
    cache = repo / ".cache" / "images"
    publication = publish_files(site, cache, workers=1)
    copy = publication.files[("sample-office", "photos/before.png")].images.fallback
    real = copy.cached.read_bytes()
    Image.new("RGB", (copy.width, copy.height), "red").save(copy.cached, "JPEG")
    planted = copy.cached.read_bytes()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "plant"], check=True)
    images._image_set.cache_clear()
    images._tracked.cache_clear()
    again = (
        publish_files(site, cache, workers=1).files[("sample-office", "photos/before.png")].images.fallback
    )
    assert again.cached.read_bytes() == real != planted


CITIZEN_ID = "1101700203450"


def annotated_pdf(path: Path) -> Path:
    """A flowchart whose page text is clean, with a citizen's ID in a visible FreeText note, a
    sticky note, a link's address and a bookmark: none of them is page text the privacy check reads."""
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 720 Td (Flowchart) Tj ET")
    note = b"BT /F1 18 Tf 2 6 Td (ID " + CITIZEN_ID.encode() + b") Tj ET"
    look = pdf.make_stream(
        note, Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 400, 30],
        Resources=Dictionary(Font=Dictionary(F1=font)),
    )  # fmt: skip
    free_text = Dictionary(
        Type=Name.Annot, Subtype=Name.FreeText, Rect=[72, 600, 472, 630], F=4,
        Contents=String(f"ID {CITIZEN_ID}"), DA=String("/F1 18 Tf 0 g"), AP=Dictionary(N=look),
    )  # fmt: skip
    sticky = Dictionary(
        Type=Name.Annot, Subtype=Name.Text, Rect=[72, 500, 92, 520], Contents=String(CITIZEN_ID)
    )
    address = String(f"https://example.org/?cid={CITIZEN_ID}")
    link = Dictionary(
        Type=Name.Annot, Subtype=Name.Link, Rect=[72, 400, 300, 420], A=Dictionary(S=Name.URI, URI=address)
    )
    page.obj.Annots = Array([pdf.make_indirect(a) for a in (free_text, sticky, link)])
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(f"Applicant {CITIZEN_ID}", 0))
    pdf.save(path)
    return path


def _strings_and_streams(path: Path) -> bytes:
    """Every string and every decoded stream of a PDF, for a search of what it still holds."""
    found = []
    with pikepdf.open(path) as pdf:
        for item in pdf.objects:
            if isinstance(item, pikepdf.Stream):
                found.append(item.read_bytes())
                item = item.stream_dict
            if isinstance(item, (pikepdf.Dictionary, pikepdf.Array)):
                found.append(repr(item).encode())
    return b"\n".join(found)


def test_a_citizens_id_in_a_pdfs_notes_links_or_bookmarks_is_not_published(tmp_path: Path) -> None:
    """Notes, link addresses and bookmarks are not page text: the published copy and its
    preview hold the pages' own content only, which the privacy check has read."""
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "content" / "sample-office")
    (office / "attachments").mkdir()
    source = annotated_pdf(office / "attachments" / "flowchart.pdf")
    assert CITIZEN_ID.encode() in _strings_and_streams(source)
    report = office / "2569.yml"
    scan = "    - kind: public_service\n      scan:\n        file: attachments/flowchart.pdf\n"
    report.write_text(report.read_text(encoding="utf-8").replace("    - kind: public_service\n", scan, 1))
    site, problems = validate_paths([office])
    assert not [p for p in problems if p.is_error]
    publication = publish_files(site, tmp_path / "cache", workers=1)
    link = publication.files[("sample-office", "attachments/flowchart.pdf")].link
    [published] = [a.source for a in publication.assets if a.path == link]
    assert CITIZEN_ID.encode() not in _strings_and_streams(published)
    with pikepdf.open(published) as pdf:
        assert "/Annots" not in pdf.pages[0].obj and "/Outlines" not in pdf.Root
        assert b"Flowchart" in pdf.pages[0].Contents.read_bytes()
    bare = tmp_path / "bare.pdf"
    with pikepdf.open(source) as pdf:
        del pdf.pages[0].obj.Annots
        pdf.save(bare)
    preview = pdfs.pdf_preview(source, tmp_path / "previews")
    with Image.open(preview) as drawn, Image.open(pdfs.pdf_preview(bare, tmp_path / "previews")) as plain:
        assert drawn.tobytes() == plain.tobytes()  # the FreeText note is not drawn
