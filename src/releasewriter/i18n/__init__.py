"""Message catalogs and locale facts, shared by the core and the GUI.

Two gettext domains: ``releasewriter`` for the application's own words (in
the user's language) and ``release-labels`` for the words printed in a
release (in the release's language).
"""

from releasewriter.i18n.catalogs import (
    APP_DOMAIN,
    LABELS_DOMAIN,
    app_translations,
    label_translations,
    locale_candidates,
    translations,
    user_locale,
)

__all__ = [
    "APP_DOMAIN",
    "LABELS_DOMAIN",
    "app_translations",
    "label_translations",
    "locale_candidates",
    "translations",
    "user_locale",
]
