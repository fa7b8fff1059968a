"""The one thin layer between the generator and MkDocs: it hands rendered pages to a build.

Everything else (loading, validating, rendering) is plain functions that know nothing of
MkDocs. The Thai build also builds the English site into ``<site_dir>/en``, in a second
process on the second core, so ``mkdocs build`` and ``mkdocs serve`` both produce the whole
bilingual site. Generated pages are HTML already: MkDocs puts them in the theme's page
without parsing them as Markdown, and search indexes the entries the generator gives.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from generator import csp, minify
from generator.history import build_date, last_changed
from generator.problems import Problem
from generator.render import Page, Publication, Rendered, publish_files, render_site
from generator.render import format as fmt
from generator.render.pages import REFERENCE_PAGE, Owner
from generator.render.province import PROVINCE_PAGES
from generator.render.ui import ui
from generator.render.wordbreak import keep_words
from generator.search_index import SearchPage, write_index
from generator.sitemap import write_sitemap
from generator.submissions import Site
from generator.validate import SLUG, validate_content

log = logging.getLogger("mkdocs.plugins.category3")
NAV_PAGES = {
    "index.md",
    "agencies/index.md",
    REFERENCE_PAGE,
    *(f"{name}/index.md" for name in PROVINCE_PAGES),
}
SERVING = "C3_SERVING"  # set while `mkdocs serve` runs, for the English build it forks
_cache: dict[tuple[Any, ...], tuple[Site, list[Problem]]] = {}
_published: list[tuple[Site, Path, Publication]] = []


class Category3Config(Config):
    content = c.Type(str, default="content/agencies")
    # One agency's folder name: `make preview AGENCY=<slug>` builds only that agency, in a second.
    agency = c.Type(str, default="")
    lang = c.Choice(("th", "en"), default="th")
    alternate_config = c.Optional(c.Type(str))
    cache = c.Type(str, default=".cache")
    # The menu group of pages for agencies and staff, by its title: search ranks them last.
    staff_section = c.Type(str, default="")


class Category3Plugin(BasePlugin[Category3Config]):
    """Adds every generated page and submitted file of one language to the build."""

    def __init__(self) -> None:
        super().__init__()
        self._generated: dict[str, Page] = {}
        self._other_language: BaseProcess | None = None
        self._serving = False
        self._staff: set[str] = set()
        self._updated = build_date()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """`mkdocs serve` injects its live-reload script into every page it serves; the English
        build, a fork of the Thai one, learns from the environment that it is being served."""
        if command == "serve":
            os.environ[SERVING] = "1"
        self._serving = os.environ.get(SERVING) == "1"

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        content = self._path(config, self.config.content)
        started = time.perf_counter()
        if self.config.agency:
            agency_folder(content, self.config.agency)
        site = load_checked(content, self.config.agency)
        cache = self._path(config, self.config.cache) / "images"
        publication = published(site, cache)
        checked = time.perf_counter()
        if self.config.alternate_config:
            self._other_language = _start_build(
                self._path(config, self.config.alternate_config), Path(config.site_dir) / "en"
            )
        thai_url = (
            (config.site_url or "").removesuffix("en/") if self.config.lang == "en" else config.site_url or ""
        )
        changed = last_changed(content)
        self._updated = max(changed.values(), default=build_date())
        owner = site_owner(config, self.config.lang)
        rendered = render_site(site, self.config.lang, cache, thai_url, changed, publication, owner)
        self._generated = {page.path: page for page in rendered.pages}
        log.info(
            "category3 %s: %d agencies checked, files published in %.2f s; %d pages rendered in %.2f s",
            self.config.lang,
            len(site.agencies),
            checked - started,
            len(rendered.pages),
            time.perf_counter() - checked,
        )
        for file in to_files(rendered, config):
            if file.src_uri in files.src_uris:
                files.remove(files.src_uris[file.src_uri])
            files.append(file)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._staff = staff_urls(nav, self.config.staff_section)
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's footer and 404 page speak with the generator's labels and dates."""
        lang = self.config.lang
        env.globals["c3_label"] = ui
        env.globals["c3_updated"] = {"iso": self._updated.isoformat(), "text": fmt.date(self._updated, lang)}
        return env

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> None:
        """`make serve` rebuilds when a file of the content this config reads changes."""
        server.watch(str(self._path(config, self.config.content)))

    def on_page_read_source(self, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        return "" if page.file.src_uri in self._generated else None

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        if generated := self._generated.get(page.file.src_uri):
            # MkDocs' templates print titles unescaped (<title>, the header, the nav): an agency's
            # words reach the theme escaped here, once.
            page.meta = {"title": str(escape(generated.title)), "hide": list(generated.hide)}
            if generated.search is not None:  # the generator's own entries replace the page's text
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated.get(page.file.src_uri)
        if generated and generated.toc:  # Material lists these beside the text on wide screens
            page.toc = get_toc(
                [
                    {"level": 2, "id": anchor, "name": str(escape(title)), "children": []}
                    for anchor, title in generated.toc
                ]
            )
        return generated.body if generated else html

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        return checked_page(output, page.url, page.file.src_uri, config, self._serving)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return checked_page(output_content, "", template_name, config, self._serving)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.lang == "th":  # the site's root, where hosts look for them
            (Path(config.site_dir) / "_headers").write_text(csp.headers_file(), encoding="utf-8")
            (Path(config.site_dir) / ".htaccess").write_text(csp.htaccess_file(), encoding="utf-8")
        if config.theme.custom_dir:
            minify.assets(Path(config.theme.custom_dir), Path(config.site_dir))
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():  # written by the search plugin, listed before this one
            write_index(index.parent, search_pages(self._generated.values(), self._staff), self._staff)
        self._generated = {}
        if self._other_language:
            self._other_language.join()
            if self._other_language.exitcode != 0:
                raise PluginError(
                    "ไม่ได้สร้างเว็บไซต์ภาษาอังกฤษ ดูข้อผิดพลาดด้านบน / "
                    "the English site was not built: see the error above"
                )
            self._other_language = None
            if config.site_url:
                write_sitemap(Path(config.site_dir), config.site_url)

    def on_build_error(self, *, error: Exception) -> None:
        if self._other_language:
            self._other_language.kill()
            self._other_language.join()
            self._other_language = None

    @staticmethod
    def _path(config: MkDocsConfig, path: str) -> Path:
        return Path(os.path.dirname(config.config_file_path or ".")) / path


def checked_page(html: str, url: str, source: str, config: MkDocsConfig, serving: bool = False) -> str:
    """A built page with the site's policy and its Thai words kept whole on a line (body and
    theme alike); a page holding a script or a frame that is not the theme's own stops the build,
    whatever put it there. Served by `mkdocs serve`, the policy admits the live-reload script the
    server adds after this check."""
    html = minify.page(keep_words(html))
    scripts = csp.allowed_scripts(str(path) for path in config.extra_javascript)
    root = urlsplit(config.site_url or "/").path or "/"
    found = csp.unexpected_tags(html, url.lstrip("/"), scripts, root)
    if found:
        raise PluginError(
            f"{source}: หน้านี้มีสคริปต์หรือแท็กที่เว็บไซต์ไม่อนุญาต {found[0][:200]} ไม่ได้เผยแพร่ "
            f"ให้ตรวจข้อความที่ส่งมา / this page holds a script or tag the site does not allow, "
            f"{found[0][:200]}; it was not published: check what was submitted"
        )
    return csp.add_policy(html, serving)


def site_owner(config: MkDocsConfig, lang: str) -> Owner:
    """``extra.owner`` of mkdocs.yml (the English config inherits it) in ``lang``."""
    owner = config.extra.get("owner") or {}
    return Owner(**{key: str((owner.get(key) or {}).get(lang, "")) for key in ("province", "office")})


def staff_urls(nav: Navigation, title: str) -> set[str]:
    """The pages of the menu group titled ``title``; a title the menu lacks stops the build."""
    if not title:
        return set()
    found = [item for item in nav.items if isinstance(item, Section) and item.title == title]
    if not found:
        raise PluginError(
            f"ไม่พบกลุ่มเมนู {title!r} ที่ตั้งไว้ใน staff_section / no menu group {title!r}, named in staff_section"
        )
    pages: list[Any] = list(found[0].children)
    urls = set()
    while pages:
        item = pages.pop()
        if isinstance(item, Section):
            pages += item.children
        elif isinstance(item, MkDocsPage):
            urls.add(item.url)
    return urls


def _start_build(config_file: Path, site_dir: Path) -> BaseProcess:
    """The other language's build, started in a copy of this process, which has the content
    validated already. Its errors are logged like this build's; its exit code tells the rest."""
    process = multiprocessing.get_context("fork").Process(
        target=_build_or_exit, args=(config_file, site_dir), name="category3-en"
    )
    process.start()
    return process


def _build_or_exit(config_file: Path, site_dir: Path) -> None:
    try:
        build_config(config_file, site_dir)
    except Exception as error:  # MkDocs logged where; the parent reports that it failed
        log.error(str(error))
        raise SystemExit(1) from None


def search_pages(pages: Iterable[Page], staff: set[str]) -> list[SearchPage]:
    """What search finds on the generated pages: their entries, as plain text (the search
    worker escapes what it shows)."""
    return [
        SearchPage(
            page.url,
            page.title,
            tuple((entry.anchor, entry.title, entry.text) for entry in page.search),
            staff=page.url in staff,
        )
        for page in pages
        if page.search
    ]


def agency_folder(content: Path, slug: str) -> Path:
    """The one agency a preview shows; a name that is not a folder there stops the build."""
    folder = content / slug
    if not SLUG.fullmatch(slug) or not folder.is_dir():
        raise PluginError(
            f"ไม่พบโฟลเดอร์หน่วยงาน {folder} ให้ตั้ง AGENCY เป็นชื่อโฟลเดอร์ใน {content} / "
            f"no agency folder {folder}: set AGENCY to the name of a folder in {content}"
        )
    return folder


def load_checked(content: Path, agency: str = "") -> Site:
    """Validated content, for the build; its errors stop the build, its warnings are logged."""
    site, problems = checked(content, agency)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            log.info(problem.format())
    if errors:
        raise PluginError("\n".join(p.format() for p in errors))
    return site


def checked(content: Path, agency: str = "") -> tuple[Site, list[Problem]]:
    """``validate_content(content, agency)``: ``content`` is the content root, never guessed.

    Read again only when a file under ``content`` changed, so ``make build`` (which validates
    before it builds), both languages and each rebuild of ``make serve`` read the content once.
    """
    key = (agency, *_fingerprint(content))
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate_content(content, agency)
    return _cache[key]


def published(site: Site, cache: Path) -> Publication:
    """The submitted files of ``site``, published once: the English build (a fork of the Thai
    one) and the rebuilds of `make serve` with unchanged content reuse them."""
    for known_site, known_cache, publication in _published:
        if known_site is site and known_cache == cache:
            return publication
    publication = publish_files(site, cache)
    _published[:] = [(site, cache, publication)]
    return publication


def _fingerprint(content: Path) -> tuple[Any, ...]:
    """Every entry under ``content`` by absolute path, kind, time and size: the same folder named
    relatively (``make build``) or from the config's folder (the plugin) has one key. Looked at
    with lstat, so a link is never followed and replacing it with its file changes the key."""
    content = content.resolve()
    stats = []
    for path in sorted(content.rglob("*")):
        stat = path.lstat()
        stats.append((str(path), stat.st_mode, stat.st_mtime_ns, stat.st_size))
    return (str(content), tuple(stats))


def to_files(rendered: Rendered, config: MkDocsConfig) -> list[File]:
    """Generated pages become documentation files (their bodies are handed over as they are
    built); submitted files and downloads are copied as they are."""
    files = []
    for page in rendered.pages:
        inclusion = InclusionLevel.INCLUDED if page.path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.path, content="", inclusion=inclusion))
    for asset in rendered.assets:
        files.append(File.generated(config, asset.path, abs_src_path=str(asset.source.resolve())))
    for download in rendered.downloads:
        files.append(File.generated(config, download.path, content=download.content))
    return files


def build_config(config_file: Path, site_dir: Path) -> None:
    """Build one language's site as ``mkdocs build`` would."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
