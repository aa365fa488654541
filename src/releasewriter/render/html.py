"""HTML from the rendered release: the export and the live preview share this path.

One strict jinja2 environment: autoescaping on (so text typed into any field
can never become markup), undefined names are errors, templates are package
data. The ``profile`` parameter picks the inline styles: ``email`` for the
export, ``preview`` for the subset of CSS that QTextBrowser understands.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

import jinja2

from releasewriter.i18n.locales import font_stack
from releasewriter.locations import cache_dir
from releasewriter.render.document import RenderedRelease
from releasewriter.resources import resource_path

Profile = Literal["email", "preview"]

# Left-to-right isolate and its closing pop. QTextBrowser ignores <bdi> and an
# inline dir="ltr", but its bidi algorithm honours these characters; around an
# address or a phone number in right-to-left text they keep its order.
LRI = "\u2066"
PDI = "\u2069"

# Emphasis dots sit under Chinese characters in horizontal text (CSS Text
# Decoration 3, and the W3C's Chinese layout requirements).
_DOTS = (
    "-webkit-text-emphasis:filled dot;text-emphasis:filled dot;"
    "-webkit-text-emphasis-position:under right;text-emphasis-position:under right;"
)
_EMPHASIS = {
    "italic": "",
    "bold": "font-style:normal;font-weight:bold;",
    "dots": "font-style:normal;" + _DOTS,
}


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs: compiling costs ~40 ms at every start."""
    folder = cache_dir("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.cache
def template_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("templates")),
        bytecode_cache=_bytecode_cache(),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html",), disabled_extensions=("txt",), default=True
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _fonts(locale: str) -> str:
    return ", ".join(f"'{name}'" for name in font_stack(locale)) + ", sans-serif"


def styles(rendered: RenderedRelease, profile: Profile = "email") -> dict[str, str]:
    """Inline style attributes per element; the preview drops what Qt cannot draw."""
    start = "right" if rendered.direction == "rtl" else "left"
    fonts = _fonts(rendered.locale)
    line_height = "1.7" if rendered.cjk or rendered.direction == "rtl" else "1.5"
    slant = "font-style:italic;" if rendered.emphasis == "italic" else ""
    css = {
        "body": f"margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:{fonts};",
        "page": f"max-width:44em;margin:0 auto;text-align:{start};line-height:{line_height};",
        "logo_row": "margin:0 0 16px 0;",
        "logo": "max-height:64px;max-width:240px;",
        "status": "margin:0 0 12px 0;font-size:0.85em;font-weight:bold;"
        "text-transform:uppercase;letter-spacing:0.05em;color:#444444;",
        "embargo": "margin:0 0 12px 0;padding:8px 12px;font-weight:bold;color:#8a1c1c;"
        "background:#fdecea;border:1px solid #e0a3a3;",
        "headline": "margin:0 0 8px 0;font-size:1.6em;line-height:1.25;color:#0b2e59;",
        "subheadline": f"margin:0 0 16px 0;font-size:1.15em;{slant}color:#333333;",
        "dateline": "font-weight:bold;",
        "paragraph": "margin:0 0 12px 0;",
        "quote": "margin:0 0 12px 0;",
        "end_mark": "margin:16px 0;text-align:center;font-weight:bold;",
        "heading": "margin:20px 0 6px 0;font-size:1.05em;color:#0b2e59;",
        "contact": "margin:0 0 10px 0;",
        "notes": "margin:0 0 12px 0;",
        "note": "margin:0 0 6px 0;",
        "boilerplate": "margin:0 0 10px 0;font-size:0.9em;color:#333333;",
        "link": "color:#0b5cad;",
        "emphasis": _EMPHASIS[rendered.emphasis],
    }
    if profile == "preview":
        # QTextBrowser ignores max-width on a div and has no letter-spacing or
        # text-transform worth the surprise; keep the page full width there.
        # Nor does it read text-align:right as CSS does: in a right-to-left
        # block it takes "right" to mean the end, and draws the text on the
        # left. Each block's dir="rtl" alone aligns it to the right.
        css["page"] = ""
        css["status"] = "margin:0 0 12px 0;font-weight:bold;color:#444444;"
        if rendered.emphasis == "dots":
            # Qt draws no emphasis dots; an underline is the nearest mark it has.
            css["emphasis"] = "font-style:normal;text-decoration:underline;"
    return css


def render_html(rendered: RenderedRelease, *, profile: Profile = "email") -> str:
    template = template_environment().get_template("release.html")
    rtl = rendered.direction == "rtl"
    return _render_freeing(
        template,
        {
            "r": rendered,
            "css": styles(rendered, profile),
            "lri": LRI if rtl else "",
            "pdi": PDI if rtl else "",
        },
    )


def _render_freeing(template: jinja2.Template, values: dict[str, Any]) -> str:
    """``template.render(**values)``, leaving no reference cycle behind.

    A template's macros and its context refer to each other, so each render
    left the whole rendered release (a megabyte at 20,000 words) to the cyclic
    collector, which runs rarely once the editor holds a long release: the
    preview's renders piled up by tens of megabytes while typing. Emptying
    the context's variables breaks the cycle; the rest goes by reference count.
    """
    context = template.new_context(values)
    try:
        return template.environment.concat(template.root_render_func(context))
    except Exception:
        template.environment.handle_exception()
    finally:
        context.vars.clear()
        context.exported_vars.clear()


def render_text(rendered: RenderedRelease) -> str:
    template = template_environment().get_template("release.txt")
    return template.render(r=rendered)
