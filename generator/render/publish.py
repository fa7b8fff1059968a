"""Which copies of each submitted photo and scan the site publishes, made once for both languages.

A new province's first build converts thousands of phone photos (about 2 s each for a 12 MP
photo), so the conversions run on every core; afterwards the copies come from the cache and
a build only reads each photo's header. The Thai build publishes before it starts the
English one, which inherits the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.checks import file_type
from generator.fields import FileReference
from generator.model import walk
from generator.parallel import map_on_cores
from generator.render import images, pdfs
from generator.submissions import AgencySubmission, Site

PARALLEL_FROM = 50  # files; below this a pool costs more than it saves


@dataclass(frozen=True)
class Asset:
    """A file an agency submitted (photo, scan) and the site path it is published at."""

    source: Path
    path: str


@dataclass(frozen=True)
class Published:
    """How one submitted file appears: its image copies, and the file a link opens."""

    images: images.ImageSet
    link: str


@dataclass
class Publication:
    """Every submitted file of the site, by (agency slug, file as written), and what to copy."""

    files: dict[tuple[str, str], Published] = field(default_factory=dict)
    assets: list[Asset] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    source: Path
    site_path: str
    widths: tuple[int, ...]
    cache_dir: Path


def asset_path(agency: AgencySubmission, reference: FileReference) -> str:
    return f"agencies/{agency.slug}/files/{reference.file}"


def publish_files(site: Site, cache_dir: Path, workers: int | None = None) -> Publication:
    """Every photo and scan of every agency, converted where the cache lacks it."""
    keys, jobs = _jobs(site, cache_dir)
    results = map_on_cores(_publish_one, jobs, PARALLEL_FROM, workers)
    publication = Publication()
    assets: dict[str, Asset] = {}
    for key, (published, found) in zip(keys, results, strict=True):
        publication.files[key] = published
        assets.update((asset.path, asset) for asset in found)
    publication.assets = list(assets.values())
    return publication


def _jobs(site: Site, cache_dir: Path) -> tuple[list[tuple[str, str]], list[_Job]]:
    keys: dict[tuple[str, str], None] = {}
    jobs: list[_Job] = []
    for agency in site.agencies:
        for model in (agency.agency, *agency.reports.values()):
            for _, ref in walk(model):
                if not isinstance(ref, FileReference) or (agency.slug, ref.file) in keys:
                    continue
                is_pdf = file_type(agency.folder / ref.file) == "pdf"
                widths: tuple[int, ...] = images.PHOTO_WIDTHS
                if ref is agency.agency.logo:
                    widths = images.LOGO_WIDTHS
                elif is_pdf:
                    widths = images.THUMBNAIL_WIDTHS
                keys[(agency.slug, ref.file)] = None
                jobs.append(_Job(agency.folder / ref.file, asset_path(agency, ref), widths, cache_dir))
    return list(keys), jobs


def _publish_one(job: _Job) -> tuple[Published, list[Asset]]:
    """One file: a PDF's cleaned copy and first-page preview, or a photo's resized copies.

    What a file is comes from its content, not its name: a PDF named ``.jpg`` is published as a
    PDF (``.pdf``, so browsers open it as one), a photo named ``.pdf`` as a photo.
    """
    source, stem, link = job.source, str(PurePosixPath(job.site_path).with_suffix("")), ""
    assets = []
    if file_type(source) == "pdf":
        link = f"{stem}.pdf"
        assets.append(Asset(pdfs.clean_pdf(source, job.cache_dir), link))
        source = pdfs.pdf_preview(source, job.cache_dir)
        stem += "-preview"
    copies = images.image_set(source, stem, job.cache_dir, job.widths)
    assets += [Asset(variant.cached, variant.path) for variant in copies.variants]
    return Published(copies, link or copies.fallback.path), assets
