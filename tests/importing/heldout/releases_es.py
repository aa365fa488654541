"""Held-out releases in Spanish."""

from __future__ import annotations

import datetime as dt

from tests.importing.heldout.model import C, Held, Q

RELEASES: list[Held] = [
    Held(
        key="es1",
        lang="es",
        agency="OIM",
        headline="La OIM registra un aumento del 40 % en los cruces por el Darién en 2026",
        subheadline="Niñas, niños y adolescentes representan una de cada cinco personas",
        dateline="Bogotá, 5 de marzo de 2026.-",
        city="Bogotá",
        country="CO",
        date=dt.date(2026, 3, 5),
        body=(
            "La Organización Internacional para las Migraciones (OIM) registró 61.000 cruces "
            "por la selva del Darién entre enero y febrero, un 40 % más que en el mismo "
            "periodo del año anterior.",
            "La mayoría de las personas migrantes proceden de Venezuela, Ecuador y Haití, y "
            "cada vez más viajan en familia.",
            Q(
                "Nadie debería arriesgar su vida en la selva para buscar un futuro mejor",
                "Gerard Gallucci",
                "jefe de misión de la OIM en Colombia",
                "“{text}”, afirmó {speaker}, {role}.",
            ),
            "La OIM presta asistencia en Necoclí y Capurganá con agua, alimentos, atención "
            "médica y orientación sobre rutas seguras.",
            Q(
                "Las comunidades de acogida también necesitan apoyo",
                "Luz Marina Restrepo",
                "alcaldesa de Necoclí",
                "“{text}”, agregó {speaker}, {role}.",
            ),
            "Los datos completos están disponibles en el **tablero de movilidad** de la OIM.",
            "La OIM insta a los Estados de la región a ampliar las vías regulares de migración.",
        ),
        contacts_heading="Para más información, contactar a:",
        contacts=(
            C(
                "Karen Ramírez",
                "Oficial de Comunicaciones, OIM Colombia",
                "kramirez@iom.int",
                "+57 310 555 0142",
            ),
        ),
        labels=("Correo:", "Teléfono:"),
    ),
    Held(
        key="es2",
        lang="es",
        agency="ACNUR",
        top=("COMUNICADO DE PRENSA",),
        headline="ACNUR y Panamá abren un nuevo centro de recepción para personas refugiadas",
        subheadline="El centro de Lajas Blancas podrá acoger a 1.500 personas",
        dateline="CIUDAD DE PANAMÁ, Panamá, 11 de febrero de 2026 –",
        city="Ciudad de Panamá",
        country="PA",
        date=dt.date(2026, 2, 11),
        body=(
            "La Agencia de la ONU para los Refugiados (ACNUR) y el Gobierno de Panamá "
            "inauguraron hoy un nuevo centro de recepción en Lajas Blancas, en la provincia "
            "de Darién.",
            Q(
                "Este centro permitirá identificar a quienes necesitan protección internacional "
                "y darles una respuesta digna",
                "Roberto Mignone",
                "representante de ACNUR en Panamá",
                "«{text}», señaló {speaker}, {role}.",
            ),
            "El centro cuenta con áreas para familias, espacios amigables para la niñez y un "
            "puesto de salud.",
            "ACNUR ha desplegado 25 especialistas en protección para apoyar a las autoridades "
            "migratorias.",
            Q(
                "Panamá reafirma su compromiso con la protección de las personas refugiadas",
                "Dinoska Montalvo",
                "",
                "«{text}», dijo {speaker}.",
            ),
        ),
        end="***",
        contacts_heading="Contactos de prensa:",
        contacts=(
            C("Sibylla Brodzinsky", "ACNUR Américas", "brodzins@unhcr.org", "+507 6382 7815"),
            C("Daniela Rojas", "ACNUR Panamá", "rojasd@unhcr.org", "+507 6612 0348"),
        ),
        contact_style="table",
        title_style=False,
    ),
    Held(
        key="es3",
        lang="es",
        agency="OPS",
        headline="La OPS refuerza la vigilancia del dengue en Perú tras récord de casos",
        dateline="Lima, Perú, 20/01/2026 —",
        city="Lima",
        country="PE",
        date=dt.date(2026, 1, 20),
        body=(
            "La Organización Panamericana de la Salud (OPS) envió un equipo de expertos a Piura "
            "y Tumbes para apoyar la respuesta al brote de dengue, que ya suma 48.000 casos "
            "este año.",
            "El equipo apoyará la organización de los servicios de salud, el manejo clínico y "
            "el control del mosquito *Aedes aegypti*.",
            Q(
                "Detectar a tiempo los signos de alarma salva vidas",
                "Jarbas Barbosa",
                "director de la OPS",
                "Según {speaker}, {role}: “{text}”.",
            ),
            "La OPS recomienda eliminar los criaderos de mosquitos en las viviendas y acudir "
            "al centro de salud ante fiebre alta.",
            "Más información en [paho.example.org/dengue](https://paho.example.org/dengue).",
        ),
        contacts_heading="Contacto:",
        contacts=(C("Daniel Epstein", "OPS Washington", "epsteind@paho.org", "+1 202 974 3579"),),
        contact_style="oneline",
        notes_heading="Acerca de la OPS",
        notes=(
            "La Organización Panamericana de la Salud trabaja con los países de las Américas "
            "para mejorar la salud y la calidad de vida de su población.",
        ),
    ),
    Held(
        key="es4",
        lang="es",
        agency="PMA",
        headline="El PMA asiste a 300.000 personas afectadas por las inundaciones en Honduras",
        dateline="Tegucigalpa, 8 de noviembre de 2026 –",
        city="Tegucigalpa",
        country="HN",
        date=dt.date(2026, 11, 8),
        body=(
            "El Programa Mundial de Alimentos de las Naciones Unidas (PMA) comenzó a "
            "distribuir alimentos y transferencias de efectivo a 300.000 personas afectadas "
            "por las inundaciones en el valle de Sula.",
            "Las lluvias torrenciales de la última semana destruyeron 14.000 viviendas y "
            "miles de hectáreas de cultivos.",
            Q(
                "Las familias lo han perdido todo, incluso las semillas para la próxima siembra",
                "Giorgia Testolin",
                "directora del PMA en Honduras",
                "“{text}”, explicó {speaker}, {role}.",
            ),
            "El PMA ha movilizado 1.200 toneladas de alimentos desde sus almacenes de San "
            "Pedro Sula.",
            Q(
                "Gracias a la ayuda pudimos dar de comer a nuestros hijos",
                "Rosa Maldonado",
                "",
                "“{text}”, relató {speaker}, vecina de La Lima.",
            ),
            "Para mantener la respuesta durante los próximos tres meses, el PMA necesita "
            "**US$ 12 millones**.",
            Q(
                "El Gobierno trabaja de la mano con el sistema de Naciones Unidas",
                "Cristina Martínez",
                "comisionada de COPECO",
                "{speaker}, {role}, aseguró: “{text}”.",
            ),
            "El PMA trabaja junto a la Comisión Permanente de Contingencias (COPECO) y la Cruz "
            "Roja Hondureña.",
            "Las distribuciones continuarán hasta finales de enero.",
        ),
        end="-FIN-",
        end_after_contacts=True,
        contacts_heading="Para más información, por favor contactar a (nombre.apellido@wfp.org):",
        contacts=(
            C(
                "Francisco Fernández",
                "PMA Honduras",
                "francisco.fernandez@wfp.org",
                "+504 9450 1123",
            ),
            C("Alejandra Castro", "PMA/Panamá", "alejandra.castro@wfp.org", "+507 6670 0290"),
        ),
        labels=("Correo electrónico:", "Cel.:"),
    ),
    Held(
        key="es5",
        lang="es",
        agency="UNICEF",
        top=("Para publicación inmediata",),
        headline="UNICEF vacunará a 1,2 millones de niños contra el sarampión en Venezuela",
        dateline="CARACAS, 3 de septiembre de 2026 (UNICEF) –",
        city="Caracas",
        country="VE",
        date=dt.date(2026, 9, 3),
        body=(
            "UNICEF y el Ministerio del Poder Popular para la Salud iniciaron hoy una campaña "
            "nacional de vacunación contra el sarampión dirigida a 1,2 millones de niñas y "
            "niños de entre 1 y 5 años.",
            "La campaña se desarrollará durante seis semanas en los 24 estados del país.",
            "UNICEF ha adquirido 1,5 millones de dosis y equipos de cadena de frío para "
            "mantener las vacunas en buen estado.",
            Q(
                "Ningún niño debería morir por una enfermedad que se puede prevenir con una vacuna",
                "Hervé Ludovic De Lys",
                "representante de UNICEF en Venezuela",
                "{speaker}, {role}, afirmó: “{text}”.",
            ),
            "Más de 3.000 vacunadores recorrerán casa por casa las comunidades más remotas.",
            "La campaña también incluye la vacunación contra la poliomielitis.",
            "Las familias pueden consultar los puntos de vacunación en "
            "[unicef.example.org/venezuela](https://unicef.example.org/venezuela).",
            "UNICEF agradece el apoyo de Gavi y de la Unión Europea.",
        ),
        contacts_heading="Para más información:",
        contacts=(
            C(
                "Alexandra Hernández",
                "UNICEF Venezuela",
                "ahernandez@unicef.org",
                "+58 412 300 4567",
            ),
        ),
        contact_style="oneline",
    ),
]
