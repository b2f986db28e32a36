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
        "Progressionsmåling, 12 punkter (Geninvesteringsprojekt Integration)",
        "Score 5 er bedste og 1 er dårligst. Progressionen tydeliggøres i samtale med borgeren "
        "ud fra diagrammet.",
        [
            ("citizen", "Score borger"),
            ("offer_site", "Score tilbudssted"),
            ("advisor", "Score rådgiver/konsulent"),
        ],
        REINVESTMENT_ITEMS,
        [COMPETENCES, PERSPECTIVE],
    )
    _instrument(
        apps,
        "Hedensteds introforløb",
        "Hedensted Kommunes progressionsværktøj til introforløb for integrationsborgere. "
        "Score 5 er bedste og 1 er dårligst.",
        [
            ("citizen", "Borgerens egen vurdering"),
            ("offer_site", "Praktiksted"),
            ("advisor", "Ambassadør/rådgiver"),
        ],
        INTRO_ITEMS,
        [],
    )
