"""The staff workbook without Frappe: template round trip, every row-level refusal, the protected DocTypes."""

from __future__ import annotations

import json
from pathlib import Path

from hqe_app.forms.staff_workbook import read_records, template_bytes
from hqe_app.i18n import translator
from hqe_app.programme.roles import LEVEL_PROFILES, ROLE_PROFILES, programme_doctypes
from hqe_app.programme.staff import ACTIVE, COLUMNS, DISABLE, MOVE, check_rows, records_from_table

_ = translator("zh")


def row(**values):
	base = {
		"full_name": "张三",
		"mobile_no": "13900000001",
		"email": "a@example.com",
		"level": "市",
		"node": "台州市",
	}
	return {**base, **values}


def test_template_round_trip(tmp_path: Path) -> None:
	path = tmp_path / "staff.xlsx"
	people = [
		row(),
		row(email="b@example.com", mobile_no=13900000002, level="社区（村）", node="一村", parent="海门街道"),
	]
	path.write_bytes(template_bytes(_, people))
	records = read_records(path)
	assert [n for n, _v in records] == [2, 3]
	checked = check_rows(records, _)
	assert checked.errors == []
	assert [(r.email, r.mobile_no, r.level, r.node, r.parent, r.status) for r in checked.rows] == [
		("a@example.com", "13900000001", "City", "台州市", "", ACTIVE),
		("b@example.com", "13900000002", "Community", "一村", "海门街道", ACTIVE),
	]


def test_headers_are_the_zh_labels_or_the_keys_and_blank_rows_are_skipped() -> None:
	table = [
		[c.label for c in COLUMNS],
		[None] * len(COLUMNS),
		["李四", "", "L@Example.com", "县", "椒江区", "", "调动"],
	]
	records = records_from_table(table)
	assert records == [
		(
			3,
			{
				"full_name": "李四",
				"mobile_no": "",
				"email": "L@Example.com",
				"level": "县",
				"node": "椒江区",
				"parent": "",
				"status": "调动",
			},
		)
	]
	[person] = check_rows(records, _).rows
	assert (person.email, person.level, person.status) == ("l@example.com", "County", MOVE)


def test_every_row_level_refusal_names_its_field() -> None:
	records = list(
		enumerate(
			[
				row(),
				row(mobile_no="13900000001", email="dup-phone@example.com"),
				row(mobile_no="13900000003"),  # duplicate e-mail
				row(email="x@example.com", mobile_no="12345"),
				row(email="bad", mobile_no=""),
				row(email="y@example.com", mobile_no="", level="省"),
				row(email="z@example.com", mobile_no="", status="离职"),
				row(email="n@example.com", mobile_no="", full_name=""),
				row(email="m@example.com", mobile_no="", level="", node=""),
				{"email": "gone@example.com", "status": "停用"},
			],
			start=2,
		)
	)
	checked = check_rows(records, _)
	assert [(e.row, e.field) for e in checked.errors] == [
		(3, "mobile_no"),
		(4, "email"),
		(5, "mobile_no"),
		(6, "email"),
		(7, "level"),
		(8, "status"),
		(9, "full_name"),
		(10, "level"),
		(10, "node"),
	]
	assert checked.errors[0].message == "13900000001 与第 2 行重复"
	assert [(r.number, r.status) for r in checked.rows] == [(2, ACTIVE), (11, DISABLE)]


def test_mobile_numbers_are_normalised() -> None:
	records = [
		(2, row(mobile_no="+86 139-0000-0001")),
		(3, row(email="b@example.com", mobile_no=13900000002.0)),
	]
	assert [r.mobile_no for r in check_rows(records, _).rows] == ["13900000001", "13900000002"]


def test_levels_have_profiles_and_every_programme_doctype_is_protected() -> None:
	assert set(LEVEL_PROFILES.values()) <= set(ROLE_PROFILES)
	folder = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment" / "doctype"
	parents = {
		meta["name"]
		for meta in (json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*/*.json"))
		if meta.get("doctype") == "DocType" and not meta.get("istable")
	}
	assert set(programme_doctypes()) == parents
	assert {"HQE Application", "HQE Region", "HQE Community", "HQE Staff Import"} <= parents


def test_hooks_guard_every_programme_doctype() -> None:
	from hqe_app import hooks

	assert set(hooks.permission_query_conditions) == set(hooks.has_permission) == set(programme_doctypes())
