"""A draft that came from another organisation profile (a colleague's) says so.

It keeps the organisation details it carries, so that it exports as it did where it
was written; "Use my profile" makes it follow this computer's profile instead.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from releasewriter.model import Organisation, Release
from releasewriter.model.following import Relation, relation
from releasewriter.ui.form.banner import Banner


class OtherProfileBanner(Banner):
    use_my_profile = Signal()

    def __init__(self, t: gettext.NullTranslations, parent: QWidget | None = None) -> None:
        super().__init__(
            "otherProfileBanner",
            t.gettext("Whose organisation details this draft uses"),
            t.gettext("Use my profile"),
            t.gettext(
                "Replace the organisation details this draft came with by those of your "
                "organisation profile (File › Organisation profile)."
            ),
            parent,
        )
        self.t = t
        self.note.setObjectName("otherProfileNote")
        self.button.setObjectName("useMyProfileButton")
        self.button.clicked.connect(self.use_my_profile)

    def show_for(self, release: Release | None, profile: Organisation | None) -> None:
        if release is None or relation(release, profile) is not Relation.OTHER_PROFILE:
            self.setVisible(False)
            return
        assert profile is not None
        unnamed = self.t.gettext("another organisation")
        self.note.setText(
            self.t.gettext(
                "This draft came with the organisation details of {organisation} (name, "
                "logo, letterhead, boilerplate, contacts) and exports with them, not with "
                "those of your profile, {profile}."
            ).format(
                organisation=release.organisation.name or unnamed,
                profile=profile.name or unnamed,
            )
        )
        self.setVisible(True)
