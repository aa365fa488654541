"""The words a release prints, in the version's language.

Every msgid here is English and is extracted into the ``release-labels``
domain by the keywords ``label`` and ``label_p`` (see ``packaging/catalogs.py``).
Patterns carry named placeholders so that each language orders its words.
"""

from __future__ import annotations

from releasewriter.i18n.catalogs import label_translations
from releasewriter.model import SpeakerGender


class Labels:
    def __init__(self, locale: str) -> None:
        catalog = label_translations(locale)
        self.label = catalog.gettext
        self.label_p = catalog.pgettext

    @property
    def immediate_release(self) -> str:
        return self.label("For immediate release")

    def embargoed_until(self, when: str) -> str:
        return self.label("Embargoed until {datetime}").format(datetime=when)

    def moment_with_zone(self, moment: str, zone: str, offset: str) -> str:
        # TRANSLATORS: an embargo time, e.g. "1 December 2026, 09:00 (China Standard
        # Time, GMT+08:00)"; use your language's brackets and comma.
        return self.label("{moment} ({zone}, {offset})").format(
            moment=moment, zone=zone, offset=offset
        )

    def moment_without_zone(self, moment: str) -> str:
        # TRANSLATORS: an embargo time whose time zone the writer did not give.
        return self.label("{moment} (time zone not set)").format(moment=moment)

    @property
    def contacts_heading(self) -> str:
        return self.label("For more information, please contact")

    @property
    def notes_heading(self) -> str:
        return self.label("Notes to editors")

    def about_heading(self, organisation: str) -> str:
        return self.label("About {organisation}").format(organisation=organisation)

    @property
    def default_end_mark(self) -> str:
        # TRANSLATORS: the mark that ends the body of a press release ("###", "-FIN-").
        return self.label_p("end mark", "###")

    @property
    def email_pattern(self) -> str:
        return self.label("Email: {email}")

    @property
    def phone_pattern(self) -> str:
        return self.label("Phone: {phone}")

    def place(self, city: str, country: str) -> str:
        # TRANSLATORS: the place of a dateline; order and separator of your language.
        if city and country:
            return self.label("{city}, {country}").format(city=city, country=country)
        return city or country

    def dateline_pattern(self, *, with_date: bool) -> str:
        # TRANSLATORS: the dateline that opens the first paragraph, "Geneva, 4 May
        # 2026 –"; {place} is "city, country", {date} the long date.
        if with_date:
            return self.label_p("dateline", "{place}, {date} –")
        return self.label_p("dateline without a date", "{place} –")

    def attribution_pattern(self, gender: SpeakerGender, *, with_role: bool) -> str:
        """How a quote is attributed; the placeholders are {quote}, {speaker}, {role}."""
        # TRANSLATORS (all attribution patterns): {quote} arrives already inside your
        # language's quotation marks. When words follow {quote}, the quote's final
        # full stop is removed, so the pattern supplies the comma (French:
        # "{quote}, a déclaré {speaker}, {role}."). When {quote} ends the pattern,
        # the quote keeps its own punctuation (Arabic, Chinese).
        if gender is SpeakerGender.FEMALE:
            if with_role:
                return self.label_p("female speaker", "{quote} said {speaker}, {role}.")
            return self.label_p("female speaker", "{quote} said {speaker}.")
        if gender is SpeakerGender.MALE:
            if with_role:
                return self.label_p("male speaker", "{quote} said {speaker}, {role}.")
            return self.label_p("male speaker", "{quote} said {speaker}.")
        if with_role:
            return self.label("{quote} said {speaker}, {role}.")
        return self.label("{quote} said {speaker}.")
