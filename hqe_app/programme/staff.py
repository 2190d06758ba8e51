"""The staff workbook: one row per person, their level and node, and what the row does (Frappe-free).

The columns, the accepted spellings of levels and statuses, and every check a row can fail by
itself or against the other rows of the file (required values, formats, a repeated e-mail or mobile
number). What needs the site (does the node exist, at that level, inside the importer's region; is
the e-mail a person of the programme) is checked by high_quality_employment/staff_import.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Translator = Callable[[str], str]

ACTIVE, MOVE, DISABLE = "Active", "Move", "Disable"
LEVELS = ("Community", "Township", "County", "City")


@dataclass(frozen=True)
class Column:
	key: str
	label: str  # the header, in the notice's Chinese
	help: str  # English msgid; the template's explanation sheet shows its translation


COLUMNS = (
	Column("full_name", "姓名", "The person's name."),
	Column("mobile_no", "手机号码", "11-digit mobile number; no two people may share one."),
	Column("email", "电子邮箱", "The person's e-mail, which is also the login name; one row per person."),
	Column("level", "层级", "社区(村), 乡镇(街道), 县(市、区) or 市."),
	Column("node", "所属节点", "The community, township, county or city by its name, at the row's level."),
	Column(
		"parent", "上级节点", "The township of a community (needed when several communities share its name)."
	),
	Column(
		"status",
		"状态",
		"在岗 (default): add the person or keep them where they are; 调动: move them to this level and "
		"node; 停用: disable them.",
	),
)
LEVEL_LABELS = {"Community": "社区(村)", "Township": "乡镇(街道)", "County": "县(市、区)", "City": "市"}
STATUS_LABELS = {ACTIVE: "在岗", MOVE: "调动", DISABLE: "停用"}
_LEVEL_ALIASES = {
	"Community": ("社区(村)", "社区", "村", "社区村", "community", "village"),
	"Township": ("乡镇(街道)", "街道(乡镇)", "乡镇", "街道", "township", "street"),
	"County": ("县(市、区)", "县(市,区)", "县", "县级", "区", "县级市", "county"),
	"City": ("市", "市级", "city"),
}
_STATUS_ALIASES = {
	ACTIVE: ("在岗", "新增", "active", ""),
	MOVE: ("调动", "调整", "move"),
	DISABLE: ("停用", "禁用", "disable", "disabled"),
}
MOBILE = re.compile(r"^1[3-9]\d{9}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _key(text: object) -> str:
	"""Compare spellings: full-width brackets and commas as ASCII, no spaces, lower case."""
	value = str(text if text is not None else "").strip()
	for wide, narrow in (("（", "("), ("）", ")"), ("，", ","), (" ", ""), ("\u3000", "")):
		value = value.replace(wide, narrow)
	return value.lower()


LEVEL_BY_SPELLING = {_key(a): level for level, aliases in _LEVEL_ALIASES.items() for a in aliases}
STATUS_BY_SPELLING = {_key(a): status for status, aliases in _STATUS_ALIASES.items() for a in aliases}
COLUMN_BY_HEADER = {_key(c.label): c.key for c in COLUMNS} | {_key(c.key): c.key for c in COLUMNS}


@dataclass
class StaffRow:
	number: int  # the row in the workbook
	full_name: str
	mobile_no: str
	email: str
	level: str | None
	node: str
	parent: str
	status: str


@dataclass
class RowError:
	row: int
	field: str
	message: str


@dataclass
class Checked:
	rows: list[StaffRow] = field(default_factory=list)
	errors: list[RowError] = field(default_factory=list)


def text(value: object) -> str:
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		value = int(value)  # a mobile number typed as a number
	return str(value).strip()


def mobile(value: object) -> str:
	digits = re.sub(r"[\s\-()（）]", "", text(value))
	return digits[3:] if digits.startswith("+86") else digits


def check_rows(records: Iterable[tuple[int, dict[str, object]]], _: Translator) -> Checked:
	"""Read and check each (row number, {column key: cell}) record on its own and against the others."""
	out = Checked()
	emails: dict[str, int] = {}
	mobiles: dict[str, int] = {}
	for number, values in records:
		errors: list[RowError] = []

		def refuse(column: str, message: str, errors: list[RowError] = errors, number: int = number) -> None:
			errors.append(RowError(number, column, message))

		status = STATUS_BY_SPELLING.get(_key(values.get("status")))
		if status is None:
			refuse(
				"status", _("Unknown status {0}: use 在岗, 调动 or 停用").format(text(values.get("status")))
			)
		level_text = text(values.get("level"))
		level = LEVEL_BY_SPELLING.get(_key(level_text)) if level_text else None
		if level_text and level is None:
			refuse(
				"level", _("Unknown level {0}: use 社区(村), 乡镇(街道), 县(市、区) or 市").format(level_text)
			)
		row = StaffRow(
			number=number,
			full_name=text(values.get("full_name")),
			mobile_no=mobile(values.get("mobile_no")),
			email=text(values.get("email")).lower(),
			level=level,
			node=text(values.get("node")),
			parent=text(values.get("parent")),
			status=status or ACTIVE,
		)
		if not row.email:
			refuse("email", _("{0} is required").format("电子邮箱"))
		elif not EMAIL.match(row.email):
			refuse("email", _("{0} is not a valid e-mail address").format(row.email))
		elif row.email in emails:
			refuse("email", _("{0} is also on row {1}").format(row.email, emails[row.email]))
		if row.mobile_no and not MOBILE.match(row.mobile_no):
			refuse("mobile_no", _("{0} is not an 11-digit mobile number").format(row.mobile_no))
		elif row.mobile_no and row.mobile_no in mobiles:
			refuse("mobile_no", _("{0} is also on row {1}").format(row.mobile_no, mobiles[row.mobile_no]))
		if row.status in (ACTIVE, MOVE):
			if row.status == ACTIVE and not row.full_name:
				refuse("full_name", _("{0} is required").format("姓名"))
			if not level_text:
				refuse("level", _("{0} is required").format("层级"))
			if not row.node:
				refuse("node", _("{0} is required").format("所属节点"))
		emails.setdefault(row.email, number)
		if row.mobile_no:
			mobiles.setdefault(row.mobile_no, number)
		if errors:
			out.errors += errors
		else:
			out.rows.append(row)
	return out


def records_from_table(table: Iterable[Iterable[object]]) -> list[tuple[int, dict[str, object]]]:
	"""(row number, values by column key) from a sheet's rows, the first being the header row.

	Columns are found by their Chinese header or their key; blank rows are skipped.
	"""
	rows = iter(table)
	header = next(rows, None) or ()
	keys = [COLUMN_BY_HEADER.get(_key(h)) for h in header]
	missing = [c.label for c in COLUMNS if c.key not in keys and c.key in ("email", "level", "node")]
	if missing:
		raise ValueError("、".join(missing))
	records = []
	for number, cells in enumerate(rows, start=2):
		values = {k: v for k, v in zip(keys, cells, strict=False) if k}
		if any(text(v) for v in values.values()):
			records.append((number, values))
	return records
