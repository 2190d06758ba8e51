"""DocType JSON as Frappe writes it, and queries Frappe v16 accepts (no Frappe needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

APP = Path(__file__).parent.parent / "hqe_app"
DOCTYPES = sorted(APP.glob("*/doctype/*/*.json"))
#: "count(name) as n" and friends: v16 refuses SQL functions written as strings in `fields`.
STRING_SQL_FUNCTION = re.compile(
	r"""["'][^"'\n]*\b(?:count|sum|avg|min|max)\s*\([^"'\n]*\)(?:\s+as\s+\w+)?["']""", re.IGNORECASE
)


def doctype_json(path: Path) -> dict:
	return json.loads(path.read_text(encoding="utf-8"))


def test_the_app_has_its_doctypes() -> None:
	assert {p.stem for p in DOCTYPES} >= {"hqe_application", "hqe_region", "hqe_review", "hqe_settings"}


@pytest.mark.parametrize("path", DOCTYPES, ids=lambda p: p.stem)
def test_fieldnames_are_unique(path: Path) -> None:
	names = [f["fieldname"] for f in doctype_json(path)["fields"]]
	assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("path", DOCTYPES, ids=lambda p: p.stem)
def test_field_order_is_the_fields(path: Path) -> None:
	meta = doctype_json(path)
	assert meta["field_order"] == [f["fieldname"] for f in meta["fields"]]


def test_no_sql_function_as_a_string_in_query_fields() -> None:
	offenders = []
	for path in APP.rglob("*.py"):
		if path.name.startswith("test_") or "scoring" in path.parts or "offline" in path.parts:
			continue
		for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
			if STRING_SQL_FUNCTION.search(line) and "aggregates.py" not in path.name:
				offenders.append(f"{path.relative_to(APP)}:{number}: {line.strip()}")
	assert offenders == []
