"""Translations for code that runs without Frappe (the engine, the offline scorer).

The app's own `locale/<lang>.po` is the single source: Frappe reads it for the desk, and this module
reads the same file for the command line, so a message is translated once.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import cache
from pathlib import Path

Translator = Callable[[str], str]
LOCALE_DIR = Path(__file__).parent / "locale"


def parse_po(text: str) -> dict[str, str]:
	"""msgid -> msgstr for the entries of a .po file that have a translation (msgctxt is ignored)."""
	catalog: dict[str, str] = {}
	key: str | None = None
	parts: dict[str, list[str]] = {}

	def flush() -> None:
		msgid, msgstr = "".join(parts.get("msgid", [])), "".join(parts.get("msgstr", []))
		if msgid and msgstr:
			catalog[msgid] = msgstr

	for line in text.splitlines():
		line = line.strip()
		if not line or line.startswith("#"):
			continue
		if line.startswith('"'):
			if key:
				parts[key].append(ast.literal_eval(line))
			continue
		word, _, rest = line.partition(" ")
		if word == "msgctxt" or (word == "msgid" and key in ("msgstr", None)):
			if key == "msgstr":
				flush()
			parts = {}
		key = word
		parts[key] = [ast.literal_eval(rest)]
	if key == "msgstr":
		flush()
	return catalog


@cache
def catalog(lang: str) -> dict[str, str]:
	path = LOCALE_DIR / f"{lang}.po"
	return parse_po(path.read_text(encoding="utf-8")) if path.exists() else {}


def translator(lang: str | None = "zh") -> Translator:
	"""A gettext-like `_` for `lang`; English (the msgids) when lang is None or "en"."""
	if not lang or lang == "en":
		return lambda message: message
	table = catalog(lang)
	return lambda message: table.get(message, message)
