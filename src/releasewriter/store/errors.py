"""Errors of the drafts store, kept apart so that the format and its migrations share them."""


class DraftFormatError(ValueError):
    """The text is not a draft this version can read; the message names the place."""
