"""resources/cldr/: the bundled extract of babel's CLDR data says what babel says."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Mapping
from pathlib import Path

import babel
import pytest
from babel import Locale, localedata
from babel.core import get_global
from babel.dates import format_date, format_time
from babel.numbers import get_decimal_symbol, get_group_symbol

from releasewriter.i18n import cldr
from releasewriter.i18n.locales import parse_locale, script_of, word_language_tag
from releasewriter.render.dates import country_name, long_date, wall_clock_moment

REGENERATE = "run `python -m releasewriter.i18n.cldr` to write it again from this babel"


def _plain(value: object) -> object:
    """Babel's data with its pattern and alias objects (which have no ==) as their fields."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, *(_plain(item) for item in value)]
    if hasattr(value, "__dict__"):
        return [type(value).__name__, _plain(vars(value))]
    return value


def _stored(path: Path) -> dict[str, object]:
    with path.open("rb") as stream:
        stored = pickle.load(stream)
    assert stored["babel"] == babel.__version__, REGENERATE
    data: dict[str, object] = stored["data"]
    return data


@pytest.mark.parametrize("identifier", cldr.identifiers())
def test_each_locale_of_the_extract_holds_babels_data_for_its_keys(identifier: str) -> None:
    stored = _stored(cldr._folder() / f"{identifier}.pickle")
    assert _plain(stored) == _plain(cldr.locale_extract(identifier)), REGENERATE
    whole = localedata.load(identifier)
    assert set(stored) == {key for key in cldr.KEYS if key in whole}


def test_the_extract_has_no_file_beyond_its_locales() -> None:
    names = {p.name for p in cldr._folder().glob("*.pickle")}
    expected = {f"{identifier}.pickle" for identifier in cldr.identifiers()}
    assert names == expected | {"likely_subtags.pickle"}


def test_the_likely_subtags_are_babels() -> None:
    stored = _stored(cldr._folder() / "likely_subtags.pickle")
    likely = get_global("likely_subtags")
    assert stored == cldr.likely_extract()
    assert all(likely[key] == value for key, value in stored.items())
    for key in ("ar", "zh_Hans", "fr", "xx", "yo"):
        assert cldr.likely_subtag(key) == likely.get(key)


@pytest.mark.parametrize("code", ["ar", "zh_Hans_CN", "en", "fr", "ru", "es", "pt_BR", "ja"])
def test_what_is_read_through_the_extract_is_what_babel_reads(code: str) -> None:
    ours = parse_locale(code)
    theirs = Locale.parse(code)
    day = dt.date(2026, 5, 4)
    moment = dt.datetime(2026, 12, 1, 9, 30)
    assert format_date(day, "long", locale=ours) == format_date(day, "long", locale=theirs)
    assert format_time(moment, "short", locale=ours) == format_time(moment, "short", locale=theirs)
    assert long_date(day, code) == format_date(day, "long", locale=theirs)
    assert wall_clock_moment(moment, code)
    assert country_name("CN", code) == theirs.territories["CN"]
    assert ours.character_order == theirs.character_order
    assert get_decimal_symbol(ours) == get_decimal_symbol(theirs)
    assert get_group_symbol(ours) == get_group_symbol(theirs)
    assert _plain(ours.compact_decimal_formats) == _plain(theirs.compact_decimal_formats)
    assert _plain(ours.number_symbols) == _plain(theirs.number_symbols)
    # Beyond the extract's keys: babel's whole data, read at the first such question.
    assert ours.languages == theirs.languages
    assert ours.get_display_name("en") == theirs.get_display_name("en")
    assert len(ours._data) == len(theirs._data)
    assert sorted(ours._data) == sorted(theirs._data)


def test_tags_and_scripts_read_through_the_extract_are_babels() -> None:
    likely = get_global("likely_subtags")
    assert word_language_tag("ar") == "ar-" + likely["ar"].split("_")[-1]
    assert script_of("ru") == likely["ru"].split("_")[1]


def test_an_extract_written_from_another_babel_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = {"babel": "0.0-other", "data": {"territories": {"CN": "not babel's"}}}
    (tmp_path / "fr.pickle").write_bytes(pickle.dumps(stale))
    monkeypatch.setattr(cldr, "_folder", lambda: tmp_path)
    locale = cldr.attach_extract(Locale.parse("fr"))
    assert locale.territories["CN"] == Locale.parse("fr").territories["CN"] == "Chine"


def test_a_missing_extract_leaves_babel_to_load_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cldr, "_folder", lambda: tmp_path)
    locale = cldr.attach_extract(Locale.parse("fr"))
    assert locale.territories["CN"] == "Chine"
