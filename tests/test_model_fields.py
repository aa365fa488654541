from __future__ import annotations

import datetime as dt

import pytest

from releasewriter.model.fields import (
    get_field,
    get_in_release,
    index_of,
    is_shared,
    section_of,
    set_field,
    set_in_release,
)
from tests.releases import sample_release


def test_fields_are_read_and_written_by_path() -> None:
    version = sample_release().source
    assert get_field(version, "quotes[0].speaker") == "Pär Liljert"
    set_field(version, "contacts[0].email", "e@iom.int")
    set_field(version, "city", "Pékin")
    set_field(version, "headline", "Titre")
    assert version.contacts[0].email == "e@iom.int"
    assert version.city == "Pékin"
    assert version.headline == "Titre"


def test_the_dateline_date_and_country_are_one_field_of_the_release_for_every_version() -> None:
    release = sample_release()
    assert is_shared("dateline.date")
    assert not is_shared("city")
    set_in_release(release, "en", "dateline.date", dt.date(2026, 1, 2))
    assert get_in_release(release, "fr", "dateline.date") == dt.date(2026, 1, 2)
    assert release.dateline.date == dt.date(2026, 1, 2)
    set_in_release(release, "en", "city", "Beijing")
    assert (release.version("en").city, release.version("fr").city) == ("Beijing", "")


@pytest.mark.parametrize("path", ["nope", "quotes[9].text", "headline.x", "Quotes[0]"])
def test_an_unknown_path_is_a_key_error(path: str) -> None:
    with pytest.raises(KeyError):
        get_field(sample_release().source, path)


def test_section_and_index_of_a_path() -> None:
    assert (section_of("quotes[2].role"), index_of("quotes[2].role")) == ("quotes", 2)
    assert (section_of("headline"), index_of("headline")) == ("headline", None)
