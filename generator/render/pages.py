"""Which pages the site has, where they live, and what each template is given.

Pages are plain HTML bodies with a title, independent of MkDocs, so that another static
site engine could publish the same output.
"""

from __future__ import annotations

import datetime
import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from generator.completeness import Completeness, completeness, section_filled
from generator.fields import BE_OFFSET, BiText, phone_href
from generator.history import build_date
from generator.model import SECTION_KEYS, Report, walk
from generator.render import charts, opendata, province, reference, wording
from generator.render import format as fmt
from generator.render.order import in_reading_order
from generator.render.poster import poster_fit, poster_phone
from generator.render.publish import Asset, Publication, asset_path, publish_files
from generator.render.qr import qr_svg
from generator.render.search_entries import TITLE_ONLY, SearchEntry, report_entries
from generator.render.ui import level_meaning, section_heading, ui
from generator.submissions import AgencySubmission, Site
from generator.vocabulary import AgencyKind, Measurement, ParticipationLevel

LANGS = ("th", "en")
TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_CACHE = Path(".cache/images")
REFERENCE_PAGE = "submit/reference.md"


@dataclass(frozen=True)
class Page:
    """One generated page: where it sits in the docs tree, its title and its HTML body.

    ``title`` is plain text, as an agency wrote it: whoever puts it into HTML escapes it, once."""

    path: str
    title: str
    body: str
    hide: tuple[str, ...] = ()
    search: tuple[SearchEntry, ...] | None = TITLE_ONLY
    """What search finds here: these entries (none: not found); None: the page's whole text."""
    toc: tuple[tuple[str, str], ...] = ()
    """The parts a reader jumps to, as (anchor, title): the theme lists them beside the text."""

    @property
    def url(self) -> str:
        """``agencies/x/2569.md`` -> ``agencies/x/2569/``; ``index.md`` -> ``''``."""
        stem = self.path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"


@dataclass(frozen=True)
class Owner:
    """Whose site this is, in one language (``extra.owner`` of mkdocs.yml): the home page says it."""

    province: str = ""
    office: str = ""


@dataclass
class Rendered:
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    downloads: list[opendata.DataFile] = field(default_factory=list)


@dataclass(frozen=True)
class ReportStatus:
    """One report on the dashboard and in the feed."""

    agency: AgencySubmission
    year: int
    done: Completeness
    changed: datetime.date


@dataclass(frozen=True)
class Links:
    """Relative links from one page, so the site works under any address and from a folder."""

    page_url: str
    lang: str

    def page(self, url: str) -> str:
        here = self.page_url.rstrip("/") or "."
        target = posixpath.relpath(url.rstrip("/") or ".", here)
        return "./" if target == "." else target + ("/" if url.endswith("/") or not url else "")

    def asset(self, path: str) -> str:
        """Submitted files are published once, in the Thai site; English pages link up to them.
        A name with spaces or commas (a phone's ``ก่อน ปรับปรุง.JPG``) is written as a URL, or a
        ``srcset`` that lists it breaks and phones get the largest copy."""
        up = "../" if self.lang == "en" else ""
        depth = self.page_url.count("/")
        return "../" * depth + up + quote(path)


def poster_url(agency: AgencySubmission, number: int) -> str:
    return f"agencies/{agency.slug}/services/{number}/"


def agency_url(agency: AgencySubmission, year: int | None = None) -> str:
    return f"agencies/{agency.slug}/" + (f"{year}/" if year else "")


def render_site(
    site: Site,
    lang: str,
    cache_dir: Path = DEFAULT_CACHE,
    site_url: str = "",
    changed: dict[Path, datetime.date] | None = None,
    publication: Publication | None = None,
    owner: Owner | None = None,
) -> Rendered:
    """Every page of the site in ``lang``; submitted files and downloads come with the Thai pages.

    ``site_url`` is the Thai site's public address (posters' QR codes, the feed); ``changed``
    gives each report file's last change, from git history; ``publication``, the submitted
    files already published (by ``publish_files``) for the other language; ``owner``, whose
    site it is.
    """
    if publication is None:
        publication = publish_files(site, cache_dir)
    render = functools.partial(_environment(lang), published=publication.files)
    rendered = Rendered(assets=publication.assets if lang == "th" else [])
    statuses = _statuses(site, changed or {})
    downloads = opendata.data_files(site)
    if lang == "th":
        feed = render(
            "feed.xml.j2",
            entries=sorted(statuses, key=lambda s: (s.changed, s.agency.slug, s.year), reverse=True),
            updated=build_date().isoformat(),
            site_url=site_url,
            links=Links("", lang),
        )
        rendered.downloads = [*downloads, opendata.DataFile("feed.xml", feed.encode("utf-8"), "ฟีด", "feed")]
    rendered.pages += _province_pages(render, site, lang)
    rendered.pages += _open_data_pages(render, site, lang, downloads, statuses)
    rendered.pages.append(
        _page(
            render,
            lang,
            REFERENCE_PAGE,
            ui("reference_title", lang),
            "reference",
            search=None,
            files=reference.agency_and_report(),
        )
    )
    rendered.pages.append(
        _page(render, lang, "index.md", ui("site_name", lang), "home", site=site, owner=owner or Owner())
    )
    rendered.pages.append(
        _page(
            render,
            lang,
            "agencies/index.md",
            ui("all_agencies", lang),
            "agency_list",
            site=site,
            groups=_groups(site, lang),
        )
    )
    for agency in site.agencies:
        with fmt.converting_once():
            rendered.pages += _agency_pages(render, agency, lang, site_url, cache_dir)
    return rendered


def _agency_pages(
    render: Renderer, agency: AgencySubmission, lang: str, site_url: str, cache_dir: Path
) -> list[Page]:
    """A page per report; the latest again at the agency's own address, and its posters."""
    pages = [
        _report_page(render, agency, year, f"agencies/{agency.slug}/{year}.md", lang) for year in agency.years
    ]
    if agency.latest_year:
        path = f"agencies/{agency.slug}/index.md"
        pages.append(_report_page(render, agency, agency.latest_year, path, lang, duplicate=True))
        pages += _posters(render, agency, lang, site_url, cache_dir)
    return pages


Renderer = Callable[..., str]


def _page(
    render: Renderer,
    lang: str,
    path: str,
    title: str,
    template: str,
    hide: tuple[str, ...] = (),
    search: tuple[SearchEntry, ...] | None = TITLE_ONLY,
    toc: tuple[tuple[str, str], ...] = (),
    **context: Any,
) -> Page:
    url = Page(path, "", "").url
    shown = fmt.thai_only_shown()
    body = render(template, links=Links(url, lang), page_url=url, **context)
    if fmt.thai_only_shown() > shown and template not in _OWN_THAI_ONLY_NOTICE:
        body = _after_heading(body, render("_thai_only_page"))
    return Page(path, fmt.digits(title), body, hide, search, toc)


_OWN_THAI_ONLY_NOTICE = ("report", "poster")
"""A report says which of its parts are Thai-only; a poster is one A4 page and has no room."""


def _after_heading(body: str, notice: str) -> str:
    """``notice`` just below the page's title, where a reader starts."""
    head, heading_end, rest = body.partition("</h1>\n")
    return f"{head}{heading_end}{notice}{rest}" if heading_end else notice + body


def introduced(label: str, lang: str) -> tuple[SearchEntry, ...]:
    """A page that gathers every agency's data, found by its title and the sentence under it
    (``complain`` leads to the contact page), not by the agencies' words: their own pages
    are where search leads for those."""
    return (SearchEntry("", "", ui(label, lang)),)


def _province_pages(render: Renderer, site: Site, lang: str) -> list[Page]:
    years, totals, reporting = province.channel_totals(site)
    rows = [(kind.label(lang), [counts.get(y) for y in years]) for kind, counts in totals.items()]
    chart = charts.bar_chart([fmt.short_year(y, lang) for y in years], rows)
    return [
        _page(
            render,
            lang,
            "services/index.md",
            ui("province_services", lang),
            "province_services",
            search=introduced("province_services_intro", lang),
            groups=province.services_by_kind(site, lang),
        ),
        _page(
            render,
            lang,
            "contact/index.md",
            ui("province_contact", lang),
            "province_contact",
            search=introduced("province_contact_intro", lang),
            cards=province.contact_cards(site, lang),
        ),
        _page(
            render,
            lang,
            "participation/index.md",
            ui("province_participation", lang),
            "province_participation",
            search=introduced("province_participation_intro", lang),
            participation=province.participation(site, lang, build_date()),
        ),
        _page(
            render,
            lang,
            "channels/index.md",
            ui("province_channels", lang),
            "province_channels",
            search=introduced("province_channels_intro", lang),
            years=years,
            totals=totals,
            reporting=reporting,
            chart=chart,
        ),
    ]


def _statuses(site: Site, changed: dict[Path, datetime.date]) -> list[ReportStatus]:
    today = build_date()
    return [
        ReportStatus(
            agency, year, completeness(report), changed.get((agency.folder / f"{year}.yml").resolve(), today)
        )
        for agency in site.agencies
        for year, report in sorted(agency.reports.items())
    ]


def _open_data_pages(
    render: Renderer, site: Site, lang: str, downloads: list[opendata.DataFile], statuses: list[ReportStatus]
) -> list[Page]:
    tables = [f for f in downloads if f.path.startswith(("data/", "schema/"))]
    reports = [(a, [f for f in downloads if f.path.startswith(f"agencies/{a.slug}/")]) for a in site.agencies]
    latest = max((a.latest_year for a in site.agencies if a.latest_year), default=0)
    missing = [a for a in site.agencies if a.latest_year != latest]
    years, totals, _ = province.channel_totals(site)
    return [
        _page(
            render,
            lang,
            "data/index.md",
            ui("data_title", lang),
            "data",
            tables=tables,
            reports=reports,
            licence=opendata.LICENCE,
            build_year=build_date().year + BE_OFFSET,
        ),
        _page(
            render,
            lang,
            "dashboard/index.md",
            ui("dashboard_title", lang),
            "dashboard",
            completeness=statuses,
            missing=missing,
            latest_year=latest,
            years=years,
            totals=totals,
            levels=province.activities_by_level(site),
        ),
    ]


def _posters(
    render: Renderer, agency: AgencySubmission, lang: str, site_url: str, cache_dir: Path
) -> list[Page]:
    """An A4 poster for each service of the latest report, with a QR code to its place on the site."""
    assert agency.latest_year
    posters = []
    for number, chart in enumerate(agency.reports[agency.latest_year].service_standards.flowcharts, start=1):
        here = f"{site_url}{'en/' if lang == 'en' else ''}"
        target = f"{here}{agency_url(agency)}#service-{number}" if site_url else ""
        qr = qr_svg(target, ui("qr_alt", lang, url=target), cache_dir) if target else ""
        title = ui("poster_title", lang, name=chart.name.get(lang))
        path = poster_url(agency, number).rstrip("/") + ".md"
        context: dict[str, Any] = {"agency": agency, "chart": chart, "number": number, "qr": qr}
        context |= {
            "qr_url": target,
            "fit": poster_fit(chart, lang),
            "phone": poster_phone(agency.agency.contacts.phones, chart.kind),
        }
        posters.append(
            _page(render, lang, path, title, "poster", hide=("navigation", "toc"), search=(), **context)
        )
    return posters


def _report_page(
    render: Renderer, agency: AgencySubmission, year: int, path: str, lang: str, duplicate: bool = False
) -> Page:
    """A report page; the latest year also lives at the agency's own address, left out of search."""
    title = f"{agency.agency.name.get(lang)} · {fmt.fiscal_year(year, lang)}"
    report = agency.reports[year]
    return _page(
        render,
        lang,
        path,
        title,
        "report",
        search=_report_search(agency, year, lang, duplicate),
        toc=tuple((key, f"{n}. {section_heading(key, lang)}") for n, key in enumerate(SECTION_KEYS, start=1)),
        agency=agency,
        year=year,
        report=report,
        empty={key: not section_filled(getattr(report, key)) for key in SECTION_KEYS},
        stat_years=_stat_years(report),
        stat_totals=_stat_totals(report),
        channel_chart=_channel_chart(report, lang),
        thai_only=_thai_only_parts(agency, report, lang),
        is_latest=year == agency.latest_year,
    )


def _report_search(
    agency: AgencySubmission, year: int, lang: str, duplicate: bool
) -> tuple[SearchEntry, ...]:
    """Every year's report is found by every word the agency wrote in it, at its year's address:
    a citizen looking for last year's activity or an old phone number finds the report that
    has it. The latest report's copy at the agency's own address is left out, or search would
    offer it twice."""
    if duplicate:
        return ()
    return report_entries(agency, agency.reports[year], lang)


@dataclass(frozen=True)
class ThaiOnlyParts:
    """Which parts of a report an English page shows in Thai: ``contact`` (the agency's own
    details) and section keys; ``everything`` when no filled part is translated."""

    parts: tuple[str, ...] = ()
    everything: bool = False


def _thai_only_parts(agency: AgencySubmission, report: Report, lang: str) -> ThaiOnlyParts:
    if lang == "th":
        return ThaiOnlyParts()
    filled = ("contact", *(key for key in SECTION_KEYS if section_filled(getattr(report, key))))
    models = {"contact": agency.agency, **{key: getattr(report, key) for key in filled[1:]}}
    parts = tuple(key for key, model in models.items() if _has_thai_only(model, lang))
    return ThaiOnlyParts(parts, everything=parts == filled)


def _has_thai_only(model: Any, lang: str) -> bool:
    return any(isinstance(v, BiText) and fmt.thai_only(v, lang) for _, v in walk(model))


def _stat_years(report: Report) -> list[int]:
    return sorted({year for channel in report.listening_channels for year in channel.statistics})


def _channel_chart(report: Report, lang: str) -> charts.BarChart:
    years = _stat_years(report)
    rows = [
        (fmt.digits(channel.label(lang)), [channel.statistics.get(year) for year in years])
        for channel in report.listening_channels
    ]
    return charts.bar_chart([fmt.short_year(y, lang) for y in years], rows)


def _stat_totals(report: Report) -> dict[int, int]:
    totals: dict[int, int] = {}
    for channel in report.listening_channels:
        for year, count in channel.statistics.items():
            totals[year] = totals.get(year, 0) + count
    return totals


def _groups(site: Site, lang: str) -> list[tuple[AgencyKind, list[AgencySubmission]]]:
    """Agencies by kind, in the vocabulary's order, each group by name as a reader of ``lang`` expects."""
    groups = []
    for kind in AgencyKind:
        members = in_reading_order(
            [a for a in site.agencies if a.agency.kind is kind], lang, lambda a: a.agency.name
        )
        if members:
            groups.append((kind, members))
    return groups


@cache
def _environment(lang: str) -> Renderer:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        t=lambda v: fmt.text(v, lang),
        md=lambda v: fmt.rich(v, lang),
        label=lambda v: v.label(lang),
        fy=lambda y: fmt.fiscal_year(y, lang),
        short_year=lambda y: fmt.short_year(y, lang),
        date=lambda d: fmt.date(d, lang),
        num=fmt.number,
        thai_runs=lambda v: fmt.thai_runs(v, lang),
        phone=lambda n: fmt.phone(n, lang),
        dur=lambda d: fmt.duration(d, lang),
        url=wording.breakable_url,
        file_name=wording.breakable_file_name,
    )
    env.globals.update(
        lang=lang,
        ui=lambda key, **values: fmt.label(key, lang, **values),
        heading=lambda key: section_heading(key, lang),
        meaning=lambda level: level_meaning(level.value, lang),
        date_range=lambda a, b: fmt.date_range(a, b, lang),
        total_duration=lambda steps: fmt.total_duration((s.duration for s in steps), lang),
        agency_url=agency_url,
        poster_url=poster_url,
        complaint_services=province.complaint_services,
        kind_label=lambda kind: reference.kind_label(kind, lang),
        asset_path=asset_path,
        phone_href=phone_href,
        is_free=wording.is_free,
        names_no_fee=wording.names_no_fee,
        LEVELS=list(ParticipationLevel),
        MEASUREMENTS=list(Measurement),
        SECTION_KEYS=SECTION_KEYS,
    )

    def render(template: str, **context: Any) -> str:
        name = template if template.endswith(".j2") else f"{template}.html.j2"
        html = env.get_template(name).render(**context)
        return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"

    return render
