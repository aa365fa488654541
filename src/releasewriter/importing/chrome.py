"""A web page's furniture around the release: menus, sharing buttons, cookie banners.

Text copied from a browser brings the page's navigation along. What gives it
away: the reader flagged it (``SourceBlock.chrome``), it is a stock phrase
("Share this", "Cookies", "Articles connexes"), or a menu's tell-tale
repetition ("Structure" twice, or "Qui sommes nous" and then "Qui sommes
nousL'Organisation…", a menu entry and its teaser run together). Lines
before the headline are left out by the recogniser itself, which knows
where the headline is.
"""

from __future__ import annotations

import functools
import itertools
import re

from releasewriter.i18n.countries import fold
from releasewriter.importing.blocks import SourceBlock

# Lines of a web page around the article: navigation, sharing, cookie banners.
_CHROME_LINES = (
    "share", "share this", "share this page", "share this article", "share on facebook",
    "share on twitter", "facebook", "twitter", "x", "linkedin", "whatsapp", "print", "email",
    "related", "related news", "related content", "related stories", "read more", "more news",
    "back to top", "skip to main content", "skip to content", "menu", "search", "home",
    "news", "press releases", "news and stories", "subscribe", "sign up", "donate",
    "cookies", "accept", "accept all", "accept all cookies", "reject", "privacy policy",
    "terms of use", "contact us", "partager", "partager cette page", "imprimer",
    "articles connexes", "contenus associés", "en savoir plus", "accueil", "actualités",
    "communiqués de presse", "rechercher", "s’abonner", "faire un don", "accepter",
    "tout accepter", "refuser", "politique de confidentialité", "mentions légales",
    "compartir", "imprimir", "noticias relacionadas", "inicio", "buscar", "noticias",
    "comunicados de prensa", "suscribirse", "aceptar", "política de privacidad", "donar",
    "поделиться", "печать", "главная", "новости", "поиск", "похожие материалы",
    "пресс-релизы", "подписаться", "принять", "политика конфиденциальности",
    "مشاركة", "شارك", "طباعة", "الرئيسية", "أخبار ذات صلة", "بحث", "الأخبار", "بيانات صحفية",
    "قبول", "سياسة الخصوصية", "اشترك", "分享", "打印", "首页", "相关新闻", "搜索", "新闻",
    "新闻稿", "接受", "隐私政策", "订阅",
)  # fmt: skip
_CHROME_STARTS = (
    "this website uses cookies", "this site uses cookies", "we use cookies",
    "ce site utilise des cookies", "nous utilisons des cookies", "este sitio utiliza cookies",
    "este sitio web utiliza cookies", "utilizamos cookies", "мы используем файлы cookie",
    "этот сайт использует", "يستخدم هذا الموقع", "本网站使用", "©", "copyright", "share this:",
    "related:", "tags:", "partager :", "compartir:", "поделиться:", "skip to",
)  # fmt: skip


_CHROME_LENGTH = 400


def _key(text: str) -> str:
    return fold(text.strip().rstrip(":：").strip())


@functools.cache
def _chrome_lines() -> frozenset[str]:
    return frozenset(_key(line) for line in _CHROME_LINES)


def is_chrome_line(plain: str) -> bool:
    """A line of a web page's own furniture: sharing, navigation, a cookie banner."""
    if len(plain) > _CHROME_LENGTH:
        return False
    key = _key(plain)
    if key in _chrome_lines():
        return True
    if any(key.startswith(_key(start)) for start in _CHROME_STARTS):
        return True
    return _breadcrumbs(plain) or ("cookie" in key and len(key.split()) <= 40)


_CRUMB = re.compile(r"\s+[>»›→]\s+|\s*[>»›]\s*(?=[\u4e00-\u9fff])")
_SLASH = re.compile(r"\s+[/|]\s+")
_CRUMB_WORDS = 6


def _breadcrumbs(plain: str) -> bool:
    """A page's trail: "Accueil > Communiqués de presse", "首页 > 新闻稿", "Inicio » Noticias",
    short items between arrows; between slashes only when it starts at the home page."""
    if "«" in plain or "‹" in plain:
        return False  # "« Nous restons » : …" closes a quotation
    items = _CRUMB.split(plain.strip())
    if len(items) < 2:
        items = _SLASH.split(plain.strip())
        if len(items) < 2 or _key(items[0]) not in _chrome_lines():
            return False
    return all(item and len(item.split()) <= _CRUMB_WORDS for item in items) and not any(
        item.endswith((".", "。", "!", "?")) for item in items
    )


# A menu entry is a few words; a teaser starting with one is longer.
_MENU_WORDS = 6


def _menu_pair(first: str, second: str) -> bool:
    """Two lines a menu makes: the same entry twice, or an entry and its teaser."""
    if not first or len(first.split()) > _MENU_WORDS:
        return False
    if first == second:
        return True
    # The teaser is glued to the entry: "Notre travailEn tant que…".
    return second.startswith(first) and len(second) > len(first) and second[len(first)].isupper()


def chrome_blocks(blocks: list[SourceBlock]) -> set[int]:
    """The indices of the blocks that belong to the page around the release."""
    found: set[int] = set()
    lines = [(i, b.plain.strip()) for i, b in enumerate(blocks) if b.plain.strip()]
    for index, block in enumerate(blocks):
        if block.chrome or (block.plain.strip() and is_chrome_line(block.plain)):
            found.add(index)
    for (first_index, first), (second_index, second) in itertools.pairwise(lines):
        if _menu_pair(first, second):
            found.update((first_index, second_index))
    return found
