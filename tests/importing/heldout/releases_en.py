"""Held-out releases in English."""

from __future__ import annotations

import datetime as dt

from tests.importing.heldout.model import C, Held, Q

RELEASES: list[Held] = [
    Held(
        key="en1",
        lang="en",
        agency="IOM",
        letterhead="International Organization for Migration (IOM) – Kenya Country Office",
        top=("FOR IMMEDIATE RELEASE",),
        headline="Drought Pushes 120,000 Herders Across Kenya's Northern Borders, IOM Data Shows",
        subheadline="Displacement Tracking Matrix records sharpest rise in cross-border movement "
        "since 2017",
        dateline="NAIROBI, Kenya, 3 March 2026 –",
        city="Nairobi",
        country="KE",
        date=dt.date(2026, 3, 3),
        body=(
            "More than 120,000 pastoralists and their families have crossed between Kenya, "
            "Ethiopia and Somalia since November in search of water and pasture, according to "
            "new data released today by the International Organization for Migration (IOM).",
            "The figures, collected at 14 flow monitoring points along the borders, show that "
            "**nearly two thirds of those on the move are women and children**, many of whom "
            "have walked for more than a week.",
            Q(
                "Families are selling the last of their livestock to pay for the journey, and "
                "they arrive with nothing",
                "Amina Waweru",
                "IOM Chief of Mission in Kenya",
                "“{text},” said {speaker}, {role}.",
            ),
            "Mandera and Wajir counties host the largest numbers of new arrivals. Water "
            "trucking in the two counties is funded only until the end of April.",
            Q(
                "We need to reach these communities before the long rains fail again",
                "Peter Odhiambo",
                "IOM Regional Data Coordinator",
                "“{text},” added {speaker}, {role}.",
            ),
            "IOM is appealing for USD 18 million to provide water, shelter and health care to "
            "the displaced over the next six months. The full report is available on the "
            "[DTM portal](https://dtm.example.org/kenya-drought-2026).",
            "The data will be updated every two weeks until the end of the lean season.",
        ),
        end="ENDS",
        contacts_heading="For more information, please contact:",
        contacts=(
            C(
                "Grace Mutua",
                "Communications Officer, IOM Kenya",
                "gmutua@iom.int",
                "+254 722 410 337",
            ),
            C(
                "Tom Keller",
                "Media and Communications, IOM Regional Office",
                "tkeller@iom.int",
                "+254 733 902 118",
            ),
        ),
        labels=("Email:", "Tel.:"),
        notes_heading="Notes to editors",
        notes=("Photos and b-roll from Mandera are available for free use with credit to IOM.",),
    ),
    Held(
        key="en2",
        lang="en",
        agency="UNHCR",
        top=("Briefing notes", "5 March 2026"),
        headline="Refugees continue to flee fighting in eastern DR Congo into Burundi",
        dateline="Geneva – ",
        city="Geneva",
        country="CH",
        date=dt.date(2026, 3, 5),
        body=(
            "This is a summary of what was said by UNHCR spokesperson Olga Sarrado Mur – to "
            "whom quoted text may be attributed – at today's press briefing at the Palais des "
            "Nations in Geneva.",
            "Since the start of February, more than 42,000 people have crossed from South Kivu "
            "into Burundi, most of them through the Gatumba border point. Many arrive "
            "exhausted and with wounds sustained during the fighting.",
            Q(
                "The transit centres are now holding five times the number of people they were "
                "built for, and we are running out of space, water and time",
                "Olga Sarrado Mur",
                "UNHCR spokesperson",
                "Speaking in Geneva, {speaker}, {role}, said: “{text}.”",
            ),
            "UNHCR and the Government of Burundi are relocating new arrivals to Musenyi "
            "refugee settlement, but road access has been cut by heavy rains.",
            "UNHCR's appeal for the Democratic Republic of the Congo situation is only 9 per "
            "cent funded.",
        ),
        contacts_heading="For more information on this topic, please contact:",
        contacts=(
            C("Olga Sarrado Mur", "Geneva", "sarrado@unhcr.org", "+41 79 740 25 51"),
            C("Eujin Byun", "Nairobi", "byun@unhcr.org", "+254 113 427 094"),
        ),
        contact_style="oneline",
        title_style=False,
    ),
    Held(
        key="en3",
        lang="en",
        agency="WHO",
        top=("EMBARGOED UNTIL 00:01 GMT, 28 March 2026",),
        headline="Cholera vaccination campaign to reach 900,000 people in Cox's Bazar camps",
        subheadline="Oral vaccine doses arrive as cases rise for a third consecutive week",
        dateline="COX'S BAZAR, Bangladesh, 28/03/2026 –",
        city="Cox's Bazar",
        country="BD",
        date=dt.date(2026, 3, 28),
        body=(
            "The World Health Organization (WHO) and the Ministry of Health and Family Welfare "
            "of Bangladesh will begin a **ten-day oral cholera vaccination campaign** on "
            "Sunday in the Rohingya refugee camps and surrounding host communities.",
            "Since January, 1,284 suspected cases of acute watery diarrhoea have been reported "
            "in the camps, including 11 deaths. Laboratory testing has confirmed cholera in 46 "
            "samples.",
            Q(
                "Vaccination, together with clean water and sanitation, is the fastest way to "
                "stop this outbreak",
                "Dr Rajesh Sambhara",
                "WHO Representative to Bangladesh",
                "“{text},” said {speaker}, {role}.",
            ),
            "Around 1,100 vaccinators and community volunteers have been trained. Vaccination "
            "teams will go door to door as well as working from fixed sites.",
            Q(
                "Our volunteers speak the language of the families they visit, and that "
                "builds trust",
                "Nurul Amin",
                "camp health volunteer",
                "“{text},” said {speaker}, a {role}.",
            ),
            "The 1.8 million doses were provided by the *International Coordinating Group on "
            "Vaccine Provision* and delivered with support from Gavi, the Vaccine Alliance.",
            Q(
                "This campaign shows what is possible when partners move quickly",
                "Sharmin Akter",
                "Civil Surgeon, Cox's Bazar",
                "“{text},” said {speaker}, {role}.",
            ),
            "WHO is also supporting three cholera treatment centres with 160 beds.",
            "More information on cholera is available at "
            "[who.example.int/cholera](https://who.example.int/cholera).",
        ),
        end="###",
        contacts_heading="Media contacts",
        contacts=(
            C(
                "Farhana Rahman",
                "Communications Officer, WHO Bangladesh",
                "rahmanf@who.int",
                "+880 1713 044 560",
            ),
            C("Christian Lindmeier", "WHO Geneva", "lindmeierch@who.int", "+41 79 500 65 52"),
        ),
        contact_style="table",
    ),
    Held(
        key="en4",
        lang="en",
        agency="WFP",
        headline="WFP warns of pipeline break in Mozambique as funding runs dry",
        dateline="MAPUTO, 14 February 2026 —",
        city="Maputo",
        country="MZ",
        date=dt.date(2026, 2, 14),
        body=(
            "The United Nations World Food Programme (WFP) will be forced to cut food "
            "assistance to 600,000 people in northern Mozambique from April unless new "
            "funding is received urgently.",
            "WFP needs US$42 million to continue assistance in Cabo Delgado, Niassa and "
            "Nampula provinces until the next harvest.",
            "Ration cuts introduced last year have already left families eating one meal a "
            "day. Nutrition screening in Mocímboa da Praia found that **one child in five** "
            "was acutely malnourished.",
            Q(
                "We have stretched every dollar we have. Without new contributions, the food "
                "will simply stop",
                "Antonella D'Aprile",
                "",
                "“{text},” said {speaker}.",
            ),
            "In 2025, WFP assisted 1.2 million people in Mozambique with food, cash and "
            "nutrition support.",
            "WFP thanks its donors, including the European Union, Germany, Japan and the "
            "United States, for their continued support.",
            "Cyclone season runs until the end of March, and WFP has pre-positioned 2,000 "
            "tonnes of food in Pemba.",
            "The agency also supports school meals for 250,000 children in the province.",
        ),
        contacts_heading="For more information please contact (email address: "
        "firstname.lastname@wfp.org):",
        contacts=(
            C("Cesar Goncalves", "WFP/Maputo", "cesar.goncalves@wfp.org", "+258 84 500 7722"),
        ),
        labels=("Email:", "Mob:"),
        notes_heading="About WFP",
        notes=(
            "The United Nations World Food Programme is the world's largest humanitarian "
            "organization saving lives in emergencies and using food assistance to build a "
            "pathway to peace, stability and prosperity.",
        ),
        end_after_contacts=True,
    ),
    Held(
        key="en5",
        lang="en",
        agency="UNICEF",
        headline="Half a million children in Haiti out of school as violence spreads",
        subheadline="UNICEF calls for schools to be protected from attack",
        dateline="PORT-AU-PRINCE, Haiti, 2 April 2026 –",
        city="Port-au-Prince",
        country="HT",
        date=dt.date(2026, 4, 2),
        body=(
            "More than 500,000 children in Haiti have had their education interrupted since "
            "January as armed violence has forced 1,100 schools to close, UNICEF said today.",
            Q(
                "Every day a school stays closed, children are exposed to recruitment by armed "
                "groups",
                "Geeta Narayan",
                "UNICEF Representative in Haiti",
                "“{text},” said {speaker}, {role}.",
            ),
            "UNICEF is supporting 250 temporary learning spaces in displacement sites in the "
            "capital and the Artibonite department.",
            Q(
                "I want to go back to my school, my friends are there",
                "Mirlande",
                "",
                "“{text},” said {speaker}, 12, who lives in a displacement site in Delmas.",
            ),
            "UNICEF's 2026 appeal for Haiti seeks US$221 million, of which 6 per cent has been "
            "received.",
        ),
        end="***",
        contacts_heading="Media contacts",
        contacts=(
            C("Ndiaga Seck", "UNICEF Haiti", "nseck@unicef.org", "+509 3744 6199"),
            C("Joe English", "UNICEF New York", "jenglish@unicef.org", "+1 917 893 0692"),
        ),
        labels=("Email:", "Tel:"),
        title_style=False,
    ),
]
