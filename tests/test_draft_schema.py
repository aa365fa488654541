"""The draft JSON Schema agrees with the writer and the reader, and old drafts upgrade.

``resources/schemas/draft.schema.json`` describes the current schema_version exactly as
``dumps_release`` writes it; everything the schema accepts must be readable by
``loads_release``, and the documents it rejects here are refused by the reader
too, with the same place named. ``docs/draft-format.md`` is checked as well:
its complete examples are real drafts.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from releasewriter.model import (
    Contact,
    Dateline,
    Embargo,
    HouseStyle,
    LanguageVersion,
    Letterhead,
    Logo,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.model.one_line import one_line_version
from releasewriter.resources import resource_path
from releasewriter.store import (
    SCHEMA_VERSION,
    DraftFormatError,
    dumps_release,
    loads_release,
    read_release,
)
from releasewriter.translation.state import mark_translated
from releasewriter.translation.versions import add_version
from tests.releases import SAMPLE_PATH, sample_release

SCHEMA_PATH = resource_path("schemas", "draft.schema.json")
V1_PATH = Path(__file__).parent / "data" / "draft-v1.release.json"
DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "draft-format.md"

HEX12 = re.compile(r"[0-9a-f]{12}")
HEX32 = re.compile(r"[0-9a-f]{32}")
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"
)


# --- helpers ----------------------------------------------------------------


def _format_checker() -> FormatChecker:
    """jsonschema's format checks, plus "date-time" when rfc3339-validator is not installed."""
    checker = FormatChecker()
    if "date-time" not in checker.checkers:

        @checker.checks("date-time", raises=ValueError)
        def _date_time(value: object) -> bool:
            if not isinstance(value, str):
                return True
            if not _RFC3339.fullmatch(value):
                return False
            dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
            return True

    return checker


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


SCHEMA: dict[str, Any] = _load_json(SCHEMA_PATH)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=_format_checker())


def _errors(document: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/$defs/"), ref
        node = SCHEMA["$defs"][ref.removeprefix("#/$defs/")]
    return node


def _object_schemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every subschema in the schema that lists properties."""
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from _object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _object_schemas(value)


def _check_key_order(instance: Any, node: dict[str, Any], where: str) -> None:
    """The keys of each object come in the order the schema lists them."""
    node = _resolve(node)
    for option in node.get("oneOf", []):
        branch = _resolve(option)
        if branch.get("type") == "object" and isinstance(instance, dict):
            _check_key_order(instance, branch, where)
    if isinstance(instance, dict) and "properties" in node:
        assert list(instance) == list(node["properties"]), where
        for key, value in instance.items():
            _check_key_order(value, node["properties"][key], f"{where}.{key}")
    if isinstance(instance, list) and "items" in node:
        for i, item in enumerate(instance):
            _check_key_order(item, node["items"], f"{where}[{i}]")


def _release_with_every_part() -> Release:
    """Every optional part of the format filled in at least once."""
    return Release(
        source_locale="fr",
        id="5d41402abc4b2a76b9719d911017c592",
        created=dt.datetime(2026, 11, 2, 8, 15, tzinfo=dt.UTC),
        modified=dt.datetime(2026, 11, 3, 16, 40, 12, 250000, tzinfo=dt.UTC),
        versions=[
            LanguageVersion(
                locale="fr",
                headline="L’OIM ouvre un centre d’accueil à Agadez",
                subheadline="Jusqu’à 400 personnes par jour",
                city="Agadez",
                embargo=Embargo(dt.datetime(2026, 11, 4, 10, 0), "Africa/Niamey"),
                body=[
                    Paragraph("Le centre ouvre **mercredi** à *Agadez*.", "b1"),
                    Paragraph(
                        "Voir [le communiqué](https://www.iom.int/fr) ou écrire à presse@iom.int.",
                        "b2",
                    ),
                ],
                quotes=[
                    Quote(
                        "Nous sommes prêts",
                        "Aïssata Kane",
                        "Cheffe de bureau",
                        1,
                        SpeakerGender.FEMALE,
                        "q1",
                    ),
                    Quote(
                        "Le centre est ouvert à tous",
                        "Moussa Issa",
                        "",
                        9,
                        SpeakerGender.MALE,
                        "q2",
                    ),
                ],
                contacts=[
                    Contact(
                        "Aïssata Kane",
                        "Porte-parole",
                        "OIM Niamey",
                        "akane@iom.int",
                        "+227 20 72 32 31",
                        "c1",
                    )
                ],
                notes_to_editors=[Paragraph("Photos sur demande.", "n1")],
                boilerplate="Texte propre à ce communiqué.",
                end_mark="-FIN-",
            ),
            LanguageVersion(
                locale="ar",
                headline="المنظمة الدولية للهجرة تفتتح مركز استقبال في أغاديز",
                city="أغاديز",
                body=[Paragraph("يفتح المركز أبوابه يوم الأربعاء.", "b1")],
                quotes=[
                    Quote("نحن مستعدون", "عائشة كان", "رئيسة المكتب", 1, SpeakerGender.FEMALE, "q1")
                ],
                boilerplate="",
                end_mark="",
            ),
        ],
        organisation=Organisation(
            name="International Organization for Migration",
            names={"fr": "OIM", "ar": "المنظمة الدولية للهجرة"},
            boilerplate={
                "fr": "L’OIM fait partie du système des Nations Unies.",
                "ar": "المنظمة الدولية للهجرة جزء من منظومة الأمم المتحدة.",
            },
            contacts=[
                Contact("Media desk", "", "IOM Geneva", "media@iom.int", "+41 22 717 91 11", "oc1")
            ],
            house_style=HouseStyle(
                dateline_pattern={"fr": "{place}, le {date} –"},
                end_mark={"ar": "// انتهى //"},
                about_heading={"fr": "À propos de l’OIM"},
            ),
            logo=Logo("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            letterhead=Letterhead("letterhead.dotx", b"PK\x03\x04 a Word file"),
        ),
        dateline=Dateline("NE", dt.date(2026, 11, 4)),
    )


# --- the schema itself --------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema_with_a_urn_id() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == f"urn:releasewriter:draft:{SCHEMA_VERSION}"
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_format_checking_really_covers_dates_and_timestamps() -> None:
    assert {"date", "date-time"} <= set(VALIDATOR.format_checker.checkers)  # type: ignore[union-attr]
    assert not VALIDATOR.format_checker.conforms("2026-02-30", "date")  # type: ignore[union-attr]
    assert not VALIDATOR.format_checker.conforms("2026-02-30T10:00:00+00:00", "date-time")  # type: ignore[union-attr]


def test_every_object_is_closed_and_requires_every_property_as_the_writer_is_exhaustive() -> None:
    objects = list(_object_schemas(SCHEMA))
    assert len(objects) >= 10
    for node in objects:
        assert node.get("additionalProperties") is False, node.get(
            "description", node["properties"]
        )
        assert list(node["required"]) == list(node["properties"])


# --- what the writer writes validates ----------------------------------------


def test_bundled_sample_validates() -> None:
    assert _errors(_load_json(SAMPLE_PATH)) == []


def test_a_release_with_every_optional_part_validates() -> None:
    text = dumps_release(_release_with_every_part())
    data = json.loads(text)
    organisation, fr, ar = data["organisation"], data["versions"][0], data["versions"][1]
    # The document really exercises every optional part.
    assert organisation["logo"] is not None
    assert organisation["letterhead"] is not None
    assert organisation["contacts"]
    assert all(organisation["house_style"].values())
    assert fr["embargo"] == {"until": "2026-11-04T10:00:00", "timezone": "Africa/Niamey"}
    assert fr["notes_to_editors"]
    assert fr["contacts"]
    assert fr["boilerplate"]
    assert fr["end_mark"]
    assert (ar["boilerplate"], ar["end_mark"], ar["city"]) == ("", "", "أغاديز")
    assert data["dateline"] == {"country": "NE", "date": "2026-11-04"}
    assert data["modified"] == "2026-11-03T16:40:12.250000+00:00"

    assert _errors(data) == []
    _check_key_order(data, SCHEMA, "")
    assert loads_release(text) == _release_with_every_part()


def test_the_file_is_two_space_indented_utf8_json_with_non_ascii_as_is() -> None:
    text = dumps_release(_release_with_every_part())
    assert text.startswith(
        f'{{\n  "format": "releasewriter-draft",\n  "schema_version": {SCHEMA_VERSION},\n'
    )
    assert text.endswith("}\n")
    assert "المنظمة الدولية للهجرة" in text
    assert "\\u" not in text


_ids = st.from_regex(r"[0-9a-f]{12}", fullmatch=True)
_text = st.text(max_size=20)
_locales = st.sampled_from(["fr", "en", "en_GB", "ar", "zh_Hans_CN", "es_419", "sr_Latn", "ru"])
_by_locale = st.dictionaries(_locales, _text, max_size=3)
_moments = st.datetimes(timezones=st.just(dt.UTC))
_contacts = st.lists(st.builds(Contact, _text, _text, _text, _text, _text, _ids), max_size=2)
_paragraphs = st.lists(st.builds(Paragraph, _text, _ids), max_size=3)
_quotes = st.lists(
    st.builds(Quote, _text, _text, _text, st.integers(0, 30), st.sampled_from(SpeakerGender), _ids),
    max_size=2,
)
_embargoes = st.none() | st.builds(
    Embargo, st.datetimes(), st.sampled_from(["", "Asia/Shanghai", "Etc/GMT-8", "UTC"])
)


@st.composite
def _releases(draw: st.DrawFn) -> Release:
    locales = draw(st.lists(_locales, min_size=1, max_size=3, unique=True))
    versions = [
        LanguageVersion(
            locale=locale,
            headline=draw(_text),
            subheadline=draw(_text),
            city=draw(_text),
            embargo=draw(_embargoes),
            body=draw(_paragraphs),
            quotes=draw(_quotes),
            contacts=draw(_contacts),
            notes_to_editors=draw(_paragraphs),
            boilerplate=draw(st.none() | _text),
            end_mark=draw(st.none() | _text),
        )
        for locale in locales
    ]
    organisation = Organisation(
        name=draw(_text),
        names=draw(_by_locale),
        boilerplate=draw(_by_locale),
        contacts=draw(_contacts),
        house_style=draw(st.builds(HouseStyle, _by_locale, _by_locale, _by_locale)),
        logo=draw(
            st.none()
            | st.builds(
                Logo, st.sampled_from(["image/png", "image/svg+xml"]), st.binary(max_size=40)
            )
        ),
        letterhead=draw(st.none() | st.builds(Letterhead, _text, st.binary(max_size=40))),
        id=draw(st.sampled_from(["", "3c6f0e0b9d6a4b0f8a1e2d3c4b5a6978"])),
    )
    return Release(
        source_locale=draw(st.sampled_from(locales)),
        versions=versions,
        organisation=organisation,
        dateline=draw(st.builds(Dateline, _text, st.none() | st.dates())),
        id=draw(st.from_regex(r"[0-9a-f]{32}", fullmatch=True)),
        created=draw(_moments),
        modified=draw(_moments),
    )


@settings(max_examples=60, deadline=None)
@given(release=_releases())
def test_whatever_the_writer_writes_validates_and_reads_back(release: Release) -> None:
    text = dumps_release(release)
    assert _errors(json.loads(text)) == []
    for version in release.versions:
        one_line_version(version)  # what the reader does to a pasted line break
    assert loads_release(text) == release


# --- version 1 ----------------------------------------------------------------


def test_a_version_1_draft_is_not_valid_against_the_version_2_schema() -> None:
    assert _errors(_load_json(V1_PATH))


def test_a_version_1_draft_migrates_to_the_expected_release() -> None:
    raw = _load_json(V1_PATH)
    release = read_release(V1_PATH)

    assert HEX32.fullmatch(release.id)
    assert release.source_locale == "fr"
    assert release.locales == ["fr", "en"]
    assert release.created == dt.datetime(2026, 11, 24, 7, 12, 5, tzinfo=dt.UTC)
    assert release.modified == dt.datetime(2026, 11, 28, 10, 41, 37, tzinfo=dt.UTC)
    assert release.organisation.names == {"fr": "OIM", "en": "IOM"}
    assert release.organisation.house_style.about_heading == {"fr": "À propos de l’OIM"}

    fr, en = release.versions
    # "+08:00" became a named fixed-offset zone; POSIX names invert the sign.
    assert fr.embargo == Embargo(dt.datetime(2026, 12, 1, 9, 0), "Etc/GMT-8")
    assert fr.embargo.aware() == dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)
    assert en.embargo is None
    assert fr.city == "Kunming"
    assert release.dateline == Dateline("CN", dt.date(2026, 12, 1))

    for version, old in zip(release.versions, raw["versions"], strict=True):
        assert version.locale == old["language"]
        assert version.headline == old["headline"]
        assert version.subheadline == old["subheadline"]
        assert [p.text for p in version.body] == old["body"]
        assert [p.text for p in version.notes_to_editors] == old["notes"]
        assert [(q.text, q.speaker, q.role, q.after_paragraph) for q in version.quotes] == [
            (q["text"], q["speaker"], q["role"], q["after"]) for q in old["quotes"]
        ]
        assert all(q.speaker_gender is SpeakerGender.UNSPECIFIED for q in version.quotes)
        assert [(c.name, c.role, c.office, c.email, c.phone) for c in version.contacts] == [
            (c["name"], c["role"], c["office"], c["email"], c["phone"]) for c in old["contacts"]
        ]
        assert version.boilerplate is None
        assert version.end_mark is None
        ids = [
            s.id
            for s in (*version.body, *version.quotes, *version.contacts, *version.notes_to_editors)
        ]
        assert len(set(ids)) == len(ids)

    # Segment ids are positional and shared, so a translation finds its source segment.
    assert [p.id for p in fr.body][: len(en.body)] == [p.id for p in en.body]
    assert [q.id for q in fr.quotes][: len(en.quotes)] == [q.id for q in en.quotes]

    assert fr.quotes[0].after_paragraph == 2
    assert len(fr.notes_to_editors) == 2
    assert len(en.notes_to_editors) == 1


def test_reading_a_version_1_draft_upgrades_it_in_memory_only() -> None:
    before = V1_PATH.read_bytes()
    read_release(V1_PATH)
    assert V1_PATH.read_bytes() == before


def test_a_migrated_version_1_draft_is_written_in_the_current_version() -> None:
    release = read_release(V1_PATH)
    text = dumps_release(release)
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert _errors(data) == []
    _check_key_order(data, SCHEMA, "")
    # Once written in the new format, it reads back as it is: ids no longer change.
    assert loads_release(text) == release


@pytest.mark.parametrize(
    ("embargo_until", "timezone", "until"),
    [
        ("2026-12-01T09:00:00+08:00", "Etc/GMT-8", "2026-12-01T09:00:00"),
        ("2026-12-01T09:00:00-05:00", "Etc/GMT+5", "2026-12-01T09:00:00"),
        ("2026-12-01T09:00:00+00:00", "UTC", "2026-12-01T09:00:00"),
        ("2026-12-01T09:00:00Z", "UTC", "2026-12-01T09:00:00"),
        # No IANA name exists for a fixed half-hour offset, nor for no offset at all.
        ("2026-12-01T09:00:00+05:30", "", "2026-12-01T09:00:00"),
        ("2026-12-01T09:00:00", "", "2026-12-01T09:00:00"),
    ],
)
def test_a_version_1_embargo_becomes_a_wall_clock_time_and_a_zone(
    embargo_until: str, timezone: str, until: str
) -> None:
    data = _load_json(V1_PATH)
    data["versions"][1]["embargo_until"] = embargo_until
    release = loads_release(json.dumps(data))
    assert release.versions[1].embargo == Embargo(dt.datetime.fromisoformat(until), timezone)
    assert _errors(json.loads(dumps_release(release))) == []


# --- what must not validate -----------------------------------------------------


def _sample_data() -> dict[str, Any]:
    data: dict[str, Any] = _load_json(SAMPLE_PATH)
    data["versions"][1]["embargo"] = {"until": "2013-07-16T09:00:00", "timezone": "Asia/Shanghai"}
    data["organisation"]["logo"] = {"media_type": "image/png", "data": "iVBORw0KGgo="}
    return data


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def _delete(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


INVALID = [
    pytest.param(
        _set(("versions", 0, "headline"), 42), "versions[0].headline", id="headline-a-number"
    ),
    pytest.param(
        _set(("versions", 1, "headline"), ["IOM", "and China"]),
        "versions[1].headline",
        id="headline-a-list",
    ),
    pytest.param(_delete(("versions", 0, "locale")), "versions[0].locale", id="locale-missing"),
    pytest.param(
        _set(("versions", 0, "quotes", 0, "speaker_gender"), "f"),
        "versions[0].quotes[0].speaker_gender",
        id="speaker-gender-abbreviated",
    ),
    pytest.param(
        _set(("versions", 1, "quotes", 0, "speaker_gender"), "Male"),
        "versions[1].quotes[0].speaker_gender",
        id="speaker-gender-capitalised",
    ),
    pytest.param(
        _set(("versions", 0, "quotes", 0, "after_paragraph"), "4"),
        "versions[0].quotes[0].after_paragraph",
        id="after-paragraph-text",
    ),
    pytest.param(
        _set(("dateline", "date"), "16/07/2013"),
        "dateline.date",
        id="date-not-iso",
    ),
    pytest.param(
        _set(("dateline", "date"), "2013-02-30"),
        "dateline.date",
        id="date-impossible",
    ),
    pytest.param(
        _delete(("versions", 1, "embargo", "until")),
        "versions[1].embargo.until",
        id="embargo-without-until",
    ),
    pytest.param(
        _set(("versions", 1, "embargo", "until"), "1 December, 9am"),
        "versions[1].embargo.until",
        id="embargo-until-not-iso",
    ),
    pytest.param(
        _set(("versions", 0, "contacts"), {"name": "Ellen Wong"}),
        "versions[0].contacts",
        id="contacts-not-a-list",
    ),
    pytest.param(
        _set(("versions", 0, "body", 1), "a bare string, as in version 1"),
        "versions[0].body[1]",
        id="paragraph-a-bare-string",
    ),
    pytest.param(
        _set(("organisation", "names", "fr"), None), "organisation.names.fr", id="name-not-text"
    ),
    pytest.param(
        _set(("organisation", "logo", "data"), "not base64!"),
        "organisation.logo.data",
        id="logo-not-base64",
    ),
    pytest.param(_delete(("id",)), "id", id="id-missing"),
    pytest.param(_delete(("schema_version",)), "schema_version", id="schema-version-missing"),
    pytest.param(_set(("created",), "yesterday"), "created", id="created-not-a-timestamp"),
]


def _covers(schema_path: str, reader_path: str) -> bool:
    """Whether a schema error at ``$.a.b`` is about the reader's ``a.b.c`` (or ``a.b[0]``)."""
    path = schema_path.removeprefix("$").removeprefix(".")
    return path in ("", reader_path) or reader_path.startswith((f"{path}.", f"{path}["))


@pytest.mark.parametrize(("mutate", "field"), INVALID)
def test_a_malformed_document_is_rejected_by_schema_and_reader_naming_the_field(
    mutate: Callable[[dict[str, Any]], None], field: str
) -> None:
    data = _sample_data()
    assert _errors(data) == []
    assert loads_release(json.dumps(data))
    broken = copy.deepcopy(data)
    mutate(broken)

    schema_errors = list(VALIDATOR.iter_errors(broken))
    assert schema_errors, "the schema accepted it"
    assert any(_covers(e.json_path, field) for e in schema_errors), [
        (e.json_path, e.message) for e in schema_errors
    ]

    with pytest.raises(DraftFormatError) as raised:
        loads_release(json.dumps(broken, ensure_ascii=False))
    assert str(raised.value).startswith(f"{field}:"), str(raised.value)


def test_the_reader_is_more_lenient_than_the_schema_and_the_writer_completes_the_file() -> None:
    minimal = {
        "schema_version": 2,
        "id": "minimal",
        "source_locale": "fr",
        "versions": [{"locale": "fr", "headline": None, "quotes": [{"text": "Oui"}]}],
    }
    assert _errors(minimal)
    release = loads_release(json.dumps(minimal))
    assert release.source.headline == ""
    assert release.source.quotes[0].after_paragraph == 0
    assert release.source.embargo is None
    assert release.organisation == Organisation()
    assert _errors(json.loads(dumps_release(release))) == []


# --- the documentation ------------------------------------------------------------


def _json_examples() -> list[Any]:
    text = DOC_PATH.read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"^```json\n(.*?)^```$", text, re.M | re.S)]


def test_the_complete_examples_in_the_format_documentation_are_real_drafts() -> None:
    examples = _json_examples()
    current = [e for e in examples if e["schema_version"] == SCHEMA_VERSION]
    older = [e for e in examples if e["schema_version"] == 1]
    assert current
    assert older
    for example in current:
        assert _errors(example) == []
        assert loads_release(json.dumps(example)) is not None
    for example in older:
        release = loads_release(json.dumps(example))
        assert _errors(json.loads(dumps_release(release))) == []


def test_copied_and_confirmed_segment_states_validate_and_read_back() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    mark_translated(release, "ar", "headline")
    text = dumps_release(release)
    data = json.loads(text)
    statuses = {state["status"] for state in data["versions"][-1]["segments"].values()}
    assert {"copied", "same_as_source"} <= statuses
    assert _errors(data) == []
    assert loads_release(text).version("ar").segments == release.version("ar").segments
