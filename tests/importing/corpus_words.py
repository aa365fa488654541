"""The invented content of the import corpus: what press offices write, in six languages.

Names, numbers and places are made up and combined at random (seeded), so
that no two releases of the corpus say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    female: bool
    # The address's local part: every organisation's addresses are Latin letters.
    mailbox: str


@dataclass(frozen=True)
class Words:
    orgs: tuple[tuple[str, str], ...]  # (name in running text, acronym for the tag)
    headlines: tuple[str, ...]
    subheadlines: tuple[str, ...]
    sentences: tuple[str, ...]
    # A paragraph that holds a quotation inside narrative: it must stay a paragraph.
    narrative_quote: str
    quotes: tuple[str, ...]
    speakers: tuple[Person, ...]
    roles: tuple[str, ...]
    contacts: tuple[Person, ...]
    contact_roles: tuple[str, ...]
    offices: tuple[str, ...]
    notes: tuple[str, ...]
    about: str
    chrome_before: tuple[str, ...]
    chrome_after: tuple[str, ...]


# Slots: {org} {country} {city} {n} {m}.
WORDS: dict[str, Words] = {
    "en": Words(
        orgs=(("IOM", "IOM"), ("UNHCR", "UNHCR"), ("WHO", "WHO")),
        headlines=(
            "{org} Scales Up Support for {n},000 People Displaced by Floods in {country}",
            "New Cash Assistance Programme Reaches Families Returning to {country}",
            "{org} and Partners Open Health Centre for Migrants in {city}",
            "Record Number of Displaced People in {country} Calls for Urgent Funding",
        ),
        subheadlines=(
            "Agencies warn that funding covers less than a third of needs",
            "The programme will run until the end of the year",
        ),
        sentences=(
            "{org} teams distributed shelter kits, blankets and hygiene items to {n},000 people "
            "in {city} this week.",
            "Heavy rains since early March have destroyed roads and bridges, cutting off several "
            "districts from markets and clinics.",
            "The new centre in {city} will offer vaccinations, mental health support and legal "
            "counselling to some {m} people a day.",
            "Many of the families arrived with nothing and are staying in schools and mosques "
            "that were never meant to host them.",
            "The response plan for {country} is only {m} per cent funded, and food rations "
            "could be cut by half from next month.",
            "Local authorities, community leaders and volunteers have joined the effort to "
            "register new arrivals and trace missing relatives.",
            "Since January, more than {n},000 people have returned to their areas of origin, "
            "where homes, schools and water points need repair.",
        ),
        narrative_quote="The mayor of {city} called the new centre “a lifeline for our "
        "community” and promised land for a second site.",
        quotes=(
            "Families here have lost everything, and they need our help now, not in six months",
            "This centre shows what we can achieve when authorities and communities work together",
            "We are deeply concerned about the funding gap, which puts lives at risk",
        ),
        speakers=(
            Person("Amina Yusuf", True, ""),
            Person("Daniel Okafor", False, ""),
            Person("Sarah Lindqvist", True, ""),
            Person("Jorge Alvarez", False, ""),
            Person("Mei Tanaka", True, ""),
            Person("Tomás O’Connell", False, ""),
        ),
        roles=(
            "IOM Chief of Mission in {country}",
            "UNHCR Representative in {country}",
            "WHO Regional Emergency Director",
            "Head of the {city} Sub-Office",
        ),
        contacts=(
            Person("Grace Mwangi", True, "gmwangi"),
            Person("Peter Hall", False, "phall"),
            Person("Leila Haddad", True, "lhaddad"),
            Person("Ravi Menon", False, "rmenon"),
        ),
        contact_roles=(
            "Media and Communications Officer",
            "Spokesperson",
            "Public Information Officer",
        ),
        offices=("IOM Country Office in {country}", "Regional Office for East Africa"),
        notes=(
            "Photos and video of the distribution are available for download on the media page.",
            "Interviews with staff in {city} can be arranged on request.",
        ),
        about="{org} works with governments and partners to ensure humane and orderly "
        "migration for the benefit of all.",
        chrome_before=(
            "Skip to main content",
            "Home",
            "Our work",
            "Our work",
            "News",
            "Press releases",
        ),
        chrome_after=(
            "Share this",
            "Facebook",
            "Twitter",
            "Related news",
            "IOM welcomes new pledges at donor conference",
            "This website uses cookies to improve your experience. Accept",
            "© 2026 International Organization for Migration",
        ),
    ),
    "fr": Words(
        orgs=(("l’OIM", "OIM"), ("le HCR", "HCR"), ("l’OMS", "OMS")),
        headlines=(
            "L’OIM renforce son soutien à {n} 000 personnes déplacées par les inondations "
            "en {country}",
            "Un nouveau programme d’aide en espèces atteint les familles de retour au {country}",
            "Un centre de santé pour les migrants ouvre ses portes à {city}",
            "Nombre record de personnes déplacées : un financement urgent est nécessaire",
        ),
        subheadlines=(
            "Les agences préviennent que les fonds couvrent moins d’un tiers des besoins",
            "Le programme se poursuivra jusqu’à la fin de l’année",
        ),
        sentences=(
            "Les équipes de {org} ont distribué cette semaine des abris, des couvertures et des "
            "kits d’hygiène à {n} 000 personnes à {city}.",
            "Les fortes pluies tombées depuis début mars ont détruit des routes et des ponts, "
            "coupant plusieurs districts des marchés et des centres de santé.",
            "Le nouveau centre de {city} offrira des vaccinations, un soutien psychologique et "
            "des conseils juridiques à quelque {m} personnes par jour.",
            "Beaucoup de familles sont arrivées sans rien et logent dans des écoles qui "
            "n’étaient pas prévues pour les accueillir.",
            "Le plan de réponse pour le pays n’est financé qu’à {m} pour cent, et les rations "
            "alimentaires pourraient être réduites de moitié dès le mois prochain.",
            "Les autorités locales, les chefs communautaires et les bénévoles participent à "
            "l’enregistrement des nouveaux arrivants.",
            "Depuis janvier, plus de {n} 000 personnes sont rentrées dans leurs régions "
            "d’origine, où les maisons et les écoles doivent être réparées.",
        ),
        narrative_quote="Le maire de {city} a qualifié le centre de « bouée de sauvetage pour "
        "notre communauté » et a promis un terrain pour un second site.",
        quotes=(
            "Les familles ont tout perdu et elles ont besoin de notre aide maintenant, pas dans "
            "six mois",
            "Ce centre montre ce que nous pouvons accomplir lorsque les autorités et les "
            "communautés travaillent ensemble",
            "Nous sommes très préoccupés par le déficit de financement, qui met des vies en danger",
        ),
        speakers=(
            Person("Aminata Diallo", True, ""),
            Person("Jean-Baptiste Moreau", False, ""),
            Person("Claire Dubois", True, ""),
            Person("Olivier Mensah", False, ""),
            Person("Fatou Ndiaye", True, ""),
            Person("Pär Liljert", False, ""),
        ),
        roles=(
            "cheffe de mission de l’OIM au {country}",
            "Représentant du HCR au {country}",
            "Directeur régional des urgences de l’OMS",
            "Responsable du bureau de {city}",
        ),
        contacts=(
            Person("Sophie Laurent", True, "slaurent"),
            Person("Marc Lefèvre", False, "mlefevre"),
            Person("Nadia Benali", True, "nbenali"),
            Person("Ellen Wong", True, "ewong"),
        ),
        contact_roles=(
            "Chargée de communication",
            "Porte-parole",
            "Chargé de l’information publique",
        ),
        offices=("Bureau de l’OIM au {country}", "Bureau régional pour l’Afrique de l’Ouest"),
        notes=(
            "Des photos et des vidéos de la distribution sont disponibles sur la page médias.",
            "Des entretiens avec le personnel à {city} peuvent être organisés sur demande.",
        ),
        about="{org} travaille avec les gouvernements et ses partenaires pour une migration "
        "humaine et ordonnée qui profite à tous.",
        chrome_before=(
            "Aller au contenu principal",
            "Accueil",
            "Notre travail",
            "Notre travail",
            "Actualités",
            "Communiqués de presse",
        ),
        chrome_after=(
            "Partager",
            "Facebook",
            "Articles connexes",
            "L’OIM salue les nouvelles promesses de dons",
            "Ce site utilise des cookies pour améliorer votre expérience. Accepter",
            "© 2026 Organisation internationale pour les migrations",
        ),
    ),
    "es": Words(
        orgs=(("la OIM", "OIM"), ("ACNUR", "ACNUR"), ("la OMS", "OMS")),
        headlines=(
            "La OIM amplía su apoyo a {n} 000 personas desplazadas por las inundaciones "
            "en {country}",
            "Un nuevo programa de ayuda en efectivo llega a las familias que regresan a {country}",
            "Abre en {city} un centro de salud para personas migrantes",
            "Cifra récord de personas desplazadas: se necesita financiación urgente",
        ),
        subheadlines=(
            "Las agencias advierten que los fondos cubren menos de un tercio de las necesidades",
            "El programa se mantendrá hasta finales de año",
        ),
        sentences=(
            "Los equipos de {org} distribuyeron esta semana refugios, mantas y kits de higiene "
            "a {n} 000 personas en {city}.",
            "Las intensas lluvias desde principios de marzo han destruido carreteras y puentes, "
            "y han dejado aislados a varios distritos.",
            "El nuevo centro de {city} ofrecerá vacunas, apoyo psicosocial y asesoría jurídica "
            "a unas {m} personas al día.",
            "Muchas familias llegaron sin nada y se alojan en escuelas que no estaban "
            "preparadas para recibirlas.",
            "El plan de respuesta para el país solo está financiado en un {m} por ciento, y las "
            "raciones de alimentos podrían reducirse a la mitad.",
            "Las autoridades locales, los líderes comunitarios y los voluntarios colaboran en "
            "el registro de las personas recién llegadas.",
            "Desde enero, más de {n} 000 personas han regresado a sus lugares de origen, donde "
            "las viviendas y las escuelas necesitan reparaciones.",
        ),
        narrative_quote="La alcaldesa de {city} calificó el centro como «un salvavidas para "
        "nuestra comunidad» y prometió un terreno para una segunda sede.",
        quotes=(
            "Las familias lo han perdido todo y necesitan nuestra ayuda ahora, no dentro de seis "
            "meses",
            "Este centro demuestra lo que podemos lograr cuando las autoridades y las "
            "comunidades trabajan juntas",
            "Nos preocupa profundamente la falta de fondos, que pone vidas en peligro",
        ),
        speakers=(
            Person("Ana María López", True, ""),
            Person("Carlos Herrera", False, ""),
            Person("Lucía Fernández", True, ""),
            Person("Diego Ramírez", False, ""),
            Person("Valentina Rojas", True, ""),
            Person("Andrés Castillo", False, ""),
        ),
        roles=(
            "jefa de misión de la OIM en {country}",
            "representante de ACNUR en {country}",
            "director regional de emergencias de la OMS",
            "responsable de la oficina de {city}",
        ),
        contacts=(
            Person("Isabel Moreno", True, "imoreno"),
            Person("Javier Torres", False, "jtorres"),
            Person("Paula Vidal", True, "pvidal"),
            Person("Miguel Santos", False, "msantos"),
        ),
        contact_roles=("Oficial de comunicación", "Portavoz", "Oficial de información pública"),
        offices=("Oficina de la OIM en {country}", "Oficina regional para las Américas"),
        notes=(
            "Las fotos y los vídeos de la distribución están disponibles en la página de prensa.",
            "Se pueden organizar entrevistas con el personal en {city} previa solicitud.",
        ),
        about="{org} trabaja con los gobiernos y sus socios para lograr una migración humana "
        "y ordenada en beneficio de todos.",
        chrome_before=(
            "Ir al contenido principal",
            "Inicio",
            "Nuestro trabajo",
            "Nuestro trabajo",
            "Noticias",
            "Comunicados de prensa",
        ),
        chrome_after=(
            "Compartir",
            "Facebook",
            "Noticias relacionadas",
            "La OIM celebra los nuevos compromisos de los donantes",
            "Este sitio web utiliza cookies para mejorar su experiencia. Aceptar",
            "© 2026 Organización Internacional para las Migraciones",
        ),
    ),
}
