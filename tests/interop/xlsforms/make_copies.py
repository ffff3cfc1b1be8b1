"""Write the .xlsx, .xls and .csv copies of the Markdown forms of this folder.

The Markdown files are the forms as written; the copies test that the importer reads every
file type pyxform reads. Run from the repository root after changing a Markdown form:

    python tests/interop/xlsforms/make_copies.py

The .xls copy needs ``xlwt`` (``pip install xlwt``), which only this script uses.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from pyxform.xls2json_backends import _md_table_to_ss_structure

HERE = Path(__file__).parent
#: Markdown form -> the file types it is copied to
COPIES = {
    "field_form.md": (".xlsx", ".xls"),
    "old_spellings.md": (".csv",),
}


def sheets(markdown: Path) -> dict[str, list[tuple[str, ...]]]:
    """The sheets of a Markdown form: header row first, as pyxform reads them."""
    return _md_table_to_ss_structure(markdown.read_text(encoding="utf-8"))


def write_xlsx(tables: dict[str, list[tuple[str, ...]]], path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([cell or None for cell in row])
    workbook.save(path)


def write_xls(tables: dict[str, list[tuple[str, ...]]], path: Path) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows in tables.items():
        sheet = workbook.add_sheet(name)
        for row_number, row in enumerate(rows):
            for column, cell in enumerate(row):
                if cell:
                    sheet.write(row_number, column, cell)
    workbook.save(str(path))


def write_csv(tables: dict[str, list[tuple[str, ...]]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for name, rows in tables.items():
            writer.writerow([name])
            for row in rows:
                writer.writerow(["", *row])


WRITERS = {".xlsx": write_xlsx, ".xls": write_xls, ".csv": write_csv}


def main() -> None:
    for markdown, suffixes in COPIES.items():
        tables = sheets(HERE / markdown)
        for suffix in suffixes:
            target = (HERE / markdown).with_suffix(suffix)
            WRITERS[suffix](tables, target)
            print(f"Wrote {target}")


if __name__ == "__main__":
    main()
