"""Render stage: a validated Site -> the page bodies and files of one language of the site."""

from generator.render.pages import Page, Rendered, render_site
from generator.render.publish import Asset, Publication, publish_files

__all__ = ["Asset", "Page", "Publication", "Rendered", "publish_files", "render_site"]
