"""Render stage: a validated Site -> the page bodies and files of one language of the site."""

from generator.render.pages import Asset, Page, Rendered, render_site

__all__ = ["Asset", "Page", "Rendered", "render_site"]
