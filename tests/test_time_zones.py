"""Time zones are found by what people know of them, in the interface's language too."""

from __future__ import annotations

import datetime as dt

from releasewriter.i18n.zones import parse_offset, search_zones, zone_from_text, zone_label


def test_a_zone_is_found_by_its_name_in_the_interfaces_language() -> None:
    assert "Europe/Istanbul" in search_zones("Turquie", "fr")
    assert "Asia/Amman" in search_zones("الأردن", "ar")
    assert "Europe/Istanbul" in search_zones("إسطنبول", "ar")


def test_an_offset_is_read_as_people_write_it() -> None:
    assert parse_offset("+3") == dt.timedelta(hours=3)
    assert parse_offset("UTC-05:30") == -dt.timedelta(hours=5, minutes=30)
    assert parse_offset("GMT+1") == dt.timedelta(hours=1)
    assert parse_offset("Paris") is None


def test_a_zones_label_gives_back_its_name() -> None:
    winter = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
    assert zone_label("Europe/Paris", winter) == "Europe/Paris (UTC+01:00)"
    assert zone_from_text("Europe/Paris (UTC+01:00)") == "Europe/Paris"
    assert zone_from_text(" Mars/Olympus ") == "Mars/Olympus"
