"""A release follows the organisation profile it was made from.

A release keeps a copy of the organisation (name per language, logo, letterhead,
boilerplate, house style, usual contacts) so that a draft file is complete on its
own: sent to a colleague, it exports the same way. On the computer of the profile it
follows, that copy is brought up to date whenever the draft is opened or exported, so
that a later change to the profile (a logo, a letterhead set up after the first
release) reaches every release that did not change that item for itself.

What a release changes for itself stays its own: a version's boilerplate or end mark
(``LanguageVersion.boilerplate``/``end_mark`` not None), and its contacts once they
differ from the profile's usual contacts as they were when last brought up to date.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass

from releasewriter.model.organisation import Organisation
from releasewriter.model.release import Contact, LanguageVersion, Release


class Relation(enum.Enum):
    # No profile saved on this computer: the release keeps what it carries.
    NO_PROFILE = "no-profile"
    # The release follows this computer's profile (or was made before any was saved).
    FOLLOWS = "follows"
    # The release came from another profile (a colleague's): it keeps what it carries.
    OTHER_PROFILE = "other-profile"


def relation(release: Release, profile: Organisation | None) -> Relation:
    if profile is None or not profile.id:
        return Relation.NO_PROFILE
    carried = release.organisation.id
    return Relation.FOLLOWS if carried in ("", profile.id) else Relation.OTHER_PROFILE


def usual_contacts(organisation: Organisation) -> list[Contact]:
    """The contacts a new release starts with: the profile's first."""
    return [Contact(c.name, c.role, c.office, c.email, c.phone) for c in organisation.contacts[:1]]


def _people(contacts: list[Contact]) -> list[tuple[str, ...]]:
    return [(c.name, c.role, c.office, c.email, c.phone) for c in contacts]


def contacts_follow_profile(version: LanguageVersion, organisation: Organisation) -> bool:
    """Whether the version's contacts are still the usual ones of ``organisation``
    (the copy the release carries), that is, not changed for this release."""
    return _people(version.contacts) == _people(usual_contacts(organisation))


@dataclass(frozen=True)
class Followed:
    """What bringing a release up to date changed."""

    organisation: bool = False
    contacts: tuple[str, ...] = ()  # the locales whose contacts were replaced

    def __bool__(self) -> bool:
        return self.organisation or bool(self.contacts)


def follow_profile(release: Release, profile: Organisation | None) -> Followed:
    """Bring the release's organisation (and its versions' usual contacts) up to date
    with ``profile``, if the release follows it. Returns what changed."""
    if relation(release, profile) is not Relation.FOLLOWS:
        return Followed()
    assert profile is not None
    carried = release.organisation
    moved: list[str] = []
    new_contacts = usual_contacts(profile)
    for version in release.versions:
        if contacts_follow_profile(version, carried) and _people(version.contacts) != _people(
            new_contacts
        ):
            version.contacts = copy.deepcopy(new_contacts)
            moved.append(version.locale)
    changed = carried != profile
    if changed:
        release.organisation = copy.deepcopy(profile)
    return Followed(changed, tuple(moved))


def adopt_profile(release: Release, profile: Organisation) -> Followed:
    """Make a release from another profile follow this one ("Use my profile")."""
    release.organisation = copy.deepcopy(release.organisation)
    release.organisation.id = ""
    return follow_profile(release, profile)
