"""One sitemap for both languages: every page, with its page in the other language as alternate;
and the robots.txt that tells search engines where it is."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import quoteattr

from generator.history import build_date


def page_urls(site_dir: Path) -> list[str]:
    """Thai page addresses relative to the site root, from the built site."""
    urls = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.split("/", 1)[0] in ("en", "search", "assets"):
            continue
        urls.append("" if relative == "." else relative + "/")
    return urls


def write_sitemap(site_dir: Path, site_url: str) -> None:
    """Replace MkDocs' Thai sitemap with one that pairs each page with its English page."""
    lastmod = build_date().isoformat()
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in page_urls(site_dir):
        pair = {"th": f"{site_url}{url}", "en": f"{site_url}en/{url}"}
        if not (site_dir / "en" / url / "index.html").exists():
            pair.pop("en")
        for location in pair.values():
            lines.append(f"  <url><loc>{location}</loc><lastmod>{lastmod}</lastmod>")
            lines += [
                f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(link)}/>'
                for other, link in pair.items()
            ]
            lines.append("  </url>")
    lines.append("</urlset>")
    text = "\n".join(lines) + "\n"
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")


def robots_txt(site_url: str) -> str:
    """Every page may be indexed, and the sitemap is named: a host without robots.txt answers 404."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
