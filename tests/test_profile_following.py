"""A release follows the organisation profile it was made from (model/following.py,
settings/profile.py), through what a person runs: the command line's export."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from releasewriter.model import Contact, LanguageVersion, Letterhead, Organisation, Release
from releasewriter.model.following import (
    Relation,
    follow_profile,
    relation,
    usual_contacts,
)
from releasewriter.settings import load_organisation, save_organisation
from releasewriter.settings.profile import letterhead_path
from releasewriter.store import DraftStore, dumps_release, loads_release
from releasewriter.validation import validate_release
from tests.test_cli import run

DESK = Contact("Media desk", "", "IOM Nairobi", "media@iom.int", "+254 20 000 0000")
ANNA = Contact("Anna Njeri", "Press officer", "IOM Nairobi", "anjeri@iom.int", "")
JEAN = Contact("Jean Mbeki", "Chargé de presse", "OIM Nairobi", "jmbeki@iom.int", "")


def profile(config: Path, **changes: object) -> Organisation:
    """The profile as saved in ``config`` (saved first with ``changes``)."""
    organisation = load_organisation(config) or Organisation(
        name="International Organization for Migration",
        boilerplate={"en": "IOM is the UN Migration Agency."},
        contacts=[DESK],
    )
    for name, value in changes.items():
        setattr(organisation, name, value)
    save_organisation(config, organisation)
    saved = load_organisation(config)
    assert saved is not None
    return saved


def release_from(organisation: Organisation) -> Release:
    """A release started as the editor starts one: the profile copied, its usual contact."""
    version = LanguageVersion(
        "en", headline="IOM opens a centre", city="Nairobi", contacts=usual_contacts(organisation)
    )
    return Release("en", [version], organisation=copy.deepcopy(organisation))


def exported_html(config: Path, draft: Path, out: Path) -> str:
    code, _out, err = run(
        "--config-dir", str(config), "export", str(draft), "--format", "html", "--out", str(out)
    )
    assert code == 0, err
    (html,) = out.glob("*.html")
    return html.read_text(encoding="utf-8")


def test_a_change_to_the_profile_reaches_a_release_made_before_it(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = DraftStore(tmp_path / "drafts")
    draft = store.save(release_from(profile(config)))

    profile(config, boilerplate={"en": "IOM, the UN Migration Agency, since 1951."})

    html = exported_html(config, draft, tmp_path / "out")
    assert "since 1951" in html
    assert "IOM is the UN Migration Agency." not in html


def test_a_release_made_before_any_profile_follows_the_first_one_saved(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = DraftStore(tmp_path / "drafts")
    before = release_from(Organisation())  # no profile yet: nothing of the office's
    assert before.organisation.id == ""
    draft = store.save(before)

    profile(config)

    html = exported_html(config, draft, tmp_path / "out")
    assert "IOM is the UN Migration Agency." in html
    assert "media@iom.int" in html  # the profile's usual contact, too


def test_a_draft_from_a_colleagues_profile_exports_as_it_came(tmp_path: Path) -> None:
    colleague = tmp_path / "colleague"
    theirs = profile(colleague, name="IOM Somalia", boilerplate={"en": "IOM in Somalia."})
    draft = DraftStore(tmp_path / "drafts").save(release_from(theirs))
    mine = profile(tmp_path / "config", name="IOM Kenya")

    assert relation(loads_release(draft.read_text(encoding="utf-8")), mine) is (
        Relation.OTHER_PROFILE
    )
    code, _out, err = run(
        *("--config-dir", str(tmp_path / "config"), "export", str(draft)),
        *("--format", "html", "--out", str(tmp_path / "out")),
    )
    assert code == 0
    assert "organisation details of IOM Somalia" in err
    (html,) = (tmp_path / "out").glob("*.html")
    assert "IOM in Somalia." in html.read_text(encoding="utf-8")
    assert "IOM is the UN Migration Agency." not in html.read_text(encoding="utf-8")


def test_contacts_changed_for_a_release_stay_its_own_and_untouched_ones_follow(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    made_from = profile(config)
    release = release_from(made_from)
    release.versions.append(LanguageVersion("fr", contacts=[copy.deepcopy(JEAN)]))

    now = profile(config, contacts=[ANNA, DESK])
    followed = follow_profile(release, now)

    assert followed.contacts == ("en",)
    assert [c.name for c in release.version("en").contacts] == ["Anna Njeri"]
    assert [c.name for c in release.version("fr").contacts] == ["Jean Mbeki"]
    assert release.organisation == now
    # Changed again in the profile: English follows again, French is still its own.
    follow_profile(release, profile(config, contacts=[DESK]))
    assert [c.name for c in release.version("en").contacts] == ["Media desk"]
    assert [c.name for c in release.version("fr").contacts] == ["Jean Mbeki"]


def test_the_profile_keeps_its_own_copy_of_the_letterhead_named_by_content(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    letterhead = Letterhead("IOM Kenya letterhead.dotx", b"PK\x03\x04 the letterhead")
    saved = profile(config, letterhead=letterhead)

    stored = letterhead_path(config, letterhead.sha256)
    assert stored.read_bytes() == letterhead.data
    on_disk = json.loads((config / "organisation.json").read_text(encoding="utf-8"))
    assert on_disk["letterhead"] == {"name": letterhead.name, "sha256": letterhead.sha256}
    assert saved.letterhead == letterhead


def test_a_profile_that_named_the_users_file_takes_a_copy_and_an_id(tmp_path: Path) -> None:
    config, users_file = tmp_path / "config", tmp_path / "Documents" / "letterhead.docx"
    users_file.parent.mkdir()
    users_file.write_bytes(b"PK\x03\x04 the letterhead")
    config.mkdir()
    (config / "organisation.json").write_text(
        json.dumps({"name": "IOM", "docx_template": str(users_file)}), encoding="utf-8"
    )

    loaded = load_organisation(config)
    assert loaded is not None
    assert loaded.id  # given once, and kept
    assert load_organisation(config) == loaded
    assert loaded.letterhead == Letterhead("letterhead.docx", b"PK\x03\x04 the letterhead")
    users_file.unlink()  # moved, renamed, deleted: the profile has its own copy
    reloaded = load_organisation(config)
    assert reloaded is not None
    assert reloaded.letterhead == loaded.letterhead


def test_a_letterhead_gone_from_the_apps_data_is_flagged_before_sending(tmp_path: Path) -> None:
    config = tmp_path / "config"
    letterhead = Letterhead("letterhead.dotx", b"PK\x03\x04 the letterhead")
    profile(config, letterhead=letterhead)
    letterhead_path(config, letterhead.sha256).unlink()

    release = release_from(Organisation())
    follow_profile(release, load_organisation(config))
    codes = [p.code for p in validate_release(release)]
    assert "letterhead-missing" in codes


def test_a_version_5_draft_drops_the_path_and_follows_this_computers_profile(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    mine = profile(config, boilerplate={"en": "IOM today."})
    old = json.loads(dumps_release(release_from(Organisation(name="IOM"))))
    old["schema_version"] = 5
    old["organisation"].pop("id")
    old["organisation"].pop("letterhead")
    old["organisation"]["docx_template"] = "C:/Users/press/letterhead.dotx"

    release = loads_release(json.dumps(old))
    assert release.organisation.letterhead is None
    assert relation(release, mine) is Relation.FOLLOWS
    follow_profile(release, mine)
    assert release.organisation.boilerplate == {"en": "IOM today."}


def test_a_bad_letterhead_in_a_release_is_replaced_by_fixing_the_profile(tmp_path: Path) -> None:
    from tests.letterhead_samples import plain_letterhead  # noqa: PLC0415

    config = tmp_path / "config"
    store = DraftStore(tmp_path / "drafts")
    bad = Letterhead("letterhead.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Word 97")
    draft = store.save(release_from(profile(config, letterhead=bad)))
    code, _out, err = run(
        *("--config-dir", str(config), "export", str(draft)),
        *("--format", "docx", "--out", str(tmp_path / "before")),
    )
    assert code != 0
    assert "letterhead-unreadable" in [
        p.code for p in validate_release(loads_release(draft.read_text(encoding="utf-8")))
    ]
    # HTML never depends on the letterhead.
    assert "IOM is the UN Migration Agency." in exported_html(config, draft, tmp_path / "html")

    profile(config, letterhead=Letterhead("letterhead.docx", plain_letterhead()))

    code, _out, err = run(
        *("--config-dir", str(config), "export", str(draft)),
        *("--format", "docx", "--out", str(tmp_path / "after")),
    )
    assert code == 0, err
    assert len(list((tmp_path / "after").glob("*.docx"))) == 1


def test_the_editor_reads_the_profile_again_only_once_it_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from releasewriter.settings import profile as profile_module  # noqa: PLC0415

    config = tmp_path / "config"
    profile(config)
    reads: list[Path] = []
    real = profile_module.load_organisation

    def counted(folder: Path) -> Organisation | None:
        reads.append(folder)
        return real(folder)

    monkeypatch.setattr(profile_module, "load_organisation", counted)
    reader = profile_module.ProfileReader(config)
    first, again = reader(), reader()
    assert first == again
    assert len(reads) == 1

    profile(config, name="IOM Kenya")
    changed = reader()
    assert changed is not None
    assert changed.name == "IOM Kenya"
    assert len(reads) == 2
