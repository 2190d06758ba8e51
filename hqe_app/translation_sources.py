"""Every English message hqe_app shows, for checking that locale/zh.po translates each one (no Frappe).

Gathers the literal strings passed to `_()` in the app's Python files, the labels, options,
sections and flags of every scoring scheme, and the names, labels, options and descriptions in the
app's DocType JSON.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

from hqe_app.excel_io.columns import IDENTITY, KIND_HELP
from hqe_app.scoring.schemes import SCHEMES

APP_DIR = Path(__file__).parent


def python_messages(root: Path = APP_DIR) -> Iterator[tuple[str, str]]:
	"""(message, where) for each `_("literal")` call in the app's Python files."""
	for path in sorted(root.rglob("*.py")):
		tree = ast.parse(path.read_text(encoding="utf-8"))
		for node in ast.walk(tree):
			if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
				continue
			# _("text"), and report columns column(fieldname, "Label", ...) whose label goes through _()
			position = {"_": 0, "column": 1}.get(node.func.id)
			if position is None or len(node.args) <= position:
				continue
			argument = node.args[position]
			if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
				yield argument.value, f"{path.relative_to(root.parent)}:{node.lineno}"


def scheme_messages() -> Iterator[tuple[str, str]]:
	for scheme in SCHEMES.values():
		for spec in scheme.fields:
			yield spec.label, f"{scheme.code}:{spec.name}"
			for option in spec.options:
				yield option, f"{scheme.code}:{spec.name}:{option}"
		for _code, section in scheme.sections:
			yield section, f"{scheme.code}:section"
		for flag in scheme.flags:
			yield flag.message, f"{scheme.code}:flag"
	for _name, label, help in IDENTITY:
		yield label, "excel_io.columns"
		yield help, "excel_io.columns"
	for help in KIND_HELP.values():
		yield help, "excel_io.columns"


def doctype_messages(root: Path = APP_DIR) -> Iterator[tuple[str, str]]:
	"""DocType names, field labels, Select options and descriptions of the app's DocType JSON."""
	for path in sorted(root.glob("*/doctype/*/*.json")):
		meta = json.loads(path.read_text(encoding="utf-8"))
		if meta.get("doctype") != "DocType":
			continue
		where = meta["name"]
		yield meta["name"], where
		for field in meta.get("fields", []):
			for key in ("label", "description"):
				if field.get(key):
					yield field[key], f"{where}.{field['fieldname']}"
			if field.get("fieldtype") == "Select":
				for option in (field.get("options") or "").split("\n"):
					if option and field["fieldname"] != "fieldname":
						yield option, f"{where}.{field['fieldname']}"


def report_messages(root: Path = APP_DIR) -> Iterator[tuple[str, str]]:
	"""Names of the app's standard reports, number cards and dashboard charts, as the desk shows them."""
	shown = {"Report": "name", "Number Card": "label", "Dashboard Chart": "chart_name"}
	for folder in ("report", "number_card", "dashboard_chart"):
		for path in sorted(root.glob(f"*/{folder}/*/*.json")):
			meta = json.loads(path.read_text(encoding="utf-8"))
			if meta.get("doctype") in shown:
				yield meta[shown[meta["doctype"]]], f"{meta['doctype']} {meta['name']}"


def all_messages() -> dict[str, str]:
	found: dict[str, str] = {}
	for message, where in (*python_messages(), *scheme_messages(), *doctype_messages(), *report_messages()):
		found.setdefault(message, where)
	return found
