"""The form on a small laptop: tighter boxes, and labels above their fields when narrow.

At 1366×768 with 125 % scaling (1092×614 logical pixels) the boxes' default
margins alone pushed the body below the fold.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

# Below this width of the form, a label beside its field leaves the field too little room.
NARROW_FORM = 440


def tighten(content: QWidget) -> None:
    """Trim the space around and between the rows of every box of the form."""
    for box in content.findChildren(QGroupBox):
        layout = box.layout()
        if layout is None:
            continue
        margins = layout.contentsMargins()
        layout.setContentsMargins(margins.left(), 2, margins.right(), 4)
        layout.setSpacing(4)
    for form in content.findChildren(QFormLayout):
        form.setVerticalSpacing(4)


def reflow(content: QWidget, width: int) -> None:
    """Labels above their fields below ``NARROW_FORM`` pixels, beside them above it."""
    policy = (
        QFormLayout.RowWrapPolicy.WrapAllRows
        if width < NARROW_FORM
        else QFormLayout.RowWrapPolicy.DontWrapRows
    )
    for form in content.findChildren(QFormLayout):
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
