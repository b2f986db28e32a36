"""The two instruments Jobbro ships, and the languages of the self-scoring page.

Used by migration 0002 (with the historical models) and by tests whose database was
flushed (with the real ones): keep `ship` working on both.

Item texts of the 12-item tool are seed 004's, word for word (line ~196). The seed names two
areas but does not say which item belongs where; we put the work-behaviour items (motivation,
attendance, responsibility and initiative, finishing, working independently, taking
instructions) under "Arbejdsmarkedsperspektiv" and language, attitude, social and
professional competences, teamwork and hygiene under "Faglige, personlige og sociale
kompetencer". Hedensted's intro tool (seed 000, line ~92) names only its parameters; the item
texts below are ours.

The raters are named as seed 004 names them ("Score borger", "Score tilbudssted", "Score
rådgiver/konsulent"), in both tools, the offer site always by the seed's word. The
citizen's self-scoring page asks each item in the first person ("Jeg forstår og taler dansk");
those wordings and the raters' English are set by `reword`, which migration 0006 runs on the
rows 0002 shipped.
"""

SCALE = [
    (1, "I meget lav grad", "To a very small extent"),
    (2, "I lav grad", "To a small extent"),
    (3, "I nogen grad", "To some extent"),
    (4, "I høj grad", "To a large extent"),
    (5, "I meget høj grad", "To a very large extent"),
]

COMPETENCES = "Faglige, personlige og sociale kompetencer"
PERSPECTIVE = "Arbejdsmarkedsperspektiv"

REINVESTMENT_ITEMS = [
    ("Kan forstå og tale dansk", "Can understand and speak Danish", COMPETENCES),
    ("Er motiveret omkring arbejdsopgaver", "Is motivated by work tasks", PERSPECTIVE),
    ("Har en positiv indstilling", "Has a positive attitude", COMPETENCES),
    ("Kan arbejde selvstændigt", "Can work independently", PERSPECTIVE),
    (
        "Har stabilt fremmøde inden for den aftalte arbejdstid",
        "Attends steadily within the agreed working hours",
        PERSPECTIVE,
    ),
    ("Kan tage ansvar og initiativ", "Can take responsibility and initiative", PERSPECTIVE),
    ("Kan indgå i sociale sammenhænge", "Can take part in social settings", COMPETENCES),
    ("Har relevante faglige kompetencer", "Has relevant professional skills", COMPETENCES),
    ("Kan færdiggøre det som påbegyndes", "Can finish what is started", PERSPECTIVE),
    (
        "Kan modtage og forstå instruktion, og udføre den",
        "Can receive and understand instructions, and carry them out",
        PERSPECTIVE,
    ),
    ("Kan indgå i arbejde i en gruppe/team", "Can work in a group/team", COMPETENCES),
    ("Har god hygiejne", "Has good hygiene", COMPETENCES),
]

# The citizen's own wording of each item, Danish and English, by the item's Danish text.
SELF_TEXTS = {
    "Kan forstå og tale dansk": ("Jeg forstår og taler dansk", "I understand and speak Danish"),
    "Er motiveret omkring arbejdsopgaver": (
        "Jeg er motiveret for mine arbejdsopgaver",
        "I am motivated by my work tasks",
    ),
    "Har en positiv indstilling": ("Jeg har en positiv indstilling", "I have a positive attitude"),
    "Kan arbejde selvstændigt": ("Jeg kan arbejde selvstændigt", "I can work independently"),
    "Har stabilt fremmøde inden for den aftalte arbejdstid": (
        "Jeg møder stabilt inden for den aftalte arbejdstid",
        "I attend steadily within the agreed working hours",
    ),
    "Kan tage ansvar og initiativ": (
        "Jeg kan tage ansvar og initiativ",
        "I can take responsibility and initiative",
    ),
    "Kan indgå i sociale sammenhænge": (
        "Jeg kan indgå i sociale sammenhænge",
        "I can take part in social settings",
    ),
    "Har relevante faglige kompetencer": (
        "Jeg har relevante faglige kompetencer",
        "I have relevant professional skills",
    ),
    "Kan færdiggøre det som påbegyndes": (
        "Jeg gør det færdigt, som jeg begynder på",
        "I finish what I start",
    ),
    "Kan modtage og forstå instruktion, og udføre den": (
        "Jeg kan modtage og forstå en instruktion og udføre den",
        "I can receive and understand instructions, and carry them out",
    ),
    "Kan indgå i arbejde i en gruppe/team": (
        "Jeg kan arbejde i en gruppe/et team",
        "I can work in a group/team",
    ),
    "Har god hygiejne": ("Jeg har god hygiejne", "I have good hygiene"),
    "Udvikler sit danske sprog": ("Jeg udvikler mit danske sprog", "I am developing my Danish"),
    "Ser dansk fjernsyn": ("Jeg ser dansk fjernsyn", "I watch Danish television"),
    "Møder stabilt og til tiden": (
        "Jeg møder stabilt og til tiden",
        "I attend steadily and on time",
    ),
    "Forstår instruktioner": ("Jeg forstår instruktioner", "I understand instructions"),
    "Er motiveret for at komme i arbejde": (
        "Jeg er motiveret for at komme i arbejde",
        "I am motivated to get into work",
    ),
    "Har faglige kompetencer": ("Jeg har faglige kompetencer", "I have professional skills"),
}

REINVESTMENT = "Progressionsmåling, 12 punkter (Geninvesteringsprojekt Integration)"
INTRO = "Hedensteds introforløb"

# Each tool's raters: kind, Danish heading, English heading.
RATERS = {
    REINVESTMENT: [
        ("citizen", "Score borger", "Citizen's score"),
        ("offer_site", "Score tilbudssted", "Offer site's score"),
        ("advisor", "Score rådgiver/konsulent", "Advisor's/consultant's score"),
    ],
    INTRO: [
        ("citizen", "Borgerens egen vurdering", "The citizen's own assessment"),
        ("offer_site", "Tilbudssted", "Offer site"),
        ("advisor", "Rådgiver/konsulent", "Advisor/consultant"),
    ],
}

INTRO_ITEMS = [
    ("Udvikler sit danske sprog", "Is developing their Danish"),
    ("Ser dansk fjernsyn", "Watches Danish television"),
    ("Møder stabilt og til tiden", "Attends steadily and on time"),
    ("Forstår instruktioner", "Understands instructions"),
    ("Er motiveret for at komme i arbejde", "Is motivated to get into work"),
    ("Har faglige kompetencer", "Has professional skills"),
]

DA_TEXTS = {
    "title": "Din egen vurdering",
    "intro": "Vælg det tal, der passer bedst. 5 er bedst, 1 er dårligst.",
    "question": "Spørgsmål {n} af {total}",
    "next": "Gem og gå videre",
    "skip": "Spring over",
    "back": "Tilbage",
    "done": "Tak! Giv nu telefonen tilbage.",
    "choose": "Vælg et tal.",
}
EN_TEXTS = {
    "title": "Your own assessment",
    "intro": "Choose the number that fits best. 5 is best, 1 is worst.",
    "question": "Question {n} of {total}",
    "next": "Save and continue",
    "skip": "Skip",
    "back": "Back",
    "done": "Thank you! Please hand the phone back now.",
    "choose": "Choose a number.",
}


def _instrument(apps, name, description, raters, items, areas):
    Instrument = apps.get_model("assessments", "Instrument")
    Version = apps.get_model("assessments", "InstrumentVersion")
    Area = apps.get_model("assessments", "Area")
    Item = apps.get_model("assessments", "Item")
    Step = apps.get_model("assessments", "ScaleStep")
    Rater = apps.get_model("assessments", "Rater")
    instrument = Instrument.objects.create(name=name)
    version = Version.objects.create(instrument=instrument, number=1, description=description)
    by_name = {
        a: Area.objects.create(version=version, position=i, name=a)
        for i, a in enumerate(areas, start=1)
    }
    for value, da, en in SCALE:
        Step.objects.create(version=version, value=value, label=da, translations={"en": en})
    for i, (kind, label) in enumerate(raters, start=1):
        Rater.objects.create(version=version, kind=kind, label=label, position=i)
    for i, (da, en, *area) in enumerate(items, start=1):
        Item.objects.create(
            version=version,
            position=i,
            text=da,
            translations={"en": en},
            area=by_name[area[0]] if area else None,
        )


def ship(apps):
    Language = apps.get_model("assessments", "Language")
    Language.objects.create(code="da", name="Dansk", rtl=False, texts=DA_TEXTS)
    Language.objects.create(code="en", name="English", rtl=False, texts=EN_TEXTS)
    _instrument(
        apps,
        REINVESTMENT,
        "Score 5 er bedste og 1 er dårligst. Progressionen tydeliggøres i samtale med borgeren "
        "ud fra diagrammet.",
        [(kind, da) for kind, da, _en in RATERS[REINVESTMENT]],
        REINVESTMENT_ITEMS,
        [COMPETENCES, PERSPECTIVE],
    )
    _instrument(
        apps,
        INTRO,
        "Hedensted Kommunes progressionsværktøj til introforløb for integrationsborgere. "
        "Score 5 er bedste og 1 er dårligst.",
        [(kind, da) for kind, da, _en in RATERS[INTRO]],
        INTRO_ITEMS,
        [],
    )
    Rater = apps.get_model("assessments", "Rater")
    if any(f.name == "translations" for f in Rater._meta.get_fields()):
        reword(apps)  # with the real models (a flushed test database), not in 0002


def reword(apps):
    """The shipped tools' raters as seed 004 names them, with their English, and the items'
    first-person wordings for the self-scoring page. Only the shipped first versions are
    touched (a municipality's own later versions keep their words), and only their wording:
    what is scored stays the same."""
    Rater = apps.get_model("assessments", "Rater")
    Item = apps.get_model("assessments", "Item")
    for name, raters in RATERS.items():
        for kind, da, en in raters:
            Rater.objects.filter(
                version__instrument__name=name, version__number=1, kind=kind
            ).update(label=da, translations={"en": en})
        for item in Item.objects.filter(version__instrument__name=name, version__number=1):
            if item.text in SELF_TEXTS:
                da, en = SELF_TEXTS[item.text]
                item.self_texts = {"da": da, "en": en}
                item.save(update_fields=["self_texts"])
