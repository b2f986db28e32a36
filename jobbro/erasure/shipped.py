"""The retention rules Jobbro ships with (migration 0002); docs/retention.md explains them.

They are the municipality's practice as we assume it, not law that fixes a number of years:
the law says "no longer than necessary" and leaves the period to the authority, which
documents it. A municipality with another practice changes the years here (a data change).
"""

RULES = [
    {
        "kind": "case_file",
        "years": 5,
        "counted_from": "sagens lukning",
        "action": "anonymise",
        "legal_basis": (
            "Databeskyttelsesforordningen art. 5, stk. 1, litra e (opbevaringsbegrænsning) og "
            "art. 17; persondata i beskæftigelsessager opbevares, så længe de er nødvendige "
            "for sagen, en klage eller en genoptagelse. Kommunens praksis: 5 år efter sagens "
            "afslutning (jf. forældelseslovens 3- og 5-årsfrister for tilbagebetalingskrav). "
            "Arkivlovens bevaring og kassation sker i kommunens ESDH/arkiv, ikke i Jobbro."
        ),
        "note": (
            "Antagelse: 5 år er kommunens fastsatte frist. Anonymisering bevarer tal til "
            "statistik (køn, fødselsår, nationalitet, status og afslutningsårsag, forløbenes "
            "art og datoer) og fjerner navn, CPR-nummer, kontaktoplysninger og al fritekst."
        ),
    },
    {
        "kind": "access_grant",
        "years": 2,
        "counted_from": "adgangens udløb",
        "action": "delete",
        "legal_basis": (
            "Databeskyttelsesforordningen art. 5, stk. 1, litra e; begrundelsen bruges af "
            "lederen til at føre tilsyn med adgange uden for egen sag (art. 32). Selve "
            "adgangen står fortsat i adgangsloggen med formål og begrundelse."
        ),
        "note": "Antagelse: lederens tilsyn er afsluttet inden for 2 år.",
    },
    {
        "kind": "access_log",
        "years": 5,
        "counted_from": "logningen",
        "action": "pseudonymous",
        "legal_basis": (
            "Databeskyttelsesforordningen art. 5, stk. 2 og art. 32 (ansvarlighed og "
            "sikkerhed); logningen dokumenterer, hvem der har set hvad, også efter at sagen er "
            "anonymiseret. Rækkerne rummer kun borger-id, bruger, tidspunkt, handling og formål."
        ),
        "note": (
            "Slettes ikke af Jobbro: kørselsrollen må kun indsætte og læse. Efter 5 år kan "
            "databasens ejer fjerne de ældste rækker og gemme et kontrolpunkt (id:hash), som "
            "verify_access_log --from tjekker resten af kæden fra (docs/retention.md)."
        ),
    },
]


def ship(apps, schema_editor=None) -> None:
    RetentionRule = apps.get_model("erasure", "RetentionRule")
    for rule in RULES:
        RetentionRule.objects.update_or_create(kind=rule["kind"], defaults=rule)
