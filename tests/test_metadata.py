"""Checks on the app's own files that need no Frappe: translations, purity of the engine, schemes as data."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from fractions import Fraction

from hqe_app.i18n import catalog, parse_po
from hqe_app.scoring import score
from hqe_app.scoring.rules import RatioTiers
from hqe_app.translation_sources import all_messages
from tests.factories import SCHEME, full_marks


def test_every_message_has_a_chinese_translation() -> None:
	zh = catalog("zh")
	missing = {message: where for message, where in all_messages().items() if message not in zh}
	assert missing == {}


def test_po_translations_keep_their_placeholders() -> None:
	import re

	for msgid, msgstr in catalog("zh").items():
		assert sorted(re.findall(r"\{\d\}", msgid)) == sorted(re.findall(r"\{\d\}", msgstr)), msgid


def test_po_parser_handles_multiline_entries_and_context() -> None:
	text = 'msgid ""\nmsgstr ""\n"Language: zh\\n"\n\nmsgctxt "x"\nmsgid "A"\n"B"\nmsgstr "甲"\n"乙"\n\nmsgid "C"\nmsgstr ""\n'
	assert parse_po(text) == {"AB": "甲乙"}


def test_frappe_free_packages_never_import_frappe() -> None:
	"""scoring, offline, forms and programme: the code that is facts and formulas, not Frappe glue."""
	code = (
		"import sys, hqe_app, hqe_app.scoring, hqe_app.offline.cli, hqe_app.offline.workbook, "
		"hqe_app.excel_io.template, hqe_app.demo_data, hqe_app.forms.data, hqe_app.forms.workbook, "
		"hqe_app.forms.texts, hqe_app.forms.document_lists, hqe_app.forms.list_workbook, hqe_app.programme.lifecycle, hqe_app.programme.workflow, "
		"hqe_app.programme.calendar; "
		"assert 'frappe' not in sys.modules, 'frappe was imported'"
	)
	subprocess.run([sys.executable, "-c", code], check=True)


def test_a_second_scheme_is_data_alone() -> None:
	"""Another city's variant: a stricter employment tier and pass mark, nothing but data changes."""
	stricter = tuple(
		dataclasses.replace(rule, tiers=((Fraction(99, 100), 5), (Fraction(97, 100), 3)))
		if rule.code == "1" and isinstance(rule, RatioTiers)
		else rule
		for rule in SCHEME.indicators
	)
	variant = dataclasses.replace(SCHEME, code="example-2025", pass_mark=70, indicators=stricter)
	values = full_marks(employed=980)
	assert score(values).points["1"] == 5
	card = score(values, scheme=variant)
	assert card.points["1"] == 3
	assert card.scheme == "example-2025" and card.pass_mark == 70
	assert card.total == 108


def test_scheme_maxima_add_up() -> None:
	base = sum(r.max_points for r in SCHEME.indicators if r.code not in SCHEME.bonus_codes)
	assert base == SCHEME.base_max == 100
	assert (
		sum(r.max_points for r in SCHEME.indicators if r.code in SCHEME.bonus_codes) == SCHEME.bonus_max == 10
	)


def test_workflow_fixture_matches_its_definition() -> None:
	"""The shipped Workflow fixture is the table in workflow/definition.py, state by state."""
	import json
	from pathlib import Path

	from hqe_app.programme.workflow import (
		FRAPPE_WORKFLOW_ACTIONS,
		OWN_ACTIONS,
		STATES,
		TRANSITIONS,
		WORKFLOW_NAME,
	)

	fixtures = Path(__file__).parent.parent / "hqe_app" / "fixtures"
	[workflow] = json.loads((fixtures / "workflow.json").read_text(encoding="utf-8"))
	assert workflow["name"] == WORKFLOW_NAME
	assert (workflow["document_type"], workflow["workflow_state_field"], workflow["is_active"]) == (
		"HQE Application",
		"workflow_state",
		1,
	)
	assert [(s["state"], int(s["doc_status"]), s["allow_edit"]) for s in workflow["states"]] == [
		(s.name, s.docstatus, s.editor) for s in STATES
	]
	# one way to tell the next level: the app's assignments, so Frappe's Workflow Actions are off
	assert {s["is_optional_state"] for s in workflow["states"]} == {int(not FRAPPE_WORKFLOW_ACTIONS)}
	assert workflow["send_email_alert"] == int(FRAPPE_WORKFLOW_ACTIONS)
	assert [
		(t["state"], t["action"], t["next_state"], t["allowed"], t["allow_self_approval"])
		for t in workflow["transitions"]
	] == [(t.state, t.action, t.next_state, t.role, int(t.self_approval)) for t in TRANSITIONS]
	states = {s["name"] for s in json.loads((fixtures / "workflow_state.json").read_text(encoding="utf-8"))}
	assert states == {s.name for s in STATES}
	actions = {
		a["name"] for a in json.loads((fixtures / "workflow_action_master.json").read_text(encoding="utf-8"))
	}
	assert actions == set(OWN_ACTIONS)


def test_every_workflow_state_and_action_has_a_chinese_name() -> None:
	from hqe_app.programme.workflow import ACTIONS, STATES

	zh = catalog("zh")
	assert [s.name for s in STATES if s.name not in zh] == []
	assert [a for a in ACTIONS if a not in zh] == []


def test_role_fixture_is_the_roles_of_the_programme() -> None:
	import json
	from pathlib import Path

	from hqe_app.programme.roles import ROLE_PROFILES, ROLES

	fixtures = Path(__file__).parent.parent / "hqe_app" / "fixtures"
	shipped = [r["name"] for r in json.loads((fixtures / "role.json").read_text(encoding="utf-8"))]
	assert sorted(shipped) == sorted(ROLES)
	assert {role for roles in ROLE_PROFILES.values() for role in roles} == set(ROLES)


def test_list_view_colours_and_number_cards_follow_the_workflow_definition() -> None:
	import json
	import re
	from pathlib import Path

	from hqe_app.programme.lifecycle import CERTIFIED_STATES, CITY_CERTIFIED, RECOMMENDED_OR_LATER
	from hqe_app.programme.workflow import STATES

	module = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment"
	script = (module / "doctype" / "hqe_application" / "hqe_application_list.js").read_text(encoding="utf-8")
	block = re.search(r"const HQE_STATE_COLORS = \{(.*?)\};", script, re.S).group(1)
	colours = dict(re.findall(r'"?([A-Z][\w ]+?)"?: "(\w+)"', block))
	assert colours == {s.name: s.color for s in STATES}

	def card_states(folder: str) -> list[str]:
		card = json.loads((module / "number_card" / folder / f"{folder}.json").read_text(encoding="utf-8"))
		[[_doctype, field, operator, value]] = json.loads(card["filters_json"])
		assert field == "workflow_state"
		return [value] if operator == "=" else value

	assert card_states("hqe_county_certified_this_year") == list(CERTIFIED_STATES)
	assert card_states("hqe_recommended_this_year") == list(RECOMMENDED_OR_LATER)
	assert card_states("hqe_city_certified_this_year") == [CITY_CERTIFIED]


def test_settings_defaults_are_the_programme_defaults() -> None:
	import json
	from pathlib import Path

	from hqe_app.programme.settings import DEFAULTS

	path = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment" / "doctype" / "hqe_settings"
	fields = json.loads((path / "hqe_settings.json").read_text(encoding="utf-8"))["fields"]
	shipped = {f["fieldname"]: f["default"] for f in fields if f.get("default") is not None}
	assert shipped == {name: str(value) for name, value in DEFAULTS.items()}


def test_correctable_fields_are_the_communitys_indicator_fields() -> None:
	"""A verified correction may target exactly the indicator values the community reports."""
	import json
	from pathlib import Path

	from hqe_app.programme.authority import INDICATOR_FIELDS

	path = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment" / "doctype" / "hqe_correction"
	fields = json.loads((path / "hqe_correction.json").read_text(encoding="utf-8"))["fields"]
	[fieldname] = [f for f in fields if f["fieldname"] == "fieldname"]
	assert set(filter(None, fieldname["options"].split("\n"))) == INDICATOR_FIELDS


def test_the_readme_workflow_table_is_the_workflow() -> None:
	"""Every move of programme/workflow.py, and nothing else, is a row of the README's workflow table."""
	import re
	from pathlib import Path

	from hqe_app.programme.workflow import TRANSITIONS

	readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
	block = re.search(r"<!-- workflow-table -->\n(.*?)<!-- /workflow-table -->", readme, re.S).group(1)
	rows = [line.split("|")[1:5] for line in block.splitlines()[2:]]
	english = [(cells[0].split()[-1], cells[1].split()[-1], cells[3].split()[-1]) for cells in rows]
	expected = [(t.state.split()[-1], t.action.split()[-1], t.next_state.split()[-1]) for t in TRANSITIONS]
	assert english == expected
