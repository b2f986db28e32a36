"""Make `integrationskit.json` from seed 002 (SIRI's Integrationskit): see README.md here.

Run from the project's root: `uv run python jobbro/practices/data/extract_integrationskit.py`.
The seed is text extracted from a PDF; the practices start at the lines below (found by
reading it), and each is cut at the kit's own headings.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[3] / "shared" / "seeds" / "002_012292aa5a95223e.txt"
STARTS = [104, 170, 284, 361, 433, 533, 663, 749, 861, 938, 1027, 1133, 1199, 1295, 1384]
STARTS += [1455, 1558, 1651, 1724]
THEME_STARTS = {85: 1, 249: 2, 834: 3, 1103: 4, 1531: 5}
END = 1795  # "Afrunding"
# The kit quotes and names municipal staff; no sentence naming one of them is kept.
PEOPLE = ["Britt", "Schmidt", "Ena ", "Giorgi", "Kia ", "McDermott", "Sørensen", "Lone "]
PEOPLE += ["Lisby", "Tran ", "Bertelsen"]
SOURCE = (
    "SIRI, Integrationskit (2018): 19 eksempler på gode integrationstiltag fra 26 kommuner, "
    "seed 002"
)


def paragraphs(lines: list[str]) -> list[str]:
    text = re.sub(r"-\n(?=[a-zæøå])", "", "\n".join(lines))
    blocks = (re.sub(r"\s+", " ", b).strip() for b in re.split(r"\n\s*\n", text))
    return [b for b in blocks if b]


def without_quotes(paras: list[str]) -> list[str]:
    """Drop quotations (and the attribution line after one) and a quotation's tail."""
    kept, after_quote = [], False
    for p in paras:
        if after_quote:
            after_quote = False
            if len(p) < 140 and "," in p:
                continue
        if p.startswith(("”", "“", '"')):
            after_quote = True
            continue
        if p.endswith("”") and p.count("”") == 1 and "“" not in p:
            continue
        kept.append(p)
    return kept


def without_people(paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ”“])", p)
        p = " ".join(s for s in sentences if not any(n in s for n in PEOPLE)).strip()
        if p:
            out.append(p)
    return out


def bullets(paras: list[str]) -> list[str]:
    text = re.sub(r"(?<=[a-zæøå])- (?=[a-zæøå])", "", " ".join(p.strip() for p in paras))
    return [re.sub(r"\s+", " ", x).strip() for x in re.split(r"[•\uf0b7]", text) if x.strip()]


def municipalities(place: str) -> list[str]:
    names = re.split(r",| og ", re.sub(r"\s+[Kk]ommun(e|er)$", "", place))
    return [f"{n.strip()} Kommune" for n in names if n.strip()]


def practice(lines: list[str], number: int, start: int) -> dict:
    block = lines[start - 1 : min(x for x in [*STARTS, *THEME_STARTS, END] if x > start) - 1]
    title, body = block[0].strip(), block[1:]
    if body[0].strip() and len(body[0].strip()) < 40:  # a title wrapped onto a second line
        title = (title[:-1] if title.endswith("-") else title + " ") + body[0].strip()
        body = body[1:]

    def first(found) -> int:
        return next(i for i, line in enumerate(body) if found(line.strip()))

    at = {
        "results": first(lambda t: t.startswith("Resultater")),
        "count": first(lambda t: t.startswith("Antal personer omfattet")),
        "advice": first(lambda t: "gode råd" in t.lower() and t.endswith(":")),
    }
    count_line = body[at["count"]].strip()
    place = next(body[j].strip() for j in range(at["count"] - 1, 0, -1) if body[j].strip())
    description = without_people(without_quotes(paragraphs(body[: at["results"]])))
    results = body[at["results"] + 1 : at["count"]]
    return {
        "number": number,
        "theme": max(t for s, t in THEME_STARTS.items() if s < start),
        "title": re.sub(r"\s+", " ", title),
        "municipalities": municipalities(place),
        "partner": "Lederne" if body[at["advice"]].strip().startswith("Ledernes") else "",
        "persons_in_programme": int(count_line.split(":")[1].strip()),
        "persons_note": "samlet for kommunerne" if "samlet" in count_line else "",
        "lead": description[0],
        "method": "\n\n".join(description[1:]),
        "results": "\n\n".join(without_people(without_quotes(paragraphs(results)))),
        "advice": bullets(without_people(without_quotes(paragraphs(body[at["advice"] + 1 :])))),
        "seed_line": start,
    }


def main() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    practices = [practice(lines, n, s) for n, s in enumerate(STARTS, 1)]
    data = {"source": SOURCE, "practices": practices}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (HERE / "integrationskit.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
