"""A paragraph that is a quotation and its attribution, and nothing else.

“…,” said X, Y. / X, Y, said: “…” / « … », a déclaré X, Y. / «…», dijo X /
«…», — заявила X, Y. / وقالت X، Y: «…» / X表示：“…” / “…”X表示。

The speaker is the name as written, with a title before it ("Dr Roger Kamba")
but not the article before the title ("Le Dr …", "el Dr. …"). The role is the
title as written, without an indefinite article ("a camp health volunteer" →
"camp health volunteer"); an age or a relative clause after the name ("12, who
lives in…", "وهي لاجئة…") is no role, nor is the scene set before the
speaker ("Speaking in Geneva, …"): these are kept in ``rest``, and the
recogniser keeps the whole line among the lines not placed besides.

Recognition is conservative: a paragraph becomes a quote field only when the
whole of it is one quotation plus an attribution naming someone; a quotation
with narrative around it stays a body paragraph, where no word of it can be
lost or misattributed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from releasewriter.model import SpeakerGender

OPENERS = '“"«„‘「『”‹'
CLOSERS = '”"»“’」』‹›'
_MARKS = frozenset(OPENERS + CLOSERS)
_PADDING = " \u00a0\u202f"

_U, _F, _M = SpeakerGender.UNSPECIFIED, SpeakerGender.FEMALE, SpeakerGender.MALE

# Attribution verbs, in the forms news writing uses, with the gender they show.
_NEUTRAL_VERBS = (
    # English
    "said", "says", "added", "adds", "explained", "explains", "noted", "notes", "stressed",
    "stresses", "emphasized", "emphasised", "underlined", "commented", "continued", "observed",
    "warned", "concluded", "highlighted", "remarked", "told reporters", "told journalists",
    "recalled", "recounted", "pointed out", "insisted", "affirmed", "underscored", "urged",
    # French
    "a déclaré", "déclare", "a dit", "dit", "a ajouté", "ajoute", "a souligné", "souligne",
    "a expliqué", "explique", "a indiqué", "indique", "a précisé", "précise", "a affirmé",
    "affirme", "a estimé", "estime", "a insisté", "insiste", "a rappelé", "rappelle", "a noté",
    "a conclu", "conclut", "a commenté", "commente", "poursuit", "a poursuivi", "a averti",
    "a raconté", "raconte", "témoigne", "a témoigné", "a relevé", "relève", "a martelé",
    "a lancé", "a assuré", "assure",
    # Spanish
    "dijo", "afirmó", "declaró", "señaló", "explicó", "añadió", "agregó", "subrayó", "destacó",
    "indicó", "aseguró", "comentó", "advirtió", "concluyó", "manifestó", "expresó", "afirma",
    "dice", "explica", "señala", "asegura", "subraya", "destaca", "relató", "precisó",
    "sostuvo", "recordó", "insistió", "apuntó", "añade", "agrega", "relata", "cuenta", "contó",
    # Portuguese
    "disse", "afirmou", "declarou", "explicou", "acrescentou", "destacou", "sublinhou",
    # German
    "sagte", "erklärte", "betonte", "sagt", "erklärt",
    # Russian, present tense (no gender)
    "говорит", "считает", "отмечает", "подчеркивает", "подчёркивает", "поясняет",
    # Arabic: "it came from the tongue of"
    "وجاء على لسان", "جاء على لسان",
    # Chinese
    "表示", "说", "指出", "强调", "称", "介绍", "认为", "补充说", "说道", "坦言", "补充道",
    "解释说", "呼吁",
)  # fmt: skip
_RUSSIAN_PAST = (
    "заявил", "сказал", "отметил", "подчеркнул", "добавил", "пояснил", "сообщил", "рассказал",
    "указал", "заметил", "констатировал", "резюмировал", "напомнил", "призвал", "уточнил",
    "признал", "объяснил",
)  # fmt: skip
_ARABIC_PAST = ("قال", "أضاف", "أكد", "صرح", "أوضح", "أشار", "ذكر", "تابع", "شدد", "لفت", "اعتبر")
# "according to X": only ever before the speaker, after the quotation.
_ACCORDING_TO = ("according to", "selon", "según", "segundo", "по словам", "so")
# "Pour X, role : « … »", "Para X, role: “…”": before the quotation only.
_FOR = ("pour", "para")
# A clause that sets the scene before the speaker, and is no part of the attribution:
# "Speaking in Geneva, X said: …", "De son côté, X a déclaré : …", "من جهته، قال X: …".
_LEAD_IN = re.compile(
    r"^(?:speaking\s[^,]{1,60}|in a statement|for (?:his|her|their) part|in (?:her|his) turn"
    r"|de son côté|de leur côté|pour sa part|por su parte|a su vez|en declaraciones[^,]{0,40}"
    r"|в свою очередь|со своей стороны|من جهته|من جهتها|بدوره|بدورها|من ناحيته|من ناحيتها"
    r"|对此|与此同时)\s*[,，،]\s*",
    re.IGNORECASE,
)
# What follows a name and is no role: an age, a relative clause ("12, who lives in…",
# "qui vit à…", "وهي لاجئة…"). It is in no field, so the line is also kept unplaced.
_NOT_A_ROLE = re.compile(
    r"^(?:\d|(?:who|whose|which|qui|dont|quien|quienes|que|cuya|cuyo|который|которая|которые"
    r"|чья|чей|وهو|وهي|الذي|التي|وهم)\b)"  # lower case: "WHO Representative" is a role
)
# The same clause after a role: "UNICEF Representative, who visited the site".
_CLAUSE = re.compile(r"[,،]\s*(?=(?:who|whose|which|qui|dont|quien|que|который|которая|وهو|وهي)\b)")
# "a camp health volunteer": the article is the sentence's grammar, not the title's.
# Lower case only: "UN Women representative" keeps its "UN".
_INDEFINITE = re.compile(r"^(?:an?|une?|una|uno|um|uma|eine?)\s+(?=\w)")
# Arabic title words a role starts with when it comes before the name, and the words
# that bind a name's parts ("عبد الناصر", "أبو بكر").
_ARABIC_TITLES = frozenset(
    str.split(
        "وزير وزيرة ممثل ممثلة مدير مديرة رئيس رئيسة منسق منسقة المتحدث المتحدثة الناطق"
        " الناطقة المدير المديرة الممثل الممثلة الأمين الأمينة السفير السفيرة المفوض"
        " المفوضة نائب نائبة مسؤول مسؤولة الدكتور الدكتورة"
    )
)
_ARABIC_NAME_LINKS = frozenset(str.split("عبد أبو أبي بن ابن بنت أم آل"))


@functools.cache
def _verbs() -> dict[str, SpeakerGender]:
    verbs = dict.fromkeys(_NEUTRAL_VERBS, _U)
    for verb in _RUSSIAN_PAST:
        verbs[verb] = _M
        verbs[verb + "а"] = _F
    for verb in _ARABIC_PAST:
        for conjunction in ("", "و"):
            verbs[conjunction + verb] = _M
            verbs[conjunction + verb + "ت"] = _F
    return verbs


def _alternation(words: Iterable[str]) -> str:
    # Longest first: "a déclaré" before "a dit", "заявила" before "заявил".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    verbs = _alternation(_verbs())
    # Chinese and Arabic join words without the spaces \b relies on.
    verb_first = re.compile(
        rf"^(?P<verb>{verbs}|{_alternation((*_ACCORDING_TO, *_FOR))})"
        r"(?:\s+|(?=[\u4e00-\u9fff]))(?P<who>.+)$",
        re.IGNORECASE,
    )
    verb_last = re.compile(rf"^(?P<who>.+?)[\s,，،]*(?<![\w])(?P<verb>{verbs})$", re.IGNORECASE)
    verb_last_cjk = re.compile(rf"^(?P<who>[^\s].*?)(?P<verb>{verbs})$")
    return verb_first, verb_last, verb_last_cjk


# Titles a Chinese role ends with: "{role}{speaker}表示" has no comma between them.
_CHINESE_TITLES = (
    "主任", "总干事", "副总干事", "代表", "负责人", "官员", "协调员", "部长", "主席", "发言人",
    "专员", "经理", "顾问", "大使", "司长", "局长", "处长", "秘书长", "团长", "医生", "博士",
    "教授", "主管", "干事", "助理", "院长", "专家", "署长",
)  # fmt: skip
_CHINESE_TITLE = re.compile(rf"^(?P<role>.*(?:{'|'.join(_CHINESE_TITLES)}))(?P<name>.+)$")
_SPLIT = re.compile(r"\s*[,，،]\s*")
_NAME_PARTICLES = frozenset(str.split("van von de da del der di du la le al bin ibn el dos das"))
_HAN = re.compile(r"[\u4e00-\u9fff]")
# "el Dr. Tedros", "la Dra. López", "le Dr Martin": the article is no part of the name.
_ARTICLE = re.compile(
    r"^(?:(?:el|la|le|the)\s+(?=\S*[A-ZÀ-Ý])"
    r"|(?:El|La|Le|The)\s+(?=(?:Dr|Dre|Dra|Pr|Pre|Prof|Mgr|Sr|Sra|Mme|Mlle|Me|M)\.?\s))"
)
_ROLE_WORDS = 25


@dataclass(frozen=True)
class ParsedQuote:
    text: str
    speaker: str
    role: str
    gender: SpeakerGender
    # The attribution's own words as written ("a déclaré", "заявила", "declaró el"):
    # the export writes its own.
    verb: str = ""
    # Words of the attribution in no field ("12, who lives in…"): the line is kept
    # unplaced besides, so that nothing is lost.
    rest: str = ""


def _is_cased(text: str) -> bool:
    return any(c.isalpha() and c.upper() != c.lower() for c in text)


# Pronouns of languages without capitals ("她说：“…”"): the speaker was named before.
_PRONOUNS = frozenset({"他", "她", "他们", "她们", "我们", "它", "هو", "هي"})


def _looks_like_person(name: str) -> bool:
    if name in _PRONOUNS:
        return False
    if not name or len(name) > 60 or any(c.isdigit() for c in name):
        return False
    if re.search(r"[.!?;:«»“”\"]", name.replace(".", "", 2) if len(name) > 4 else name):
        return False
    words = name.replace("-", " ").split()
    if not words or len(words) > 6:
        return False
    if not _is_cased(name):
        return True
    # An acronym or a possessive among the words is an organisation's title, not a
    # name: "UNHCR’s Special Envoy" (a name in capitals is all capitals).
    acronyms = [w for w in words if len(w) > 1 and w.isupper()]
    if (acronyms and len(acronyms) < len(words)) or re.search(r"\w['’]s\b", name):
        return False
    # Mr. and Dr. are written before names; initials ("J. Smith") carry a full stop.
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _title_then_name(who: str) -> tuple[str, str] | None:
    """Role and name when the role comes first with no comma ("заявил Верховный комиссар
    ООН по делам беженцев Филиппо Гранди", "قال وزير الصحة العامة فراس الأبيض")."""
    words = who.split()
    if len(words) < 3:
        return None
    if not _is_cased(who):
        titled = words[0] in _ARABIC_TITLES or words[0].removeprefix("و") in _ARABIC_TITLES
        if not titled or len(words) < 4:
            return None
        # The name is the last two words, with the words that bind its parts.
        first = len(words) - 2
        if first > 1 and words[first] in _ARABIC_NAME_LINKS:
            first -= 1  # a given name before "أبو بكر"
        if first > 1 and words[first - 1] in _ARABIC_NAME_LINKS:
            first -= 1  # "عبد الناصر"
        return " ".join(words[:first]), " ".join(words[first:])
    # The name is the two capitalised words at the end, given name and surname (an acronym
    # is the role's: "ВПП ООН"; a third capitalised word is more often the role's place,
    # "глава миссии в Киргизии Сергей Петров", than a middle name).
    first = len(words)
    while first > 0 and len(words) - first < 2:
        word = words[first - 1]
        if not (word[:1].isupper() and any(c.islower() for c in word)):
            break
        first -= 1
    # The role has a word in lower case or an acronym: "Mary Jane Doe" is one name.
    role_like = any(w[:1].islower() or (len(w) > 1 and w.isupper()) for w in words[:first])
    if len(words) - first < 2 or first == 0 or not role_like:
        return None
    return " ".join(words[:first]), " ".join(words[first:])


def _clean_role(role: str) -> tuple[str, str]:
    """The role, and what follows the name that is no role (kept apart, never lost)."""
    role = role.rstrip(" .。,，،")
    if _NOT_A_ROLE.match(role):
        return "", role
    clause = _CLAUSE.search(role)
    if clause:
        role, rest = role[: clause.start()], role[clause.end() :]
        return _INDEFINITE.sub("", role), rest
    return _INDEFINITE.sub("", role), ""


def _speaker_and_role(who: str) -> tuple[str, str, str, str] | None:
    """Speaker, role, the article before the name ("el Dr. Tedros"), if any, and words
    that are neither."""
    who = who.strip(" ,，،.。:：")
    parts = _SPLIT.split(who, maxsplit=1)
    speaker, role = parts[0], parts[1] if len(parts) > 1 else ""
    if len(parts) == 1 and _HAN.search(who) and (titled := _CHINESE_TITLE.match(who)):
        speaker, role = titled.group("name"), titled.group("role")
    article = _ARTICLE.match(speaker)
    speaker = speaker[article.end() :] if article else speaker
    if len(parts) == 1 and (title_first := _title_then_name(who)):
        role, speaker = title_first
        article = None
    if not _looks_like_person(speaker):
        # "said UNHCR’s Special Envoy, Vincent Cochetel": the role first, the name last.
        role_first, _, name = who.rpartition(",")
        if not role_first or not _looks_like_person(name.strip()):
            return None
        # The article stays with the title it belongs to: "la Directrice générale".
        speaker, role, article = name.strip(), role_first.strip(), None
    role, rest = _clean_role(role)
    if len(role.split()) > _ROLE_WORDS:
        return None
    return speaker, role, article.group().strip() if article else "", rest


def _attribution(text: str, *, before: bool) -> tuple[str, str, SpeakerGender, str, str] | None:
    """Speaker, role, gender, the verb as written and words in no field, or None."""
    colon = text.rstrip(_PADDING).endswith((":", "："))
    text = text.strip(" ,，،.。:：—–-\u00a0\u202f")
    scene = ""
    if before and (lead := _LEAD_IN.match(text)):
        text, scene = text[lead.end() :], lead.group().strip(" ,，،")
    if not text or len(text.split()) > 30 or _has_mark(text):
        return None
    verb_first, verb_last, verb_last_cjk = _patterns()
    verbs = _verbs()
    for pattern in (verb_first, verb_last, verb_last_cjk):
        match = pattern.match(text)
        if match is None:
            continue
        verb = match.group("verb").lower()
        # "Según X, role: “…”", "Pour X, role : « … »": before the quotation, with a colon.
        lead_word = verb in _ACCORDING_TO or verb in _FOR
        if pattern is verb_first and lead_word and before and not colon:
            continue
        if pattern is verb_first and verb in _FOR and not before:
            continue
        if pattern is verb_last_cjk and not _HAN.search(text):
            continue
        found = _speaker_and_role(match.group("who"))
        if found is not None:
            speaker, role, article, rest = found
            words = " ".join(w for w in (match.group("verb"), article) if w)
            # The scene is in no field either: "Speaking in Geneva" is kept with the line.
            rest = ", ".join(part for part in (scene, rest) if part)
            return speaker, role, verbs.get(verb, _U), words, rest
    return None


def _is_mark(text: str, index: int) -> bool:
    """A quotation mark, not the apostrophe of "l’OIM" or "IOM’s" (the same character)."""
    char = text[index]
    if char not in _MARKS:
        return False
    if char in "‘’'":
        left = text[index - 1] if index > 0 else " "
        right = text[index + 1] if index + 1 < len(text) else " "
        return not (left.isalpha() and right.isalpha())
    return True


def _has_mark(text: str) -> bool:
    return any(_is_mark(text, i) for i in range(len(text)))


def _clean(quote: str) -> str:
    # “…,” said: English puts the attribution's comma inside the marks.
    return quote.strip(_PADDING).rstrip(",，").strip(_PADDING)


def parse_quote(plain: str) -> ParsedQuote | None:
    """The quotation and its attribution, when ``plain`` is nothing but these."""
    text = plain.strip()
    if len(text) < 4:
        return None
    if text[0] in OPENERS:
        # The quotation runs to the last closing mark; after it, the attribution.
        close = next(
            (i for i in range(len(text) - 1, 0, -1) if text[i] in CLOSERS and _is_mark(text, i)),
            -1,
        )
        if close > 0:
            found = _attribution(text[close + 1 :], before=False)
            if found is not None:
                return ParsedQuote(_clean(text[1:close]), *found)
    end = text.rstrip(" .。")
    opening = next((i for i, c in enumerate(text) if c in OPENERS and _is_mark(text, i)), -1)
    if opening > 0 and end and end[-1] in CLOSERS and len(end) - 1 > opening:
        lead = text[:opening].rstrip(_PADDING)
        if lead.endswith((":", "：", ",", "，", "،")):
            found = _attribution(lead, before=True)
            if found is not None:
                return ParsedQuote(_clean(end[opening + 1 : -1]), *found)
    return None
