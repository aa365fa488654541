"""From a release to what a reader sees: labels, locale rules, HTML and text."""

from releasewriter.render.document import RenderedRelease, render_release
from releasewriter.render.html import render_html, render_text

__all__ = ["RenderedRelease", "render_html", "render_release", "render_text"]
