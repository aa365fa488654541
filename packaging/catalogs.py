#!/usr/bin/env python3
"""Extract, update, check and compile ReleaseWriter's gettext catalogs (Babel).

    python packaging/catalogs.py extract    # translations/<domain>.pot from the sources
    python packaging/catalogs.py update     # translations/<locale>/LC_MESSAGES/<domain>.po
    python packaging/catalogs.py check      # exit status 1 when anything is stale or missing
    python packaging/catalogs.py compile    # .mo next to each .po (never committed)

Several commands may be given at once (``extract update check``). ``update
--locale it`` starts a new language. Files are rewritten only when their
messages change, and locations carry no line numbers, so editing code that
moves a message up or down leaves the catalogs alone.

Two domains: ``release-labels`` (the words printed in a release, in the
release's language: ``label()``/``label_p()`` in ``releasewriter/render``) and
``releasewriter`` (the application's own words: the usual gettext keywords
anywhere in the package). See docs/translations.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import string
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent

PROJECT = "ReleaseWriter"
COPYRIGHT_HOLDER = "ReleaseWriter developers"
COMMENT_TAG = "TRANSLATORS:"
WIDTH = 76

# Every language the project keeps a catalog for. English is the source
# language of every msgid, so it has none: a locale without a catalog prints
# the msgid itself.
LOCALES = ("ar", "de", "es", "fr", "pt", "ru", "zh")
# The UN languages other than English: `check` fails when one of their
# catalogs lacks a translation or has a fuzzy one.
REQUIRED_LOCALES = ("ar", "es", "fr", "ru", "zh")


@dataclass(frozen=True)
class Domain:
    name: str
    source: str  # a folder, relative to the project root
    keywords: tuple[str, ...]  # GNU gettext style specs, as pybabel's --keyword
    description: str


DOMAINS = (
    Domain(
        "release-labels",
        "src/releasewriter/render",
        ("label", "label_p:1c,2"),
        "the words printed in a release, in the release's language",
    ),
    Domain(
        "releasewriter",
        "src/releasewriter",
        ("_", "gettext", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3", "N_"),
        "the application's own words",
    ),
)


def domain_named(name: str) -> Domain:
    for domain in DOMAINS:
        if domain.name == name:
            return domain
    raise KeyError(name)


# --------------------------------------------------------------------------- paths


def translations_dir(root: Path = ROOT) -> Path:
    return root / "translations"


def template_path(domain: Domain, root: Path = ROOT) -> Path:
    return translations_dir(root) / f"{domain.name}.pot"


def po_path(domain: Domain, locale: str, root: Path = ROOT) -> Path:
    return translations_dir(root) / locale / "LC_MESSAGES" / f"{domain.name}.po"


def locales(root: Path = ROOT) -> list[str]:
    """The declared languages and any other that has a catalog folder."""
    found = {p.parent.name for p in translations_dir(root).glob("*/LC_MESSAGES")}
    return sorted(set(LOCALES) | found)


def _version(root: Path) -> str:
    init = (root / "src" / "releasewriter" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', init, re.MULTILINE)
    return match.group(1) if match else "0"


# --------------------------------------------------------------------------- reading and writing


def _header_comment(domain: Domain) -> str:
    # Written out in full: Babel would put the current year in place of a
    # YEAR placeholder, and so change the file every January.
    return (
        f"# Translations template for {PROJECT}: the {domain.name} domain,\n"
        f"# {domain.description}.\n"
        f"# Copyright (C) {COPYRIGHT_HOLDER}\n"
        f"# This file is distributed under the same license as the {PROJECT} project.\n"
        "#"
    )


def _new_catalog(domain: Domain, root: Path, locale: str | None = None) -> Catalog:
    catalog = Catalog(
        locale=locale,
        domain=domain.name,
        header_comment=_header_comment(domain),
        project=PROJECT,
        version=_version(root),
        copyright_holder=COPYRIGHT_HOLDER,
        charset="utf-8",
        fuzzy=locale is None,
    )
    catalog.msgid_bugs_address = ""
    if locale is not None:
        catalog.language_team = Locale.parse(locale).english_name or locale
    return catalog


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=path.stem)


def _serialise(catalog: Catalog, *, template: bool) -> bytes:
    # In the catalog's own order: the order of extraction (files sorted by
    # path, messages by first appearance), which updated catalogs inherit.
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=WIDTH,
        include_lineno=False,
        ignore_obsolete=True,
        include_previous=not template,
    )
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


# --------------------------------------------------------------------------- comparing


def _forms(value: object) -> tuple[str, ...]:
    """A msgid or msgstr as its forms: one, or one per plural form."""
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value)
    return (str(value or ""),)


def _messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def _key(message: Message) -> tuple[object, ...]:
    return (message.context, message.id)


def _template_entries(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a template says, line numbers aside (they are not written)."""
    return [
        (
            m.context,
            m.id,
            tuple(sorted(dict.fromkeys(path for path, _ in m.locations))),
            tuple(sorted(m.flags)),
            # Written files wrap long comments over several lines; compare the words.
            " ".join(" ".join(m.auto_comments).split()),
        )
        for m in _messages(catalog)
    ]


def _po_entries(catalog: Catalog) -> list[tuple[object, ...]]:
    return [
        (*entry, m.string, m.previous_id, tuple(m.user_comments))
        for entry, m in zip(_template_entries(catalog), _messages(catalog), strict=True)
    ]


# --------------------------------------------------------------------------- extract


def extract(domain: Domain, root: Path = ROOT) -> Catalog:
    """A fresh template of the domain's messages from the sources as they are now."""
    catalog = _new_catalog(domain, root)
    source = root / domain.source
    if not source.is_dir():
        return catalog
    results = extract_from_dir(
        source,
        method_map=[("**.py", "python")],
        keywords=parse_keywords(domain.keywords),
        comment_tags=(COMMENT_TAG,),
    )
    for filename, lineno, message, comments, context in results:
        if not _forms(message)[0]:
            continue  # an empty msgid would clash with the header
        location = (source / filename).relative_to(root).as_posix()
        catalog.add(
            message,
            None,
            [(location, lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def template_is_current(domain: Domain, root: Path = ROOT) -> bool:
    path = template_path(domain, root)
    if not path.is_file():
        return False
    fresh = extract(domain, root)
    return _template_entries(fresh) == _template_entries(read_catalog(path))


def write_template(domain: Domain, root: Path = ROOT) -> bool:
    """Write the domain's .pot when its messages changed; True when it did."""
    if template_is_current(domain, root):
        return False
    catalog = extract(domain, root)
    catalog.creation_date = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    _write(template_path(domain, root), _serialise(catalog, template=True))
    return True


# --------------------------------------------------------------------------- update


def updated_catalog(domain: Domain, locale: str, root: Path = ROOT) -> Catalog:
    """The locale's catalog merged with the committed template, as `update` writes it."""
    template = read_catalog(template_path(domain, root))
    path = po_path(domain, locale, root)
    if path.is_file():
        catalog = read_catalog(path, locale)
    else:
        catalog = _new_catalog(domain, root, locale)
        catalog.creation_date = template.creation_date
    catalog.update(template, update_creation_date=False)
    return catalog


def po_is_current(domain: Domain, locale: str, root: Path = ROOT) -> bool:
    path = po_path(domain, locale, root)
    if not path.is_file() or not template_path(domain, root).is_file():
        return False
    current = read_catalog(path, locale)
    return _po_entries(updated_catalog(domain, locale, root)) == _po_entries(current)


def write_po_file(domain: Domain, locale: str, root: Path = ROOT) -> bool:
    """Bring the locale's .po in step with the template; True when it changed."""
    if po_is_current(domain, locale, root):
        return False
    catalog = updated_catalog(domain, locale, root)
    template = read_catalog(template_path(domain, root))
    catalog.creation_date = template.creation_date
    _write(po_path(domain, locale, root), _serialise(catalog, template=False))
    return True


# --------------------------------------------------------------------------- check


_FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a str.format pattern."""
    return {field for _, field, _, _ in _FORMATTER.parse(text) if field is not None}


def placeholder_problems(message: Message) -> list[str]:
    """How a translation's placeholders differ from its msgid's (empty when they agree).

    A plural form may leave out a placeholder (Arabic's "no characters" needs
    no count) but never add one; the last form, the general one, uses them all.
    """
    ids = _forms(message.id)
    strings = _forms(message.string)
    try:
        wanted = [placeholders(i) for i in ids]
    except ValueError:
        return []  # the msgid is no format pattern: its braces are literal
    problems = []
    for index, text in enumerate(strings):
        if not text:
            continue
        try:
            found = placeholders(text)
        except ValueError as error:
            problems.append(f"msgstr[{index}] is not a valid pattern ({error})")
            continue
        if len(ids) == 1:
            if found != wanted[0]:
                problems.append(f"placeholders {sorted(found)} instead of {sorted(wanted[0])}")
        elif not found <= wanted[0] | wanted[1]:
            problems.append(f"msgstr[{index}] has unknown placeholders {sorted(found)}")
        elif index == len(strings) - 1 and found != wanted[1]:
            problems.append(f"msgstr[{index}] must use {sorted(wanted[1])}")
    return problems


def _describe(message: Message) -> str:
    text = _forms(message.id)[0]
    return f"{text!r}" + (f" (context {message.context!r})" if message.context else "")


def _is_translated(message: Message) -> bool:
    return all(_forms(message.string))


def check(
    root: Path = ROOT,
    domains: Iterable[Domain] = DOMAINS,
    required: Sequence[str] = REQUIRED_LOCALES,
) -> list[str]:
    """Everything `check` complains about; an empty list when all is well."""
    problems: list[str] = []
    for domain in domains:
        pot = template_path(domain, root)
        pot_name = pot.relative_to(root).as_posix()
        if not pot.is_file():
            problems.append(f"{pot_name} is missing: run `extract`")
            continue
        if not template_is_current(domain, root):
            fresh = {_key(m): m for m in _messages(extract(domain, root))}
            committed = {_key(m): m for m in _messages(read_catalog(pot))}
            detail = "; ".join(
                [f"new {_describe(fresh[k])}" for k in fresh if k not in committed]
                + [f"gone {_describe(committed[k])}" for k in committed if k not in fresh]
            )
            problems.append(
                f"{pot_name} is out of date with the sources: run `extract`"
                + (f" ({detail})" if detail else "")
            )
        for locale in locales(root):
            path = po_path(domain, locale, root)
            name = path.relative_to(root).as_posix()
            if not path.is_file():
                problems.append(f"{name} is missing: run `update`")
                continue
            catalog = read_catalog(path, locale)
            if not po_is_current(domain, locale, root):
                problems.append(f"{name} is out of step with {pot_name}: run `update`")
            if catalog.fuzzy:
                problems.append(f"{name}: the header is marked fuzzy")
            for message in _messages(catalog):
                for problem in placeholder_problems(message):
                    problems.append(f"{name}: {_describe(message)}: {problem}")
                if locale not in required:
                    continue
                if message.fuzzy:
                    problems.append(f"{name}: fuzzy translation of {_describe(message)}")
                elif not _is_translated(message):
                    problems.append(f"{name}: no translation of {_describe(message)}")
            for message, errors in catalog.check():
                for error in errors:
                    problems.append(f"{name}: {_describe(message)}: {error}")
    return problems


# --------------------------------------------------------------------------- compile


def compile_catalogs(root: Path = ROOT, out: Path | None = None) -> list[Path]:
    """Compile every .po as the wheel's build hook does (fuzzy entries left out)."""
    written = []
    for po in sorted(translations_dir(root).glob("*/LC_MESSAGES/*.po")):
        locale = po.parent.parent.name
        catalog = read_catalog(po, locale)
        target = (
            po.with_suffix(".mo")
            if out is None
            else out / locale / "LC_MESSAGES" / po.with_suffix(".mo").name
        )
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        _write(target, buffer.getvalue())
        written.append(target)
    return written


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    parser = argparse.ArgumentParser(
        prog="catalogs.py", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "commands", nargs="+", choices=("extract", "update", "check", "compile"), metavar="COMMAND"
    )
    parser.add_argument(
        "--locale", action="append", default=[], help="update: also start a catalog for LOCALE"
    )
    parser.add_argument(
        "--domain",
        action="append",
        choices=[d.name for d in DOMAINS],
        help="only this domain (default: both)",
    )
    parser.add_argument("--out", type=Path, help="compile: write the .mo files under OUT")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for locale in args.locale:
        try:
            Locale.parse(locale)
        except (ValueError, UnknownLocaleError):
            parser.error(f"--locale {locale}: not a locale CLDR knows")
    root: Path = args.root.resolve()
    domains = [domain_named(n) for n in args.domain] if args.domain else list(DOMAINS)
    status = 0
    for command in args.commands:
        if command == "extract":
            for domain in domains:
                changed = write_template(domain, root)
                name = template_path(domain, root).relative_to(root).as_posix()
                print(f"{name}: {'updated' if changed else 'unchanged'}")
        elif command == "update":
            for domain in domains:
                if not template_path(domain, root).is_file():
                    write_template(domain, root)
                for locale in sorted(set(locales(root)) | set(args.locale)):
                    changed = write_po_file(domain, locale, root)
                    name = po_path(domain, locale, root).relative_to(root).as_posix()
                    print(f"{name}: {'updated' if changed else 'unchanged'}")
        elif command == "check":
            problems = check(root, domains)
            for problem in problems:
                print(problem)
            if problems:
                status = 1
            else:
                print("catalogs: all current and translated")
        else:
            for path in compile_catalogs(root, args.out):
                print(path)
    return status


if __name__ == "__main__":
    sys.exit(main())
