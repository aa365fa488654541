"""Held-out releases in French."""

from __future__ import annotations

import datetime as dt

from tests.importing.heldout.model import C, Held, Q

RELEASES: list[Held] = [
    Held(
        key="fr1",
        lang="fr",
        agency="OIM",
        headline="L'OIM aide 3 000 migrants bloqués en Libye à rentrer chez eux",
        dateline="GENÈVE, 16 juillet 2013 (OIM) –",
        city="Genève",
        country="CH",
        date=dt.date(2013, 7, 16),
        body=(
            "L'Organisation internationale pour les migrations (OIM) a organisé depuis janvier "
            "le retour volontaire de plus de 3 000 migrants bloqués en Libye vers le Niger, le "
            "Mali, le Tchad et le Soudan.",
            "Les migrants, dont beaucoup avaient été détenus pendant plusieurs mois, ont reçu "
            "une aide médicale, des vêtements et une allocation de réinstallation à leur "
            "arrivée.",
            Q(
                "Nombre de ces hommes et de ces femmes n'avaient plus aucun moyen de rentrer "
                "par leurs propres moyens",
                "Jean-Philippe Chauzy",
                "porte-parole de l'OIM",
                "« {text} », a déclaré {speaker}, {role}.",
            ),
            "L'OIM prévoit d'aider 2 000 autres migrants d'ici à la fin de l'année, sous "
            "réserve de financement.",
            "Ce programme est financé par l'Union européenne et le Gouvernement italien.",
        ),
        end="-FIN-",
        end_after_contacts=False,
        contacts_heading="Pour plus d'informations, veuillez contacter :",
        contacts=(C("Jumbe Omari Jumbe", "OIM Genève", "jjumbe@iom.int", "+41 22 717 94 05"),),
        labels=("Courriel :", "Tél. :"),
    ),
    Held(
        key="fr2",
        lang="fr",
        agency="HCR",
        top=("COMMUNIQUÉ DE PRESSE",),
        headline="Sahel : le HCR s'alarme du nombre record de personnes déplacées",
        subheadline="Plus de 4,2 millions de personnes ont fui leur foyer dans la région du "
        "Sahel central",
        dateline="DAKAR, Sénégal, 5 mars 2026 –",
        city="Dakar",
        country="SN",
        date=dt.date(2026, 3, 5),
        body=(
            "Le Haut Commissariat des Nations Unies pour les réfugiés (HCR) s'alarme de "
            "l'aggravation de la crise de déplacement au Burkina Faso, au Mali et au Niger, où "
            "les violences ont forcé **plus de 4,2 millions de personnes** à fuir.",
            "Au cours des seuls deux premiers mois de l'année, 180 000 personnes ont été "
            "nouvellement déplacées, selon les chiffres des autorités nationales.",
            Q(
                "Derrière ces chiffres, il y a des familles qui ont tout perdu et qui vivent "
                "dans la peur d'une nouvelle attaque",
                "Abdouraouf Gnon-Konde",
                "directeur régional du HCR pour l'Afrique de l'Ouest et du Centre",
                "« {text} », a déclaré {speaker}, {role}.",
            ),
            "Les pays voisins, notamment la Mauritanie et la Côte d'Ivoire, accueillent un "
            "nombre croissant de réfugiés.",
            Q(
                "Nous partageons ce que nous avons, mais nos réserves sont épuisées",
                "Mariam Diallo",
                "cheffe de village à Mbera",
                "Pour {speaker}, {role} : « {text}. »",
            ),
            "Le HCR appelle la communauté internationale à renforcer son soutien. Son appel "
            "pour la région n'est financé qu'à 12 %.",
            "Pour en savoir plus, consultez la [page régionale du HCR]"
            "(https://hcr.example.org/sahel).",
        ),
        contacts_heading="Contacts presse",
        contacts=(
            C("Fatoumata Lejeune-Kaba", "Dakar", "lejeune@unhcr.org", "+221 77 333 12 58"),
            C("Babar Baloch", "Genève", "baloch@unhcr.org", "+41 79 557 91 06"),
        ),
        contact_style="table",
    ),
    Held(
        key="fr3",
        lang="fr",
        agency="PAM",
        headline="Niger : le PAM contraint de réduire ses rations faute de financement",
        dateline="Niamey, le 10 février 2026 –",
        city="Niamey",
        country="NE",
        date=dt.date(2026, 2, 10),
        body=(
            "Le Programme alimentaire mondial des Nations Unies (PAM) est contraint de réduire "
            "de moitié les rations distribuées à 1,3 million de personnes au Niger à partir "
            "du mois de mars.",
            "Le PAM a besoin de 96 millions de dollars américains pour maintenir son "
            "assistance jusqu'à la fin de la période de soudure en septembre.",
            "Les régions de Tillabéri et de Diffa sont les plus touchées, avec des taux de "
            "malnutrition aiguë supérieurs au seuil d'urgence de 15 %.",
            Q(
                "Réduire les rations au moment où les familles en ont le plus besoin est une "
                "décision que personne ne veut prendre",
                "Margot van der Velden",
                "",
                "« {text} », souligne {speaker}.",
            ),
            "Le PAM soutient également des programmes de résilience dans 35 communes, qui ont "
            "permis de réhabiliter 12 000 hectares de terres dégradées.",
            "Les cantines scolaires financées par le PAM nourrissent 180 000 élèves.",
            "Le PAM remercie ses partenaires, dont l'Allemagne, la France et l'Union européenne.",
        ),
        end="FIN",
        contacts_heading="Pour plus d'informations, veuillez contacter (prénom.nom@wfp.org) :",
        contacts=(
            C("Aïssatou Mahamadou", "PAM/Niamey", "aissatou.mahamadou@wfp.org", "+227 90 12 34 56"),
            C(
                "Djaounsede Madjiangar",
                "PAM/Dakar",
                "djaounsede.madjiangar@wfp.org",
                "+221 77 639 42 63",
            ),
        ),
        labels=("Courriel :", "Portable :"),
        notes_heading="À propos du PAM",
        notes=(
            "Le Programme alimentaire mondial des Nations Unies est la plus grande organisation "
            "humanitaire au monde qui sauve des vies dans les situations d'urgence.",
        ),
        title_style=False,
    ),
    Held(
        key="fr4",
        lang="fr",
        agency="OMS",
        top=("POUR DIFFUSION IMMÉDIATE",),
        headline="Mpox : l'OMS déploie des équipes d'urgence dans trois provinces de la RDC",
        dateline="BRAZZAVILLE, 03/04/2026 –",
        city="Brazzaville",
        country="CG",
        date=dt.date(2026, 4, 3),
        body=(
            "L'Organisation mondiale de la Santé (OMS) a déployé 40 experts en épidémiologie, "
            "en prévention des infections et en communication des risques dans les provinces "
            "de l'Équateur, du Sud-Kivu et du Sankuru.",
            Q(
                "Nous devons détecter les cas plus tôt et les isoler plus vite",
                "Dr Mohamed Janabi",
                "directeur régional de l'OMS pour l'Afrique",
                "« {text} », a déclaré le {speaker}, {role}.",
            ),
            "Depuis janvier, 9 400 cas suspects et 312 décès ont été notifiés.",
            Q(
                "Les agents de santé communautaires sont notre première ligne de défense",
                "Dr Boureima Hama Sambo",
                "représentant de l'OMS en République démocratique du Congo",
                "« {text} », a ajouté le {speaker}, {role}.",
            ),
            Q(
                "Le vaccin est arrivé, maintenant il faut l'acheminer",
                "Dr Roger Kamba",
                "ministre de la Santé",
                "Le {speaker}, {role}, a rappelé : « {text}. »",
            ),
            "Les équipes appuieront aussi la vaccination de 200 000 personnes à risque.",
        ),
        end="###",
        contacts_heading="Contacts médias :",
        contacts=(
            C(
                "Collins Boakye-Agyemang",
                "Chargé de communication, OMS Afrique",
                "boakyeagyemangc@who.int",
                "+242 06 508 1024",
            ),
        ),
        labels=("Courriel :", "Tél. :"),
    ),
    Held(
        key="fr5",
        lang="fr",
        agency="UNICEF",
        top=("SOUS EMBARGO jusqu'au 22 janvier 2026 à 00 h 01 GMT",),
        headline="Haïti : un enfant sur quatre a besoin d'une aide humanitaire d'urgence",
        subheadline="L'UNICEF lance un appel de 221 millions de dollars pour 2026",
        dateline="Port-au-Prince (Haïti), 22 janvier 2026 –",
        city="Port-au-Prince",
        country="HT",
        date=dt.date(2026, 1, 22),
        body=(
            "Près de 1,6 million d'enfants en Haïti ont besoin d'une aide humanitaire, a "
            "indiqué aujourd'hui l'UNICEF en lançant son appel pour 2026.",
            "La violence armée a contraint plus de 700 000 personnes à quitter leur foyer, dont "
            "la moitié sont des enfants.",
            "Les cas de malnutrition aiguë sévère ont augmenté de 30 % en un an.",
            Q(
                "Les enfants d'Haïti vivent un cauchemar qui n'en finit pas",
                "Catherine Russell",
                "directrice générale de l'UNICEF",
                "« {text} », a déclaré {speaker}, {role}.",
            ),
            "Dans les sites de déplacement de Port-au-Prince, l'UNICEF fournit chaque jour de "
            "l'eau potable à 120 000 personnes.",
            "Avec ses partenaires, l'UNICEF a permis à 65 000 enfants de poursuivre leur "
            "scolarité dans des espaces d'apprentissage temporaires.",
            Q(
                "Avec des moyens suffisants, nous pouvons changer le cours des choses",
                "Geeta Narayan",
                "représentante de l'UNICEF en Haïti",
                "« {text} », a affirmé {speaker}, {role}.",
            ),
            "L'appel de 2026 vise à atteindre 2,1 millions de personnes, dont 1,2 million "
            "d'enfants.",
            "Le rapport complet est disponible *en ligne* sur le "
            "[site de l'UNICEF](https://unicef.example.org/haiti2026).",
            "L'UNICEF remercie ses donateurs pour leur soutien constant.",
        ),
        contacts_heading="Contacts presse",
        contacts=(
            C("Ndiaga Seck", "UNICEF Haïti", "nseck@unicef.org", "+509 3744 6199"),
            C(
                "Sandra Bisin",
                "UNICEF Afrique de l'Ouest",
                "sbisin@unicef.org",
                "+221 77 819 23 00",
            ),
        ),
        labels=("Courriel :", "Tél. :"),
        notes_heading="Note aux rédactions",
        notes=(
            "Des photos et des vidéos sont disponibles ici : "
            "[médiathèque](https://unicef.example.org/media).",
        ),
    ),
]
