"""The one thin layer between the generator and MkDocs: it hands rendered pages to a build.

Everything else (loading, validating, rendering) is plain functions that know nothing of
MkDocs. The Thai build also builds the English site into ``<site_dir>/en`` afterwards, so
``mkdocs build`` and ``mkdocs serve`` both produce the whole bilingual site.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.csp import add_policy
from generator.history import last_changed
from generator.problems import Problem
from generator.render import Rendered, render_site
from generator.render.pages import REFERENCE_PAGE
from generator.render.province import PROVINCE_PAGES
from generator.search import segment_index_file
from generator.sitemap import write_sitemap
from generator.submissions import Site
from generator.validate import validate_paths

log = logging.getLogger("mkdocs.plugins.category3")
NAV_PAGES = {
    "index.md",
    "agencies/index.md",
    REFERENCE_PAGE,
    *(f"{name}/index.md" for name in PROVINCE_PAGES),
}
_cache: dict[tuple[Any, ...], tuple[Site, list[Problem]]] = {}


class Category3Config(Config):
    content = c.Type(str, default="content/agencies")
    lang = c.Choice(("th", "en"), default="th")
    alternate_config = c.Optional(c.Type(str))
    cache = c.Type(str, default=".cache")


class Category3Plugin(BasePlugin[Category3Config]):
    """Adds every generated page and submitted file of one language to the build."""

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        content = self._path(config, self.config.content)
        site = load_checked(content)
        cache = self._path(config, self.config.cache) / "images"
        thai_url = (
            (config.site_url or "").removesuffix("en/") if self.config.lang == "en" else config.site_url or ""
        )
        rendered = render_site(site, self.config.lang, cache, thai_url, last_changed(content))
        for file in to_files(rendered, config):
            if file.src_uri in files.src_uris:
                files.remove(files.src_uris[file.src_uri])
            files.append(file)
        return files

    def on_post_page(self, output: str, /, *, page: object, config: MkDocsConfig) -> str:
        return add_policy(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return add_policy(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():  # written by the search plugin, listed before this one
            segment_index_file(index)
        if self.config.alternate_config:
            other = self._path(config, self.config.alternate_config)
            build_config(other, Path(config.site_dir) / "en")
            if config.site_url:
                write_sitemap(Path(config.site_dir), config.site_url)

    @staticmethod
    def _path(config: MkDocsConfig, path: str) -> Path:
        return Path(os.path.dirname(config.config_file_path or ".")) / path


def load_checked(content: Path) -> Site:
    """Validated content, read again only when a file under ``content`` changed."""
    key = _fingerprint(content)
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate_paths([content])
    site, problems = _cache[key]
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            log.info(problem.format())
    if errors:
        raise PluginError("\n".join(p.format() for p in errors))
    return site


def _fingerprint(content: Path) -> tuple[Any, ...]:
    stats = []
    for path in sorted(content.rglob("*")):
        if path.is_file():
            stat = path.stat()
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return (str(content.resolve()), tuple(stats))


def to_files(rendered: Rendered, config: MkDocsConfig) -> list[File]:
    """Generated pages become Markdown files whose body is the rendered HTML."""
    files = []
    for page in rendered.pages:
        meta: dict[str, Any] = {"title": page.title}
        if page.hide:
            meta["hide"] = list(page.hide)
        if not page.searchable:
            meta["search"] = {"exclude": True}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        inclusion = InclusionLevel.INCLUDED if page.path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
        files.append(
            File.generated(config, page.path, content=f"---\n{front}---\n\n{page.body}", inclusion=inclusion)
        )
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
