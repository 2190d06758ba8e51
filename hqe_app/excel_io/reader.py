"""Read applications from the .xlsx template or a .json list; anything unreadable raises UnreadableFile."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook

from hqe_app.excel_io.columns import DATA_SHEET, columns
from hqe_app.excel_io.sheet_rows import sheet_rows
from hqe_app.i18n import Translator
from hqe_app.scoring.scheme import Scheme

HEADER_SEARCH_ROWS = 5


class UnreadableFile(Exception):
	"""The file as a whole cannot be read (exit status 2)."""


@dataclass(frozen=True)
class InputRow:
	number: int  # 1-based row number in the sheet, or position in the JSON list
	values: dict[str, object]


def read_rows(path: str | Path, scheme: Scheme, _: Translator) -> list[InputRow]:
	path = Path(path)
	if not path.is_file():
		raise UnreadableFile(_("File not found: {0}").format(path))
	suffix = path.suffix.lower()
	if suffix == ".json":
		return _read_json(path, _)
	if suffix in (".xlsx", ".xlsm"):
		return _read_xlsx(path, scheme, _)
	raise UnreadableFile(_("Unsupported file type {0}: use .xlsx or .json").format(suffix or path.name))


def _read_json(path: Path, _: Translator) -> list[InputRow]:
	try:
		data = json.loads(path.read_text(encoding="utf-8-sig"))
	except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
		raise UnreadableFile(_("Cannot read {0}: {1}").format(path.name, e)) from e
	if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
		raise UnreadableFile(_("{0} must hold a JSON list of objects").format(path.name))
	return [InputRow(i, item) for i, item in enumerate(data, start=1)]


def _read_xlsx(path: Path, scheme: Scheme, _: Translator) -> list[InputRow]:
	try:
		wb = load_workbook(path, read_only=True, data_only=True)
	except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
		raise UnreadableFile(_("Cannot read {0}: {1}").format(path.name, e)) from e
	try:
		ws = wb[DATA_SHEET] if DATA_SHEET in wb.sheetnames else wb.worksheets[0]
		return _rows_of(sheet_rows(ws), scheme, _, path.name)
	except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, IndexError) as e:
		# A sheet that is not well-formed XML, or a cell that is not what its type says.
		raise UnreadableFile(_("Cannot read {0}: {1}").format(path.name, e)) from e
	finally:
		wb.close()


def _rows_of(sheet_rows, scheme: Scheme, _: Translator, filename: str) -> list[InputRow]:
	"""Find the header (field names or Chinese labels, in the first rows), then map each non-empty row."""
	cols = columns(scheme, _)
	known = {c.name: c.name for c in cols} | {c.label: c.name for c in cols}
	header: list[str | None] | None = None
	rows: list[InputRow] = []
	for number, row in enumerate(sheet_rows, start=1):
		cells = [str(v).strip() if v is not None else None for v in row]
		if _is_header(cells, known):
			header = [known.get(c) if c else None for c in cells]
			continue
		if header is None:
			if number >= HEADER_SEARCH_ROWS:
				break
			continue
		if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
			continue
		rows.append(InputRow(number, {name: value for name, value in zip(header, row, strict=False) if name}))
	if header is None:
		raise UnreadableFile(_("{0} has no header row of the data template").format(filename))
	return rows


def _is_header(cells: list[str | None], known: dict[str, str]) -> bool:
	names = {known.get(c) for c in cells if c}
	return {"community", "labor_force", "employed"} <= names
