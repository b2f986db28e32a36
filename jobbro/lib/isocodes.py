"""Countries (ISO 3166-1) and languages (ISO 639) with their Danish names, offline.

The names come from the Unicode CLDR through Babel, which ships them: Danish common names
("Syrien", "Iran", "Congo-Kinshasa"), English, and Arabic for reading free text typed in
Arabic ("سوريا"). pycountry's Danish names are the formal ones ("Syriske Arabiske
Republik") and half its languages have no Danish name; django-countries has good country
names but no languages. Babel has both.

- A country is its ISO 3166-1 alpha-2 code (plus Kosovo, XK, which Denmark recognises).
- Statelessness is a nationality, not a country: `STATELESS` is ICAO Doc 9303's code for a
  stateless person, "XXA". "Statsløs, født i Bhutan" is nationality XXA, country of birth BT.
- A language is its ISO 639-1 code where it has one (ar, ti, so), otherwise ISO 639-3
  (prs: dari, kmr: kurmanji), as BCP 47 does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from babel import Locale

STATELESS = "XXA"

# CLDR territories that are not ISO 3166-1 countries (regions, groupings, test codes).
_NOT_COUNTRIES = {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "EU",
    "EZ",
    "IC",
    "QO",
    "TA",
    "UN",
    "XA",
    "XB",
    "ZZ",
}

# ISO 639-3 languages common among refugees that CLDR names only as regional variants.
_EXTRA_LANGUAGES = {
    "prs": {"da": "dari", "en": "Dari", "ar": "دري"},
    "kmr": {"da": "kurmanji (nordkurdisk)", "en": "Kurmanji (Northern Kurdish)", "ar": "كرمانجية"},
    "bci": {"da": "baoulé", "en": "Baoulé", "ar": "باولي"},
    "aii": {"da": "assyrisk nyaramæisk", "en": "Assyrian Neo-Aramaic", "ar": "آشوري"},
}
_STATELESS_NAMES = {"da": "Statsløs", "en": "Stateless", "ar": "عديم الجنسية"}

# Spellings seen in case files that are not a country's name: adjectives, old names,
# Arabic and English forms of statelessness. Matched after `_key` normalisation.
_COUNTRY_ALIASES = {
    "syrisk": "SY", "syrer": "SY", "syria": "SY", "sirien": "SY", "suriye": "SY", "سورية": "SY",
    "eritreisk": "ER", "eritrea": "ER", "ertra": "ER",
    "somalisk": "SO", "somaliland": "SO",
    "afghansk": "AF", "afganistan": "AF", "afghanistan": "AF", "افغانستان": "AF",
    "iransk": "IR", "persien": "IR", "ايران": "IR",
    "irakisk": "IQ", "irak": "IQ", "iraq": "IQ", "العراق": "IQ",
    "russisk": "RU", "rusland": "RU", "russia": "RU", "russian federation": "RU",
    "tjetjenien": "RU", "chechnya": "RU",
    "hviderusland": "BY", "belarus": "BY",
    "egyptisk": "EG", "egypt": "EG", "مصر": "EG",
    "elfenbenskysten": "CI", "ivory coast": "CI", "cote d'ivoire": "CI",
    "kuwaitisk": "KW", "الكويت": "KW",
    "tunesisk": "TN", "tunisia": "TN", "تونس": "TN",
    "palaestina": "PS", "palestina": "PS", "palaestinenser": "PS", "palestine": "PS",
    "فلسطين": "PS",
    "ukrainsk": "UA", "ukraine": "UA",
    "burma": "MM", "myanmar": "MM",
    "congo": "CD", "dr congo": "CD", "kongo": "CD", "den demokratiske republik congo": "CD",
    "sudansk": "SD", "السودان": "SD",
    "etiopisk": "ET", "etiopien": "ET",
    "libanesisk": "LB", "libanon": "LB", "لبنان": "LB",
    "jordansk": "JO", "libysk": "LY", "ليبيا": "LY",
    "tyrkiet": "TR", "tyrkisk": "TR", "turkey": "TR",
    "dansk": "DK",
    "statslos": STATELESS, "stateless": STATELESS, "عديم الجنسية": STATELESS,
    "بدون": STATELESS, "bidoon": STATELESS, "bedoon": STATELESS,
}  # fmt: skip

_LANGUAGE_ALIASES = {
    "farsi": "fa", "persisk": "fa", "فارسی": "fa", "فارسي": "fa",
    "dari": "prs", "دری": "prs",
    "tigrinja": "ti", "tigrinya": "ti", "tigrigna": "ti",
    "kurdisk": "ku", "kurdish": "ku", "كردي": "ku", "كردية": "ku",
    "sorani": "ckb", "kurmanji": "kmr", "kurmanci": "kmr",
    "pashto": "ps", "pashtu": "ps", "pushto": "ps",
    "nepalesisk": "ne", "nepali": "ne",
    "hviderussisk": "be", "belarusisk": "be",
    "tjetjensk": "ce", "chechen": "ce",
    "baoule": "bci", "dioula": "dyu", "dyula": "dyu",
    "arabisk": "ar", "arabic": "ar", "عربي": "ar", "العربية": "ar", "عربية": "ar",
    "engelsk": "en", "english": "en", "انجليزي": "en", "الإنجليزية": "en",
    "somali": "so", "somalisk": "so", "amharisk": "am", "amharic": "am",
    "fransk": "fr", "french": "fr", "russisk": "ru", "russian": "ru",
    "ukrainsk": "uk", "dansk": "da", "danish": "da", "tyrkisk": "tr", "urdu": "ur",
    "assyrisk": "aii", "aramaeisk": "aii",
}  # fmt: skip

_LANGS = ("da", "en", "ar")


def _lang(lang: str | None) -> str:
    base = (lang or "da").split("-")[0].split("_")[0].lower()
    return base if base in _LANGS else "da"


@cache
def _territories(lang: str) -> dict[str, str]:
    names: dict[str, str] = {str(k): str(v) for k, v in Locale(lang).territories.items()}
    return {
        code: name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


@cache
def _languages(lang: str) -> dict[str, str]:
    names: dict[str, str] = {str(k): str(v) for k, v in Locale(lang).languages.items()}
    found = {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}
    for code in ("ckb", "dyu"):  # CLDR names these; they are not ISO 639-1
        if code in names:
            found[code] = names[code]
    for code, by_lang in _EXTRA_LANGUAGES.items():
        found[code] = by_lang[lang]
    return found


def _sorted(items: dict[str, str], lang: str) -> list[tuple[str, str]]:
    # Danish order: æ, ø, å after z (a plain sort of the decomposed letters would not).
    order = {"æ": "{", "ø": "|", "å": "}"} if lang == "da" else {}

    def key(pair: tuple[str, str]) -> str:
        return "".join(order.get(ch, ch) for ch in pair[1].lower())

    return sorted(items.items(), key=key)


@cache
def _country_choices(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple(_sorted(_territories(lang), lang))


@cache
def _language_choices(lang: str) -> tuple[tuple[str, str], ...]:
    names = {code: name[:1].upper() + name[1:] for code, name in _languages(lang).items()}
    return tuple(_sorted(names, lang))


def country_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """Every country, by its name in `lang` (da, en; others get Danish), sorted."""
    return list(_country_choices(_lang(lang)))


def nationality_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """Statsløs first, then every country."""
    return [(STATELESS, _STATELESS_NAMES[_lang(lang)]), *_country_choices(_lang(lang))]


def language_choices(lang: str | None = None) -> list[tuple[str, str]]:
    return list(_language_choices(_lang(lang)))


def country_name(code: str, lang: str | None = None) -> str:
    if code == STATELESS:
        return _STATELESS_NAMES[_lang(lang)]
    return _territories(_lang(lang)).get(code, code)


def language_name(code: str, lang: str | None = None) -> str:
    name = _languages(_lang(lang)).get(code, code)
    return name[:1].upper() + name[1:]


def _key(text: str) -> str:
    """Lower case, no accents or Arabic diacritics, one space, Danish letters spelled out."""
    text = text.strip().lower()
    for danish, plain in (("æ", "ae"), ("ø", "o"), ("å", "aa")):
        text = text.replace(danish, plain)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ـ", "").replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    return re.sub(r"\s+", " ", text).strip(" .")


def _index(names: Callable[[str], dict[str, str]], aliases: dict[str, str]) -> dict[str, str]:
    """Every name in every language, its code itself, then the aliases, to its code."""
    index: dict[str, str] = {}
    for lang in _LANGS:
        for code, name in names(lang).items():
            index.setdefault(_key(name), code)
            index.setdefault(code.lower(), code)
    index.update({_key(alias): code for alias, code in aliases.items()})
    return index


@cache
def _country_index() -> dict[str, str]:
    return _index(
        lambda lang: {**_territories(lang), STATELESS: _STATELESS_NAMES[lang]}, _COUNTRY_ALIASES
    )


@cache
def _language_index() -> dict[str, str]:
    return _index(_languages, _LANGUAGE_ALIASES)


def match_country(text: str) -> str | None:
    """The code of a country or of statelessness typed as free text, or None.

    Danish, English and Arabic names, ISO codes and the spellings seen in case files
    ("Syrien", "Syria", "سوريا", "syrisk", "SY"); anything else is None, never a guess.
    """
    key = _key(text)
    return _country_index().get(key) if key else None


def match_language(text: str) -> str | None:
    key = _key(text)
    return _language_index().get(key) if key else None


def split_list(text: str) -> list[str]:
    """'arabisk, engelsk og kurdisk' -> ['arabisk', 'engelsk', 'kurdisk']."""
    parts = re.split(r",|;|/|\+| og | and | و ", f" {text} ")
    return [p.strip() for p in parts if p.strip()]
