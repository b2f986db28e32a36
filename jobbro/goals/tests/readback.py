"""Reading the goals' documents back as a person's software would."""

import csv
import shutil
import subprocess
from pathlib import Path


def has_libreoffice() -> bool:
    return shutil.which("soffice") is not None


def xlsx_as_rows(content: bytes, folder: Path) -> list[list[str]]:
    """The workbook's first sheet as LibreOffice reads it (converted to CSV headless)."""
    path = folder / "tabel.xlsx"
    path.write_bytes(content)
    soffice = shutil.which("soffice")
    assert soffice is not None
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, quote, UTF-8
    result = subprocess.run(  # noqa: S603 - a fixed command on our own file
        [soffice, "--headless", "--convert-to", csv_filter, "--outdir", str(folder), str(path)],
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    with (folder / "tabel.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
