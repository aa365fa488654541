from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    SegmentState,
    SegmentStatus,
    SpeakerGender,
)
from releasewriter.model.one_line import one_line_version
from releasewriter.store import SCHEMA_VERSION, DraftFormatError, dumps_release, loads_release
from releasewriter.store.draft_format import encode_release
from tests.releases import arabic_version, chinese_version, sample_release


def full_release() -> Release:
    return Release(
        source_locale="fr",
        versions=[
            LanguageVersion(
                locale="fr",
                headline="Titre",
                subheadline="Sous-titre",
                city="Genève",
                embargo=Embargo(dt.datetime(2026, 5, 4, 9, 30), "Europe/Zurich"),
                body=[Paragraph("Un **gras** et *italique* [lien](https://iom.int)")],
                quotes=[
                    Quote("Citation.", "Amy Pope", "Directrice générale", 1, SpeakerGender.FEMALE)
                ],
                contacts=[Contact("A", "Chargée", "Bureau", "a@iom.int", "+41 22 717 91 11")],
                notes_to_editors=[Paragraph("Note 1"), Paragraph("Note 2")],
                boilerplate="Texte propre à ce communiqué.",
                end_mark="-FIN-",
                segments={
                    "headline": SegmentState(SegmentStatus.TRANSLATED, "Title"),
                    "body:p1": SegmentState(SegmentStatus.NEEDS_REVIEW, "A **bold** word"),
                },
            ),
            arabic_version(),
            chinese_version(),
        ],
        organisation=Organisation(
            id="3c6f0e0b9d6a4b0f8a1e2d3c4b5a6978",
            name="IOM",
            names={"fr": "OIM"},
            boilerplate={"fr": "À propos", "ar": "نبذة"},
            contacts=[Contact("Press", email="press@iom.int")],
            house_style=HouseStyle(
                {"fr": "{place} – {date} –"}, {"ar": "// انتهى //"}, {"fr": "À propos de l’OIM"}
            ),
            logo=Logo("image/png", b"\x89PNG\r\n\x1a\n fake"),
            letterhead=Letterhead("IOM letterhead.dotx", b"PK\x03\x04 a Word file"),
        ),
        dateline=Dateline("CH", dt.date(2026, 5, 4)),
        last_exported=dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC),
    )


def test_sample_release_survives_a_save_and_load_unchanged() -> None:
    release = sample_release()
    assert loads_release(dumps_release(release)) == release


def test_every_field_survives_a_save_and_load() -> None:
    release = full_release()
    assert loads_release(dumps_release(release)) == release


def test_draft_file_is_readable_utf8_json_with_current_schema_version() -> None:
    text = dumps_release(full_release())
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert "المنظمة" in text  # Arabic kept as written, not \u-escaped
    assert text.count("\n") > 50  # one field per line, so a diff shows what changed


def test_a_newer_schema_version_is_refused_with_a_clear_message() -> None:
    data = json.loads(dumps_release(sample_release()))
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(DraftFormatError, match="newer"):
        loads_release(json.dumps(data))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["versions"][0].__setitem__("headline", 3), r"versions\[0\]\.headline"),
        (lambda d: d["dateline"].__setitem__("date", "16/07/2013"), "dateline.date"),
        (lambda d: d.__setitem__("source_locale", "de"), "source_locale"),
        (lambda d: d["versions"].append(dict(d["versions"][0])), "appears twice"),
    ],
)
def test_a_malformed_field_is_reported_by_its_path(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps_release(sample_release()))
    mutate(data)
    with pytest.raises(DraftFormatError, match=message):
        loads_release(json.dumps(data))


def test_text_that_is_not_json_names_line_and_column() -> None:
    with pytest.raises(DraftFormatError, match="line 1, column"):
        loads_release("{not json")


_any_text = st.text(max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    headline=_any_text,
    paragraph=_any_text,
    speaker=_any_text,
    email=_any_text,
    locale=st.sampled_from(["fr", "ar", "zh_Hans_CN", "en_GB"]),
)
def test_any_unicode_text_round_trips_through_the_draft_file(
    headline: str, paragraph: str, speaker: str, email: str, locale: str
) -> None:
    release = Release(
        source_locale=locale,
        versions=[
            LanguageVersion(
                locale=locale,
                headline=headline,
                body=[Paragraph(paragraph)],
                quotes=[Quote("q", speaker)],
                contacts=[Contact(email=email)],
            )
        ],
    )
    # What the store writes must be valid UTF-8 even for lone surrogates.
    data = encode_release(release)
    # Paragraphs come back as written; one-line fields on one line.
    one_line_version(release.versions[0])
    assert loads_release(data.decode("utf-8")) == release


def _as_version_3(data: dict) -> dict:  # type: ignore[type-arg]
    """A current draft as version 3 wrote it: a whole dateline in every version."""
    shared = data.pop("dateline")
    for version in data["versions"]:
        version["dateline"] = {"city": version.pop("city"), **shared}
    data["schema_version"] = 3
    return data


def test_a_version_3_draft_moves_the_sources_country_and_date_to_the_release() -> None:
    release = sample_release()
    release.source.city, release.version("en").city = "Pékin", "Beijing"
    data = _as_version_3(json.loads(dumps_release(release)))
    english = data["versions"][1]
    english["dateline"].update(country="VN", date="2013-07-17")  # drifted: the source wins
    upgraded = loads_release(json.dumps(data))
    assert upgraded.dateline == Dateline("CN", dt.date(2013, 7, 16))
    assert [v.city for v in upgraded.versions] == ["Pékin", "Beijing"]
    assert upgraded == release


def test_a_version_2_draft_upgrades_with_no_segment_states_and_no_export() -> None:
    data = _as_version_3(json.loads(dumps_release(sample_release())))
    data["schema_version"] = 2
    del data["last_exported"]
    for version in data["versions"]:
        del version["segments"]
    release = loads_release(json.dumps(data))
    assert release.last_exported is None
    assert all(v.segments == {} for v in release.versions)
    assert release == sample_release()


def test_a_release_is_exported_until_it_is_modified_again() -> None:
    release = sample_release()
    assert not release.exported
    release.mark_exported()
    assert release.exported
    release.modified += dt.timedelta(seconds=1)
    assert not release.exported


def test_lines_an_import_could_not_place_are_kept_with_the_draft() -> None:
    release = sample_release()
    release.source.not_placed = ["Partager sur Facebook", "Photo : OIM/2013 — légende"]
    again = loads_release(dumps_release(release))
    assert again.source.not_placed == ["Partager sur Facebook", "Photo : OIM/2013 — légende"]
    assert again == release


def test_a_version_6_draft_upgrades_with_nothing_left_unplaced() -> None:
    data = json.loads(dumps_release(sample_release()))
    data["schema_version"] = 6
    for version in data["versions"]:
        del version["not_placed"]
    release = loads_release(json.dumps(data))
    assert all(v.not_placed == [] for v in release.versions)
    assert release == sample_release()


def test_unplaced_lines_that_are_not_texts_are_refused_naming_the_field() -> None:
    data = json.loads(dumps_release(sample_release()))
    data["versions"][0]["not_placed"] = ["fine", 3]
    with pytest.raises(DraftFormatError, match=r"versions\[0\]\.not_placed\[1\]: expected text"):
        loads_release(json.dumps(data))
