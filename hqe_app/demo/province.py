"""Load a province-scale data set into a site, for benchmarks and demonstrations.

	bench --site SITE execute hqe_app.demo.province.generate --kwargs "{'communities': 25000, 'years': 5}"

The plan (regions, communities, years of applications with their scores, states, reviews,
recommendations and awards) comes from the frappe-free `province_shape` and `province_history`;
this module writes it with Frappe's public `frappe.db.bulk_insert` (multi-row INSERTs of CHUNK rows),
filling every column the ORM would, because inserting a hundred thousand documents one by one
through the ORM would take hours. What
the ORM would also have left behind and this does not: Version and Comment rows (the timeline),
assignments (ToDo) and Workflow Action rows. `check()` re-scores a sample through the controllers.

Refuses to run on a site that already has HQE data unless `reset=True`, which empties every table of
the High Quality Employment module first (and the naming-series counters of applications and awards).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterable, Sequence
from fractions import Fraction

import frappe
from frappe.utils import add_days, getdate, now_datetime, nowdate
from hqe_app.demo.province_history import Application, History, achievements, plan_history
from hqe_app.demo.province_shape import Province, build_province
from hqe_app.high_quality_employment.application.scoring import GAP_FIELDS, gap_fields
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.programme.calendar import DEADLINE_FIELDS, deadline
from hqe_app.scoring import get_scheme

MODULE = "High Quality Employment"
USER = "Administrator"
APPLICATION = "HQE Application"
STANDARD = ("name", "creation", "modified", "modified_by", "owner", "docstatus", "idx")
CHILD = ("parent", "parentfield", "parenttype")
CHUNK = 5_000  # rows per INSERT statement


def _standard(
	name: str, created: str, modified: str | None = None, docstatus: int = 0, idx: int = 0
) -> tuple:
	"""The values of STANDARD for one row written by the generator's user."""
	return (name, created, modified or created, USER, USER, docstatus, idx)


def generate(
	communities: int = 25_000,
	years: int = 5,
	first_year: int | None = None,
	seed: int = 2024,
	reset: bool = False,
	open_current_year: bool = True,
) -> dict:
	"""Generate a province: ~1,500 regions, `communities` communities and `years` years of applications."""
	clock = _Clock()
	_check_empty(reset, clock)
	settings = frappe.get_single("HQE Settings")
	if (settings.quota_scope or "Current Year") != "Current Year":
		clock.say(
			f"note: quota scope is {settings.quota_scope}; the plan recommends within each year's quota"
		)
	scheme = get_scheme(None)
	province = build_province(communities, seed)
	clock.say(
		f"planned {len(province.regions)} regions and {len(province.communities)} communities (seed {seed})"
	)
	history = plan_history(
		province,
		years,
		first_year,
		seed,
		scheme=scheme,
		pass_mark=float(settings.pass_mark if settings.pass_mark is not None else 60),
		quota_rate=Fraction(str(settings.quota_rate if settings.quota_rate is not None else 10)) / 100,
		rounding=settings.quota_rounding or "floor",
		award_amount=float(settings.city_award_amount or 20_000),
		now=now_datetime().replace(microsecond=0),
		translate=frappe._,
		progress=clock.say,
	)
	writer = _Writer(clock, random.Random(f"{seed}-names"), [f.name for f in scheme.fields], scheme.code)
	writer.regions(province, history.first_year)
	writer.communities(province, history.first_year)
	writer.applications(history)
	writer.reviews(history)  # the county's review carries the innovation points the totals include
	writer.recommendations(history)
	writer.awards(history)
	writer.series(history)
	if open_current_year:
		_open_current_year(history, clock)
	clock.say(f"HQE Score Tally: {score_tally.rebuild():,} townships' years counted")
	summary = _summary(clock)
	clock.say(f"done in {clock.elapsed():.1f}s")
	return summary


class _Clock:
	def __init__(self) -> None:
		self.start = time.monotonic()

	def elapsed(self) -> float:
		return time.monotonic() - self.start

	def say(self, message: str) -> None:
		print(f"[{self.elapsed():7.1f}s] {message}", flush=True)


def hqe_tables() -> list[str]:
	"""Every table of the module: its DocTypes and child tables (the single HQE Settings has none)."""
	return frappe.get_all(
		"DocType", filters={"module": MODULE, "issingle": 0, "is_virtual": 0}, pluck="name", order_by="name"
	)


def _check_empty(reset: bool, clock: _Clock) -> None:
	counts = {doctype: frappe.db.count(doctype) for doctype in ("HQE Region", "HQE Community", APPLICATION)}
	if not any(counts.values()):
		return
	if not reset:
		found = ", ".join(f"{n:,} {doctype}" for doctype, n in counts.items() if n)
		frappe.throw(
			f"Site {frappe.local.site} already has HQE data ({found}). Generate on an empty site, or pass "
			f"reset=True to delete every HQE table's rows first: --kwargs \"{{'reset': True, ...}}\"",
			title="HQE data exists",
		)
	tables = hqe_tables()
	for doctype in tables:
		frappe.db.truncate(doctype)
	# What pointed at the deleted documents: their timeline, assignments, workflow actions.
	for doctype, column in (
		("Version", "ref_doctype"),
		("Comment", "reference_doctype"),
		("ToDo", "reference_type"),
		("Workflow Action", "reference_doctype"),
	):
		frappe.db.delete(doctype, {column: ("in", tables)})
	frappe.db.sql("DELETE FROM `tabSeries` WHERE `name` LIKE 'HQE-%%' OR `name` LIKE 'AWD-%%'")
	frappe.db.commit()
	# The settings' own tables (calendar, county awards, extensions) were emptied too.
	frappe.clear_document_cache("HQE Settings", "HQE Settings")
	clock.say(f"reset: emptied {len(tables)} HQE tables ({', '.join(tables)})")


class _Writer:
	def __init__(self, clock: _Clock, rng: random.Random, scheme_fields: Sequence[str], scheme: str) -> None:
		self.clock, self.rng, self.scheme_fields, self.scheme = clock, rng, tuple(scheme_fields), scheme
		self.used_hashes: set[str] = set()

	def insert(self, doctype: str, fields: Sequence[str], rows: Iterable[Sequence]) -> int:
		rows = list(rows)
		missing = set(fields) - set(frappe.db.get_table_columns(doctype))
		if missing:
			frappe.throw(f"{doctype} has no column {', '.join(sorted(missing))}")
		frappe.db.bulk_insert(doctype, fields, rows, chunk_size=CHUNK)
		frappe.db.commit()
		self.clock.say(f"{doctype}: {len(rows):,} rows")
		return len(rows)

	def hash(self) -> str:
		"""A child row's name as Frappe makes it (10 hex digits), never repeated within this run."""
		while True:
			name = f"{self.rng.getrandbits(40):010x}"
			if name not in self.used_hashes:
				self.used_hashes.add(name)
				return name

	# -- regions and communities ------------------------------------------------------------------

	def regions(self, province: Province, first_year: int) -> None:
		base = dt.datetime(first_year, 1, 2, 9, 0, 0)
		fields = (
			*STANDARD,
			"region_name",
			"region_level",
			"parent_hqe_region",
			"region_code",
			"is_group",
			"lft",
			"rgt",
			"old_parent",
		)
		rows = []
		for i, r in enumerate(province.regions):
			at = _ts(base + dt.timedelta(seconds=i))
			rows.append(
				(
					*_standard(r.name, at),
					r.name,
					r.level,
					r.parent,
					r.code,
					int(r.level != "Township"),
					r.lft,
					r.rgt,
					r.parent or "",
				)
			)
		self.insert("HQE Region", fields, rows)
		_check_nested_set()

	def communities(self, province: Province, first_year: int) -> None:
		base = dt.datetime(first_year, 1, 5, 9, 0, 0)
		fields = (
			*STANDARD,
			"community_name",
			"community_type",
			"township",
			"county",
			"disabled",
			"contact_person",
			"phone",
			"address",
		)
		rows = []
		for i, c in enumerate(province.communities):
			at = _ts(base + dt.timedelta(seconds=i * 7))
			rows.append(
				(
					*_standard(c.name, at),
					c.community_name,
					c.community_type,
					c.township,
					c.county,
					0,
					c.contact_person,
					c.phone,
					c.address,
				)
			)
		self.insert("HQE Community", fields, rows)

	# -- applications and their tables ------------------------------------------------------------

	def applications(self, history: History) -> None:
		fields = (
			*STANDARD,
			"community",
			"community_name",
			"year",
			"township",
			"county",
			"scheme",
			"workflow_state",
			*self.scheme_fields,
			"base_score",
			"bonus_score",
			"total_score",
			"self_reported_total",
			"eligible",
			"score_flags",
			*GAP_FIELDS,
			"workflow_reason",
			"recommended_to_province",
			"publication_start",
			"publication_end",
		)
		rows = []
		for a in history.applications:
			c = a.community
			values = tuple(_db_value(a.values[f]) for f in self.scheme_fields)
			rows.append(
				(
					*_standard(a.name, _ts(a.created), _ts(a.modified), docstatus=a.docstatus),
					c.name,
					c.community_name,
					a.year,
					c.township,
					c.county,
					self.scheme,
					a.state,
					*values,
					a.card.base,
					a.card.bonus,
					a.card.total,
					a.reported.total,
					int(a.card.eligible),
					"\n".join(a.card.flags),
					*gap_fields(a.card).values(),
					a.reason,
					int(a.recommended_to_province),
					_day(a.publication_start),
					_day(a.publication_end),
				)
			)
		self.insert(APPLICATION, fields, rows)
		self.indicator_results(history.applications)
		self.media_reports(history.applications)

	def _child(self, a: Application, idx: int, parentfield: str) -> tuple:
		return (
			*_standard(self.hash(), _ts(a.created), _ts(a.modified), docstatus=a.docstatus, idx=idx),
			a.name,
			parentfield,
			APPLICATION,
		)

	def indicator_results(self, applications: Sequence[Application]) -> None:
		fields = (*STANDARD, *CHILD, "indicator_code", "indicator_name", "max_points", "points", "basis")
		rows = (
			(*self._child(a, i, "indicator_results"), r.code, r.name, r.max_points, r.points, r.basis)
			for a in applications
			for i, r in enumerate(a.card.results, 1)
		)
		self.insert("HQE Indicator Result", fields, rows)

	def media_reports(self, applications: Sequence[Application]) -> None:
		fields = (*STANDARD, *CHILD, "outlet", "level", "report_date", "link", "attachment")
		rows = (
			(*self._child(a, i, "media_reports"), m.outlet, m.level, _day(m.report_date), None, None)
			for a in applications
			for i, m in enumerate(a.media, 1)
		)
		self.insert("HQE Media Report", fields, rows)

	def reviews(self, history: History) -> None:
		fields = (
			*STANDARD,
			"application",
			"community_name",
			"year",
			"review_level",
			"township",
			"county",
			"reviewer",
			"review_date",
			"decision",
			"opinion",
			"seal_note",
			"innovation_points",
			"material_check",
			"data_check",
			"site_visit_date",
			"site_visit_record",
		)
		rows = []
		for a in history.applications:
			c = a.community
			for r in a.reviews:
				at = _ts(r.at)
				rows.append(
					(
						*_standard(f"{a.name}-{r.level}", at),
						a.name,
						c.community_name,
						a.year,
						r.level,
						c.township,
						c.county,
						USER,
						_day(r.at.date()),
						r.decision,
						r.opinion,
						r.seal_note,
						r.innovation_points,
						r.material_check,
						r.data_check,
						_day(r.site_visit_date),
						r.site_visit_record,
					)
				)
		self.insert("HQE Review", fields, rows)

	def recommendations(self, history: History) -> None:
		fields = (*STANDARD, "county", "year", "quota", "certified_count")
		rows = [
			(
				*_standard(rec.name, _ts(rec.created)),
				rec.county,
				rec.year,
				rec.quota,
				rec.certified_count,
			)
			for rec in history.recommendations
		]
		self.insert("HQE Recommendation", fields, rows)
		item_fields = (
			*STANDARD,
			*CHILD,
			"application",
			"community_name",
			"total_score",
			"contact_person",
			"phone",
			"address",
			"achievements",
			"township_opinion",
			"township_opinion_date",
			"county_opinion",
			"county_opinion_date",
			"city_opinion",
			"city_opinion_date",
		)
		items = []
		for rec in history.recommendations:
			for i, a in enumerate(rec.items, 1):
				c, by_level = a.community, {r.level: r for r in a.reviews}
				township, city = by_level.get("Township"), by_level.get("City")
				items.append(
					(
						*_standard(self.hash(), _ts(rec.created), idx=i),
						rec.name,
						"items",
						"HQE Recommendation",
						a.name,
						c.community_name,
						a.card.total,
						c.contact_person,
						c.phone,
						c.address,
						achievements(a),
						township.opinion if township else None,
						_day(township.at.date()) if township else None,
						"经县级评估认定，同意推荐",
						_day(rec.created.date()),
						city.opinion if city else None,
						_day(city.at.date()) if city else None,
					)
				)
		self.insert("HQE Recommendation Item", item_fields, items)

	def awards(self, history: History) -> None:
		fields = (
			*STANDARD,
			"application",
			"community_name",
			"year",
			"township",
			"county",
			"amount",
			"status",
			"payment_date",
			"payment_reference",
		)
		rows = []
		for w in history.awards:
			a, c = w.application, w.application.community
			rows.append(
				(
					*_standard(w.name, _ts(w.created), _ts(w.modified)),
					a.name,
					c.community_name,
					a.year,
					c.township,
					c.county,
					w.amount,
					w.status,
					_day(w.payment_date),
					w.payment_reference,
				)
			)
		self.insert("HQE Award", fields, rows)

	def series(self, history: History) -> None:
		"""The counters `format:HQE-{year}-{#####}` and `AWD-{year}-{#####}` keep in tabSeries."""
		for key, current in history.series.items():
			frappe.db.sql(
				"INSERT INTO `tabSeries` (`name`, `current`) VALUES (%s, %s) "
				"ON DUPLICATE KEY UPDATE `current` = GREATEST(`current`, VALUES(`current`))",
				(key, current),
			)
		frappe.db.commit()
		self.clock.say(f"tabSeries: {len(history.series)} counters set")


def check(per_state: int = 10) -> dict:
	"""Re-score a sample of each state through the controllers and compare with what was written.

	bench --site SITE execute hqe_app.demo.province.check

	Nothing is saved (the transaction is rolled back); returns the documents whose stored score
	fields or indicator results differ from what `apply_scores` computes now.
	"""
	from hqe_app.high_quality_employment.application.scoring import apply_scores

	text_fields = ("score_flags", *GAP_FIELDS)

	fields = (
		"base_score",
		"bonus_score",
		"total_score",
		"self_reported_total",
		"eligible",
		"score_flags",
		*GAP_FIELDS,
		"innovation_points",
		"media_reports_county",
		"media_reports_city",
		"media_reports_province",
	)

	def snapshot(doc) -> tuple:
		return (
			[float(doc.get(f) or 0) if f not in text_fields else (doc.get(f) or "") for f in fields],
			[
				(r.indicator_code, r.indicator_name, float(r.max_points), float(r.points), r.basis)
				for r in doc.indicator_results
			],
		)

	checked, differing = 0, []
	states = frappe.get_all(APPLICATION, fields=["workflow_state"], distinct=True, pluck="workflow_state")
	for state in states:
		for name in frappe.get_all(
			APPLICATION, filters={"workflow_state": state}, pluck="name", order_by="rand()", limit=per_state
		):
			doc = frappe.get_doc(APPLICATION, name)
			before = snapshot(doc)
			apply_scores(doc)
			checked += 1
			if snapshot(doc) != before:
				differing.append(name)
	frappe.db.rollback()
	print(f"checked {checked} applications in {len(states)} states; {len(differing)} differ", flush=True)
	return {"checked": checked, "differing": differing}


def _open_current_year(history: History, clock: _Clock) -> None:
	"""Keep the current year's applications actionable: once its default deadlines have passed (the
	generator is run late in the year), give that year a calendar row with deadlines still ahead."""
	today = getdate(nowdate())
	year = history.first_year + history.years - 1
	settings = frappe.get_single("HQE Settings")
	if year != today.year or all((deadline(settings, f, year) or today) >= today for f in DEADLINE_FIELDS):
		return
	row = next((r for r in settings.calendar if int(r.year) == year), None) or settings.append(
		"calendar", {"year": year}
	)
	for i, fieldname in enumerate(DEADLINE_FIELDS):
		row.set(fieldname, add_days(today, 30 + 15 * i))
	settings.save(ignore_permissions=True)
	frappe.db.commit()
	dates = ", ".join(f"{f} {row.get(f)}" for f in DEADLINE_FIELDS)
	clock.say(f"HQE Settings: {year}'s deadlines had passed; its calendar row now has {dates}")


def _check_nested_set() -> None:
	"""Every node lies inside its parent's interval and spans exactly its subtree."""
	bad = frappe.db.sql(
		"""SELECT r.name FROM `tabHQE Region` r JOIN `tabHQE Region` p ON p.name = r.parent_hqe_region
		WHERE NOT (p.lft < r.lft AND r.rgt < p.rgt)
		UNION ALL
		SELECT r.name FROM `tabHQE Region` r
		WHERE r.rgt - r.lft + 1 != 2 * (SELECT COUNT(*) FROM `tabHQE Region` d WHERE d.lft BETWEEN r.lft AND r.rgt)
		LIMIT 5"""
	)
	if bad:
		frappe.throw(f"HQE Region nested set is inconsistent at {', '.join(b[0] for b in bad)}")


def _summary(clock: _Clock) -> dict:
	by_state = frappe.db.sql(
		"""SELECT `year`, `workflow_state`, COUNT(*) FROM `tabHQE Application`
		GROUP BY `year`, `workflow_state` ORDER BY `year`, `workflow_state`"""
	)
	states: dict[str, dict[str, int]] = {}
	for year, state, n in by_state:
		states.setdefault(str(year), {})[state] = n
	for year, counts in states.items():
		clock.say(
			f"{year}: {sum(counts.values()):,} applications — "
			+ ", ".join(f"{s} {n}" for s, n in counts.items())
		)
	rows = {doctype: frappe.db.count(doctype) for doctype in hqe_tables()}
	clock.say("rows: " + ", ".join(f"{doctype} {n:,}" for doctype, n in rows.items() if n))
	return {"seconds": round(clock.elapsed(), 1), "rows": rows, "states": states}


def _ts(moment: dt.datetime) -> str:
	return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _day(day: dt.date | None) -> str | None:
	return day.isoformat() if day else None


def _db_value(value: object) -> object:
	return int(value) if isinstance(value, bool) else value
