"""No file of the project holds a merge's conflict markers (one landed in base.html once)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".py", ".html", ".md", ".po", ".css", ".js", ".json", ".toml", ".txt", ".csv"}
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.M)


def test_no_file_holds_conflict_markers():
    skip = {".venv", "node_modules", ".git", "var"}
    found = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*")
        if path.suffix in SUFFIXES
        and path.is_file()
        and not skip & set(path.relative_to(ROOT).parts)
        and MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
