"""Starting, opening and duplicating releases, and the first-start sample."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from releasewriter.i18n.locales import language_of
from releasewriter.model import LanguageVersion, Organisation, Release
from releasewriter.model.following import usual_contacts
from releasewriter.resources import resource_path
from releasewriter.settings import SAMPLE_INSTALLED, load_organisation
from releasewriter.store import read_release
from releasewriter.ui.context import AppContext

SAMPLE_FILE = ("samples", "iom-china-trafficking.release.json")
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def sample_path() -> Path:
    return resource_path(*SAMPLE_FILE)


def install_sample(context: AppContext, *, force: bool = False) -> Path:
    """Put the sample release in the drafts folder (once, unless forced); return its path."""
    release = read_release(sample_path())
    target = context.store.path_for(release)
    if not target.exists() and (force or not context.settings.get(SAMPLE_INSTALLED)):
        context.store.ensure_folder()
        shutil.copyfile(sample_path(), target)
    context.settings.set(SAMPLE_INSTALLED, True)
    context.settings.save()
    return target


def organisation_profile(context: AppContext) -> Organisation:
    return load_organisation(context.config_dir) or Organisation()


def new_release(context: AppContext) -> Release:
    """An empty release in the user's language, with the organisation's contacts."""
    organisation = organisation_profile(context)
    language = language_of(context.ui_locale)
    locale = language if language in UN_LANGUAGES else "en"
    version = LanguageVersion(locale=locale, contacts=usual_contacts(organisation))
    return Release(
        source_locale=locale, versions=[version], organisation=copy.deepcopy(organisation)
    )
