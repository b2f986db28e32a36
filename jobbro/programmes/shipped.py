"""The programmes and projects of the seeds, shipped as data (migration 0002).

Seed by seed, in the wording of the documents (their typing errors mended):
- "najah": Najah, the women's programme (seed 003), with its plan "Bilag 1": the intro week,
  modules 1–7 with their weeks and contents, and an event after modules 1–6 (module 7 is the
  ending);
- "de-internationale": De internationale (seed 001): activities 1–5, actors 1–5, 22 weeks,
  about 20 hours a week, 5 participants, common start;
- "introforloeb": the intro course to the labour market (seed 000, line ~204): 4 weeks,
  offered within 96 hours of settlement;
- "geninvestering": the reinvestment project (seed 004): weeks 1–2 personal interview, 3–9
  teaching, 10–11 internal coordination and job and education; 01.10.2016–31.12.2017; its
  three goals;
- "det-integrerede-liv": the ambassador project (seed 000). Enrolment in it is the
  ambassador's context (`citizens/access.py`).

The seeds give a month as the start ("Okt. 2017", "Februar 2020"): we store its first day.
Seed 000 gives no dates for the ambassador project or the intro course: 01.01.2018 is ours.
Used by migration 0002 (with the historical models) and by tests whose database was flushed
(with the real ones): keep `ship` working on both.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

HEDENSTED = "Hedensted Kommune"

NAJAH_MODULES: list[tuple[int | None, str, int, int, list[str]]] = [
    (
        None,
        "Intro (med tolk)",
        1,
        1,
        [
            "Introduktion til forløbet",
            "Regler for mobiltelefoner og sygdom",
            "Rådighed og udeblivelser",
        ],
    ),
    (
        1,
        "Personlig samtale og udvikling",
        2,
        5,
        [
            "Personlig præsentation",
            "Personlige kompetencer",
            "Erhvervserfaring",
            "Netværk",
            "Inddrage egne fortællinger/flugt (på kort)",
            "Rollemodels historier",
            "Ansvar for eget liv",
            "Tanker om livet i Danmark – Hvad vil det sige at være kvinde i Danmark",
            "Sprog",
        ],
    ),
    (
        2,
        "Rådighed",
        7,
        10,
        [
            "Introduktion til rådighedsbegrebet",
            "NemID, e-Boks, borger.dk mm.",
            "Jobnet.dk – lav adgang fra mobil + tjek jobforslag hver uge",
            "Mødestabilitet",
            "Arbejdstider",
        ],
    ),
    (
        3,
        "Kultur og samfund",
        12,
        15,
        [
            "Kulturelle barrierer – hjemland sammenlignet med Danmark",
            "Forventninger til Danmark",
            "Familiestruktur",
            "Demokrati",
            "Familie vs. arbejde: hvordan hænger det sammen",
            "Institutioner",
            "Ligestilling",
            "Giftemål og skilsmisse",
            "Helligdage",
            "Samfundsøkonomi – skat og moms",
        ],
    ),
    (
        4,
        "Arbejdsmarked i Danmark",
        17,
        20,
        [
            "Liste over gode jobmuligheder uden uddannelse",
            "Ligestilling på arbejdsmarkedet",
            "Kultur på arbejdspladsen",
            "Rettigheder",
            "Privatøkonomi",
            "A-kasse",
            "Fagforening",
        ],
    ),
    (
        5,
        "Uddannelse",
        22,
        26,
        [
            "Hvem kan gå på uddannelse?",
            "Uddannelsesskema – øvelse i på hvilket niveau de og deres familie er",
            "SU",
            "SU-lån",
            "Arbejde og studie (fribeløb)",
        ],
    ),
    (
        6,
        "Tilknytning til arbejdsmarkedet og jobansøgning",
        28,
        32,
        [
            "Motivation til praktik",
            "Brugen af personlige kompetencer på det danske arbejdsmarked",
            "Erhvervserfaring",
            "»Den gode praktik«: fortælling fra rollemodel eller andre",
            "Virksomhedskonsulent inddrages",
            "Jobansøgning",
            "CV",
        ],
    ),
    (
        7,
        "Afslutning",
        34,
        35,
        [
            "Den skabte tilknytning til arbejdsmarkedet, fx ordinært job, uddannelse, praktik "
            "eller anden beskæftigelsesrettet indsats, fastholdes",
            "Projektet Najah afrundes og afsluttes",
            "Afrunding og evaluering",
        ],
    ),
]

# (week, event, the module it follows)
NAJAH_EVENTS = [
    (6, "Bibliotek", 1),
    (11, "Virksomhedsbesøg – plejehjem", 2),
    (16, "Jellingemuseet", 3),
    (21, "Virksomhedsbesøg – supermarked", 4),
    (27, "Den gamle by i Århus", 5),
    (33, "København/Odense", 6),
]

SPOR_6 = (
    "Rollemodelsporet understøtter, at kvinderne bliver mere motiverede, proaktive og "
    "orienterede mod arbejdsmarkedet. Her er antagelsen dobbeltledet. På den ene side er der en "
    "faglig teori om at møde med andre kvinder, der er lykkedes og er integreret på "
    "arbejdsmarkedet, skaber positive billeder hos kvinderne uden for arbejdet, og giver tro på, "
    "at de også kan lykkes. På den anden side, at kvinderne opnår større muligheder for "
    "beskæftigelse, fordi de bliver motiveret og oplever et incitament ved, at de som "
    "familiemedlem og mor kan agere rollemodel for egne børn."
)

NAJAH: dict[str, Any] = {
    "code": "najah",
    "kind": "programme",
    "municipality": "Hedensted",
    "name": "Najah",
    "starts_on": dt.date(2017, 10, 1),
    "summary": (
        "Hovedformålet med indsatsen er at styrke kvindelige flygtninges tilknytning til "
        "Hedensted Kommune, samt give dem et indblik i den danske arbejdsmarkedskultur, og de "
        "demokratiske spilleregler i det danske samfund og i det danske uddannelsessystem. "
        "Projektet er inddelt i tre indsatsområder: personlig udvikling; den danske "
        "arbejdsmarkedsmodel og det danske uddannelsessystem; den reflekterende og praktiske "
        "oplevelse, hvor en af vores rollemodeller kan fortælle sin egen historie."
    ),
    "new_kind": False,
    "hours_per_week": Decimal(4),
    "weeks_per_participant": 35,
    "participants_at_a_time": 10,
    "intake": "common_start",
    "target_group": (
        "Målgruppen er kvinder, som er kommet til Danmark som flygtninge eller "
        "familiesammenført. Kvinderne er primært vurderet aktivitetsparate og har begrænset "
        "skolegang og erhvervserfaring."
    ),
    "criteria_text": (
        "Tilbuddet er målrettet kvinder, som vurderes at være langt fra arbejdsmarkedet og "
        "generelt ikke har fundet fodfæste i det danske samfund. Kvinderne beskrives med en del "
        "udfordringer både socialt, helbredsmæssigt og familiært. Der er tale om kvinder, som "
        "modtager ydelse fra Hedensted Kommune og for kvinder som er ægtefælleforsørget."
    ),
    "criteria": [
        "Kvinde, kommet til Danmark som flygtning eller familiesammenført",
        "Langt fra arbejdsmarkedet, primært aktivitetsparat",
        "Har ikke fundet fodfæste i det danske samfund",
        "Modtager ydelse fra kommunen eller er ægtefælleforsørget",
    ],
    "purpose_short": (
        "Målet er at give kvinderne en bedre forståelse for dansk kultur, det danske samfund "
        "samt øge deres viden om deres muligheder på det danske arbejdsmarked. Under forløbet "
        "motiveres kvinderne til at deltage i beskæftigelsesrettede praktikker, hvor de trænes i "
        "mødestabilitet, får erhvervserfaring, forbedrer deres sproglige kompetencer og øger "
        "troen på egne evner."
    ),
    "purpose_long": (
        "På baggrund af kortsigtede mål øges kvindernes forståelse for krav og rettigheder på "
        "arbejdsmarkedet. Dette vil forhåbentlig være med til at skabe flere succeser i "
        "forbindelse med virksomhedspraktikker og derved afføde lønnede timer for kvinderne. På "
        "denne måde kommer kvinderne tættere på arbejdsmarkedet, og bliver helt eller delvis "
        "selvforsørgende."
    ),
    "activities_text": (
        "Indsatsen løber over en periode, hvor kvinderne deltager i gruppehold én gang om ugen. "
        "Sideløbende er der tæt kontakt med kvinderne og der er jævnlige opfølgninger."
    ),
    "activities": [
        (
            "Undervisningsforløb",
            "Indsatsen er inddelt i moduler: intro (eneste gang med tolk), personlig samtale og "
            "udvikling, rådighed, kultur og samfund, arbejdsmarked i Danmark, uddannelse, "
            "tilknytning til arbejdsmarkedet og jobansøgning, afslutning. Hvert modul tager ca. 3 "
            "uger. Undervisningen har en meget visuel tilgang og foregår på dansk (se bilag 1).",
        ),
        (
            "Events",
            "Efter hvert modul vil der ske en udflugt, disse går hhv. til bibliotek, rundvisning "
            "på plejehjem, rundvisning i supermarked, museumsbesøg, udflugt i København mv.",
        ),
        (
            "Virksomhedspraktik",
            "Tanken er, at kvinder under forløbet bliver klar til at deltage i "
            "virksomhedspraktik de 4 dage om ugen, hvor kvinderne ikke deltager i Najah.",
        ),
        (
            "Yoga (pr. dec. 2019)",
            "Kvinderne tilbydes yoga én gang om ugen, med henblik på afspænding, balance, "
            "smidighed og øget kropsforståelse.",
        ),
    ],
    "actors_text": (
        "I projektet er primært projektkoordinator/beskæftigelsesrådgiver samt rollemodel. "
        "Herforuden er der tæt kontakt med en række virksomhedskonsulenter."
    ),
    "actors": [
        (
            "Projektkoordinator/beskæftigelsesrådgiver",
            "Står for undervisningsplanen, samt udførslen og koordinering heraf, og for kontakten "
            "til virksomhedskonsulenter og integrationsafdelingen.",
        ),
        (
            "Rollemodel",
            "En medarbejder i jobcenteret, som selv er flygtet til Danmark med sin familie, og "
            "som fungerer som en motivationsfaktor for kvinderne i projektet.",
        ),
        (
            "Virksomhedskonsulent",
            "Har den primære kontakt ud til virksomhederne, informeres løbende om kvindernes "
            "udvikling og søger praktikpladser til dem, når de vurderes klar til det.",
        ),
        (
            "Yogainstruktør (pr. dec. 2019)",
            "Ansat ved jobcenteret; følger kvindernes udvikling og hvilke øvelser de vil have "
            "gavn af.",
        ),
    ],
    "company_before": (
        "Kommunens erfaring er, at det i høj grad handler om en styrket indsats i kommunen for "
        "at sikre en tæt dialog med virksomhederne om målrettet og faglig opkvalificering af "
        "borgerne til det lokale arbejdsmarked."
    ),
    "company_during": (
        "Det er et samarbejde mellem borger, medarbejdere i Najah, virksomheder og "
        "virksomhedskonsulenter, når borgere deltager i praktik, med hyppig opfølgning. Desuden "
        "er der under forløbet udflugter til forskellige arbejdspladser (herunder plejehjem og "
        "butik)."
    ),
    "company_after": (
        "For at sikre det gode samarbejde med virksomhederne fokuseres der på en fast "
        "opfølgningsaftale, hvori der fremgår forventningsafstemning og opfølgning på aftaler og "
        "evaluering (se bilag 2, fastholdelsesplanen)."
    ),
    "ambassador_role": (
        "I dette tilfælde er ambassadøren også projektkoordinator/beskæftigelsesrådgiver. "
        "Ambassadøren skal have overblik over indsatsen og de tilknyttede borgeres udvikling, se "
        "tendenser blandt målgruppen og videretænke andre indsatser."
    ),
    "ambassador_successor": (
        "Rollemodellen er en vigtig udfører i projektet og vil nu kunne varetage det meste af "
        "undervisningen, i meget tæt samarbejde med én rådgiver og én virksomhedskonsulent."
    ),
    "method": (
        "En løbende kontakt med kvinderne, hvor der er fokus på motiverende samtaler i "
        "gruppeplan. Ligeledes individuelle samtaler efter behov. Derforuden brug af "
        "virksomhedsrettet aktivering, som fx virksomhedspraktik eller forløb på aktivcenteret."
    ),
    "change_tracks_text": "Under forløbet arbejdes der med spor 1, 2 og 6.",
    "change_tracks": [
        (
            1,
            "Et grundlæggende spor på tværs af forandringsteorierne er, at kvinderne skal have "
            "udviklet og opbygget en arbejdsidentitet.",
            "Gennem hyppig samtale om arbejde/praktik vil der ske en øget motivation herfor. "
            "Kvinderne vil få overblik over de fordele der findes i at arbejde, og se at de har "
            "kompetencer, som er gavnlige for det danske arbejdsmarked.",
        ),
        (
            2,
            "At støtte kvinderne i at lære at mestre krav og forventninger på arbejdsmarkedet på "
            "langt sigt, og som et led i det, at få en mere stabil tilknytning til ordinær "
            "beskæftigelse.",
            "Kvinderne får gennem forløbet en øget forståelse for krav og rettigheder i "
            "forbindelse med arbejde, og trænes i at mestre dem i praktikkerne.",
        ),
        (
            6,
            SPOR_6,
            "Kvinderne fungerer også som rollemodeller for hinanden, og kvinder i praktik kan "
            "påvirke egen families indstilling til, at kvinder har plads på arbejdsmarkedet.",
        ),
    ],
    "expected_effect": (
        "Det forventes, at kvinderne får en bedre forståelse for dansk kultur, det danske "
        "samfund samt øger deres viden om deres muligheder på det danske arbejdsmarked, at de "
        "kommer nærmere arbejdsmarkedet, og at nogle af kvinderne efter forløbet kan vurderes "
        "jobparate og kan varetage lønnede timer."
    ),
    "cost_lines": [
        (
            "Materialeforbrug",
            "Tablets til de enkelte kvinder. Udflugter til fx museumsbesøg. Husleje til lejlighed "
            "i Juelsminde. Kaffe, te, frugt m.m.",
        ),
        (
            "Transportudgifter",
            "Medarbejder får stillet bil til rådighed. Kvinderne får dækket udgifter i "
            "forbindelse med transport.",
        ),
        ("Medarbejderforbrug", "Lønninger til rollemodel samt til beskæftigelsesambassadør."),
    ],
    "modules": NAJAH_MODULES,
    "events": NAJAH_EVENTS,
    "observations": [
        (
            "start",
            dt.date(2018, 6, 30),
            "Najah 1, okt. 2017 – juni 2018: Der er samlet 16 kvinder, 8 kvinder på hvert af de "
            "to hold. Det blev tydeligt, at nogle af kvinderne opfattede indsatsen som et tilbud, "
            "som de frit kunne vælge at komme til eller ej. Forløbet varede 8 måneder og "
            "afsluttede med en tur til København.",
        ),
        (
            "middle",
            dt.date(2019, 8, 1),
            "Najah 2, sep. 2018 – juni 2019: Samlet 20 kvinder, 10 på hvert af de to hold. 18 "
            "kvinder har gennemført forløbet. 1 er gået på barsel og 2 er skrevet ud grundet "
            "udfordringer med sygdom hos dem eller i familien. 7 af dem der har gennemført er "
            "efterfølgende overgået til helhedsorienteret praktik inden for hjemmeplejen.",
        ),
        (
            "middle",
            dt.date(2020, 6, 1),
            "Najah 3, sep. 2019 –: 10 kvinder er startet, 2 gange om ugen, sideløbende med "
            "sprogskole 2 dage om ugen. Fra december 2019 yoga hver fredag, og forløbet "
            "forlænges med 2–3 måneder; grundet COVID-19 forlænges det med yderligere 1½–2 "
            "måned.",
        ),
    ],
}

DE_INTERNATIONALE: dict[str, Any] = {
    "code": "de-internationale",
    "kind": "programme",
    "municipality": HEDENSTED,
    "name": "De internationale",
    "starts_on": dt.date(2020, 2, 1),
    "hours_per_week": Decimal(20),
    "weeks_per_participant": 22,
    "participants_at_a_time": 5,
    "intake": "common_start",
    "target_group": (
        "Målgruppen for indsatsen er kvinder i integrationsperioden, både job- og "
        "aktivitetsparate. Kvinderne vil typisk være i slutningen af deres integrationsperiode, "
        "og har opnået en god forståelse for det danske samfunds opbyggelse og opnået et vist "
        "niveau af dansk."
    ),
    "criteria_text": (
        "Kvinderne har tidligere deltaget i beskæftigelsesrettede tilbud i Det integrerede Liv. "
        "For at blive udtaget til indsatsen, skal kvinderne selv have et ønske om at gå på VUC. "
        "Kvinderne skal udvise en stor grad af motivation og et meget begrænset fravær, og have "
        "et vist fagligt niveau forud for indsatsen."
    ),
    "criteria": [
        "Har tidligere deltaget i beskæftigelsesrettede tilbud i Det integrerede Liv",
        "Har selv et ønske om at gå på VUC",
        "Udviser en stor grad af motivation og et meget begrænset fravær",
        "Har et fagligt niveau, så optagelse på VUC efter 6 måneder er realistisk",
    ],
    "purpose_short": (
        "At deltagerne gennemgår et 6 måneders forløb i matematik, engelsk og samfundsfag, "
        "sideløbende med at de modtager tilbud om sprogskole ved Sprogcenter Midt. I slutningen "
        "af de 6 måneder skal deltagerne aflægge optagelsesprøve på VUC."
    ),
    "purpose_long": (
        "Indsatsens langsigtede formål er, at deltagerne opnår et sådant fagligt niveau, at de "
        "kan optages på VUC. På VUC vil de opnå selvforsørgelse, mens de samtidig udvikler "
        "faglige kompetencer, så de kan bestå 9. klasse."
    ),
    "activities": [
        (
            "Undervisning i matematik",
            "Undervisning på niveau med FVU, hvor der trænes regnemetoder i plus, minus, gange, "
            "dividere og procentregning. Indsatsen foregår hos Støberiet, som er et internt "
            "undervisningstilbud hos Hedensted Kommune.",
        ),
        (
            "Undervisning i engelsk",
            "Fokus på basalt sprogkendskab, primært mundtligt, men også skriftligt. Indsatsen "
            "foregår også i lokaler hos Støberiet.",
        ),
        (
            "Undervisning i samfundsforståelse",
            "Fokus på det danske samfunds opbyggelse, samtiden og historiske begivenheder. "
            "Indsatsen foregår også hos Støberiet.",
        ),
        (
            "Sprogskole",
            "Undervisningen varetages af Sprogcenter Midt. Kvinderne deltager i sprogskole 2 dage "
            "om ugen, i Sprogcenter Midts lokaler i Horsens og Hedensted.",
        ),
        (
            "Støtte / løbende evaluering",
            "Der afholdes løbende samtaler, hvor der ydes støtte til kvinderne, samt løbende "
            "evalueres på forløbet og kvindernes deltagelse og fremmøde.",
        ),
    ],
    "actors": [
        (
            "Matematikunderviser",
            "Underviser deltagerne i basal matematik, så de udvikler de matematikkundskaber, som "
            "VUC kræver ved optagelse. Der afsættes 2–4 timer om ugen til undervisningen.",
        ),
        (
            "Engelskunderviser",
            "Underviser deltagerne i basal engelsk, mundtligt og skriftligt, med fokus på VUC's "
            "krav ved optagelse. Der afsættes 2–4 timer om ugen til undervisningen.",
        ),
        (
            "Underviser i samfundsforståelse",
            "Giver kvinderne en øget forståelse af det samfund de lever i, og forbereder dem på "
            "studie- og arbejdslivet. Der afsættes 2–4 timer om ugen til undervisningen.",
        ),
        (
            "Sprogcenter Midt",
            "Varetager danskundervisningen efter modulerne i Danskuddannelse. Undervisningen "
            "varer 10 timer om ugen.",
        ),
        (
            "Integrations- og beskæftigelsesambassadør",
            "Koordinering af indsatsen samt løbende evalueringer med deltagerne.",
        ),
    ],
    "company_before": (
        "Hedensted Jobcenter stræber generelt efter en tæt dialog med virksomhederne med henblik "
        "på afdækning af deres efterspørgsel af arbejdskraft. Ved deltagelse i De internationale "
        "stræbes der efter, at kvinderne kan tage en uddannelse, så de kan imødekomme "
        "arbejdsmarkedets efterspørgsel på faglært arbejdskraft."
    ),
    "company_during": (
        "I forløbet er der ikke et samarbejde med virksomheder. Derimod er der samarbejde "
        "mellem kvinderne, jobcenteret og VUC."
    ),
    "company_after": (
        "Det er VUC som endeligt afgør, om kvinderne er klar til optagelse. Såfremt kvinderne "
        "stopper på VUC, vil der igen stræbes efter at finde relevant virksomhedspraktik."
    ),
    "ambassador_role": (
        "Ambassadørens opgave er først og fremmest at koordinere indsatsen og undervisningen. "
        "Hver kvinde har sit individuelle ugeskema, idet de deltager på forskellige moduler på "
        "sprogskolen, og derved på sprogskole på forskellige ugedage. Ambassadøren laver "
        "løbende evalueringssamtaler med kvinderne."
    ),
    "ambassador_successor": (
        "Koordineringen kan varetages af enten underviserne i fællesskab, eller alternativt af "
        "en kontaktperson fra jobcenteret, evt. kvindernes beskæftigelsesrådgiver."
    ),
    "method": (
        "Inden for gruppens rammer skal der være individuel, kompetencebaseret undervisning og "
        "læring. Undervisningen foregår to gange ugentligt og følges op af hjemmeopgaver."
    ),
    "change_tracks": [
        (
            3,
            "Kommunerne har fokus på, at flygtningekvinderne skal have faglige kompetencer i "
            "forhold til at indgå på det danske arbejdsmarked.",
            "Kvinderne vil udvikle deres faglige kompetencer i matematik, engelsk, "
            "samfundsforståelse og dansk, og få øget mulighed for at blive optaget og gennemføre "
            "9. klasse på VUC.",
        ),
        (
            6,
            SPOR_6,
            "Kvinder som allerede er på VUC udtrykker glæde over at kunne forsørge sig selv og "
            "familien; det kan smitte af på andre flygtningekvinder i deres netværk.",
        ),
    ],
    "expected_effect": (
        "Det forventes at forløbet vil give deltagerne en øget mulighed for at opnå optagelse på "
        "VUC, og dermed udvikle kompetencer, som øger deres mulighed for at opnå "
        "selvforsørgelse gennem arbejde eller uddannelse."
    ),
    "cost_lines": [
        ("Materiale", "Tablet udlånes til hver kvinde. Desuden materiale i papirform."),
        (
            "Transportudgifter",
            "Medarbejder får stillet bil til rådighed. Kvinderne får dækket udgifter i "
            "forbindelse med transport.",
        ),
        ("Sprogskole", "Alm. takstudgifter til modulundervisning."),
        ("Løn", "Alm. lønsatser til alle jobcenterets interne undervisere."),
    ],
    "observations": [
        (
            "start",
            dt.date(2020, 2, 1),
            "Forud for indsatsen har alle kvinder givet udtryk for gerne at ville optages på VUC. "
            "De har alle været til optagelsesprøve, men er blevet afvist, primært på manglende "
            "kundskaber i dansk skriftlighed samt manglende forståelse for engelsk og matematik.",
        ),
        (
            "middle",
            dt.date(2020, 6, 8),
            "Grundet COVID-19 har kvinder og undervisere ikke kunnet mødes i ca. 3 måneder. "
            "Kvinderne har fået udleveret en tablet og modtaget online undervisning, primært "
            "individuel, og har haft gavn af den.",
        ),
        (
            "middle",
            dt.date(2020, 6, 26),
            "3 af 5 deltagere er optaget på VUC pr. aug. 2020. På baggrund af evaluering af "
            "forløbet forventes det, at et nyt hold vil blive igangsat.",
        ),
    ],
}

INTRO_COURSE: dict[str, Any] = {
    "code": "introforloeb",
    "kind": "programme",
    "municipality": HEDENSTED,
    "name": "Introduktionsforløb til arbejdsmarkedet",
    "starts_on": dt.date(2018, 1, 1),
    "weeks_per_participant": 4,
    "intake": "continuous",
    "start_within_hours": 96,
    "target_group": "Flygtninge og indvandrere, der er boligplaceret i Hedensted Kommune.",
    "criteria": ["Boligplaceret i kommunen inden for de seneste 96 timer"],
    "purpose_short": (
        "I intro-forløbet bliver deltagerne undervist i dansk kultur, samfund, politik, "
        "foreningstanken, arbejdsmarkedet, demokrati og sprog."
    ),
    "purpose_long": (
        "Målet er, at de nyankomne starter i praktik eller småjob umiddelbart efter forløbet "
        "afsluttes."
    ),
    "activities": [
        (
            "Undervisning",
            "Dansk kultur, samfund, politik, foreningstanken, arbejdsmarkedet, demokrati og sprog.",
        ),
        (
            "Virksomhedskonsulenternes besøg",
            "Ungeenhedens virksomhedskonsulenter kommer dagligt på undervisningsstedet, så "
            "kendskabet til flygtningenes kompetencer bliver afklaret.",
        ),
    ],
    "actors": [
        ("Virksomhedskonsulent", "Kommer dagligt og afklarer deltagernes kompetencer til match."),
    ],
    "company_during": (
        "Virksomhedskonsulenterne kommer dagligt på undervisningsstedet, hvilket giver god "
        "mulighed for match til den rigtige virksomhed."
    ),
}

REINVESTMENT: dict[str, Any] = {
    "code": "geninvestering",
    "kind": "project",
    "municipality": HEDENSTED,
    "name": "Geninvesteringsprojekt Integration",
    "starts_on": dt.date(2016, 10, 1),
    "ends_on": dt.date(2017, 12, 31),
    "weeks_per_participant": 11,
    "intake": "continuous",
    "target_group": (
        "Den primære målgruppe er flygtninge fra ikke-vestlige lande, som er ud over "
        "integrationsperioden og endnu ikke er blevet selvforsørgende. En del er kendetegnet ved "
        "mangelfulde sprogkundskaber og manglende indblik i dansk arbejdsmarkedskultur."
    ),
    "criteria": [
        "Flygtning fra et ikke-vestligt land",
        "Ud over integrationsperioden",
        "Endnu ikke selvforsørgende",
    ],
    "goals": "\n".join(
        [
            "At antal kontanthjælpsmodtagere med ikke-vestlig oprindelse, og som er uden for "
            "integrationsperioden, reduceres med 20 procent over 1½ år, fordi der er flere der "
            "får fuldtidsjob.",
            "At minimum 20 procent af kontanthjælpsmodtagere med ikke-vestlig oprindelse, og som "
            "er uden for integrationsperioden, har lønnet arbejde samtidig med ydelsen.",
            "At 80 procent af de ydelsesmodtagere, som deltager i den intensive indsats, i stor "
            "grad tror på at de bliver selvforsørgende i det danske samfund efter at have "
            "deltaget i en udvidet arbejdsmarkedsintroduktion.",
        ]
    ),
    "purpose_long": "Understøtter borgeres mulighed for selv at finde og varetage beskæftigelse.",
    "economy_text": (
        "Projektet vil kunne gennemføres med en lønnet fuldtidsmedarbejder, dvs. ca. 250.000 kr. "
        "i 2016 og 500.000 kr. i 2017."
    ),
    "cost_lines": [
        ("Løn 2016", "En lønnet fuldtidsmedarbejder", Decimal(250000)),
        ("Løn 2017", "En lønnet fuldtidsmedarbejder", Decimal(500000)),
    ],
    "modules": [
        (1, "Personlig samtale", 1, 2, []),
        (2, "Undervisning", 3, 9, []),
        (3, "Intern koordinering", 10, 11, []),
        (4, "Job og uddannelse", 10, 11, []),
    ],
    "observations": [
        (
            "end",
            dt.date(2017, 11, 30),
            "Der er 01.10.2016 overdraget 31 sager til projektet. Der er efterfølgende kommet 10 "
            "sager til, idet disse borgere i perioden har afsluttet integrationsforløbet uden at "
            "være blevet selvforsørgende. I alt 41 borgere i bruttogruppen.",
        ),
    ],
}

AMBASSADOR_PROJECT: dict[str, Any] = {
    "code": "det-integrerede-liv",
    "kind": "project",
    "municipality": HEDENSTED,
    "name": "Det integrerede Liv",
    "starts_on": dt.date(2018, 1, 1),
    "intake": "continuous",
    "summary": (
        "Med en integrations- og beskæftigelsesambassadør ansat i Hedensted Kommune vil målet "
        "om 60 % i arbejde eller uddannelse kunne kvalificeres."
    ),
    "target_group": (
        "Målgruppen er flygtninge og familiesammenførte flygtninge i alderen 18–65 samt unge "
        "enten ledsagede eller uledsagede mellem 15 og 18 år, med særligt fokus på de kvindelige "
        "flygtninge og på de unge."
    ),
    "criteria": [
        "Flygtning eller familiesammenført til flygtning",
        "18–65 år, eller ung 15–18 år (ledsaget eller uledsaget)",
    ],
    "goals": "\n".join(
        [
            "80 % i virksomhedspraktik – herunder mindst halvdelen kvinder",
            "5 % i job med løntilskud – herunder mindst halvdelen kvinder",
            "50 % i ordinær beskæftigelse – herunder mindst halvdelen kvinder",
            "10 % i småjobs – herunder mindst halvdelen kvinder",
            "70 % unge i fritidsjob",
            "5 % i IGU-forløb",
        ]
    ),
    "method": (
        "En håndholdt og helhedsorienteret indsats, hvor ambassadøren fungerer som både mægler og "
        "motivator i et tæt samarbejde med både virksomhed og flygtning."
    ),
    "ambassador_role": (
        "Ambassadøren varetager den daglige styring af projektet, laver sammen med "
        "virksomhederne og flygtningene en plan for hvert enkelt forløb og følger med ud i "
        "virksomheden, når praktikken påbegyndes."
    ),
    "ambassador_successor": "Aktiviteter og metode forankres i Ungeenheden efter projektperioden.",
}

ALL = [NAJAH, DE_INTERNATIONALE, INTRO_COURSE, REINVESTMENT, AMBASSADOR_PROJECT]

ROWS = (
    "criteria",
    "activities",
    "actors",
    "change_tracks",
    "cost_lines",
    "modules",
    "events",
    "observations",
)


def _ship_one(apps: Any, data: dict[str, Any]) -> None:
    m = {
        name: apps.get_model("programmes", name)
        for name in (
            "Programme",
            "Criterion",
            "Activity",
            "Actor",
            "ProgrammeChangeTrack",
            "CostLine",
            "Module",
            "Event",
            "Observation",
        )
    }
    fields = {k: v for k, v in data.items() if k not in ROWS}
    programme = m["Programme"].objects.create(**fields)
    for n, text in enumerate(data.get("criteria", []), 1):
        m["Criterion"].objects.create(programme=programme, position=n, text=text)
    for n, (title, description) in enumerate(data.get("activities", []), 1):
        m["Activity"].objects.create(
            programme=programme, number=n, title=title, description=description
        )
    for n, (role, task) in enumerate(data.get("actors", []), 1):
        m["Actor"].objects.create(programme=programme, number=n, role=role, task=task)
    for track, description, change in data.get("change_tracks", []):
        m["ProgrammeChangeTrack"].objects.create(
            programme=programme, track=track, description=description, expected_change=change
        )
    for n, line in enumerate(data.get("cost_lines", []), 1):
        item, description, *amount = line
        m["CostLine"].objects.create(
            programme=programme,
            position=n,
            item=item,
            description=description,
            amount=amount[0] if amount else None,
        )
    modules = {}
    for number, title, first, last, content in data.get("modules", []):
        modules[number] = m["Module"].objects.create(
            programme=programme,
            number=number,
            title=title,
            first_week=first,
            last_week=last,
            content="\n".join(content),
        )
    for week, title, after in data.get("events", []):
        m["Event"].objects.create(
            programme=programme, week=week, title=title, after_module=modules[after]
        )
    for phase, noted_on, text in data.get("observations", []):
        m["Observation"].objects.create(
            programme=programme, phase=phase, noted_on=noted_on, text=text
        )


def ship(apps: Any) -> None:
    """Create the seeds' programmes that are not there (by their code)."""
    Programme = apps.get_model("programmes", "Programme")
    have = set(Programme.objects.values_list("code", flat=True))
    for data in ALL:
        if data["code"] not in have:
            _ship_one(apps, data)
