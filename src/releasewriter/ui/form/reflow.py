"""The form on a small laptop: tighter boxes, and labels above their fields when narrow.

At 1366×768 with 125 % scaling (1092×614 logical pixels) the boxes' default
margins alone pushed the body below the fold.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget


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
    """Labels beside their fields where the form fits ``width`` so, above them where not."""
    _wrap(content, QFormLayout.RowWrapPolicy.DontWrapRows)
    if content.minimumSizeHint().width() > width:
        _wrap(content, QFormLayout.RowWrapPolicy.WrapAllRows)


def narrowest(content: QWidget) -> int:
    """The least width the form needs, its labels above their fields."""
    before = [form.rowWrapPolicy() for form in content.findChildren(QFormLayout)]
    _wrap(content, QFormLayout.RowWrapPolicy.WrapAllRows)
    width = content.minimumSizeHint().width()
    for form, policy in zip(content.findChildren(QFormLayout), before, strict=True):
        _set(content, form, policy)
    return width


def _wrap(content: QWidget, policy: QFormLayout.RowWrapPolicy) -> None:
    for form in content.findChildren(QFormLayout):
        _set(content, form, policy)


def _set(content: QWidget, form: QFormLayout, policy: QFormLayout.RowWrapPolicy) -> None:
    if form.rowWrapPolicy() == policy:
        return
    form.setRowWrapPolicy(policy)
    # The boxes around keep their old size hints until told, up to the form's content.
    widget = form.parentWidget()
    while widget is not None and widget is not content.parentWidget():
        widget.updateGeometry()
        widget = widget.parentWidget()
