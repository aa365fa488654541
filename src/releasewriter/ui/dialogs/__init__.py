"""Dialogs the main window opens: export, and the organisation profile.

Both are usable on their own: everything that would launch a program or block
on a message box (``ExportDialog.opener``, ``ExportDialog.notify``,
``edit_organisation_profile(execute=…)``) can be replaced.
"""

from releasewriter.ui.dialogs.export_dialog import ExportDialog
from releasewriter.ui.dialogs.organisation_dialog import (
    OrganisationDialog,
    edit_organisation_profile,
)

__all__ = ["ExportDialog", "OrganisationDialog", "edit_organisation_profile"]
