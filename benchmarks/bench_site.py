"""Benchmark the reports and the template import on a site with province-scale data (prints figures).

Run with the bench's Python, from the bench's sites folder, on a site loaded by
`bench --site SITE execute hqe_app.demo.province.generate`:

    cd frappe-bench/sites && ../env/bin/python /path/to/hqe_app/benchmarks/bench_site.py --site SITE

1. reports: each Script Report of the app, for the latest year, as Administrator (the whole
   province) and as a county user; median and slowest of --runs runs, in milliseconds;
2. import: --rows applications for communities that have none in a fresh year, imported with
   the app's importer (hqe_app.high_quality_employment.imports.applications.run_import: Document.insert() per
   row, a savepoint per row, all or nothing) once for each writer count of --writers (the site's
   hqe_import_writers; 1 is one process and one transaction, the importer before parallel writers),
   and once with Frappe's Data Import (Insert New Records: Document.insert() per row under
   frappe.flags.in_import, a commit and a Data Import Log per row) of the same rows. All run every
   controller method and doc_event hook; the app's importer also runs what in_import skips
   (notifications, defaults, select checks), as a form's insert does. The imported rows are deleted
   after each round.
3. staff import (--staff-rows N --workers 1,2,4): a province's staff shape (one officer per
   community, two people per township, five per county, ten per city, up to N rows) written to the
   staff workbook, attached to an HQE Staff Import and started as the desk starts it
   (staff_import.start_import: one job checks and plans, then one job per chunk), with that many
   `bench worker --queue long` processes started for it; wall time from the start to the import's
   Success, ms per person. Then the same workbook again (everything unchanged). The staff are deleted
   before each round, and afterwards unless --keep-staff.
4. actions (--actions N): Submit, Consent and Certify of N applications of one township, each as its
   level's user with a node, timed with its commit (median / p95 / slowest, ms); then --scenery
   users of every level are added on other nodes or none, and the same is measured on N fresh
   applications: the figures must not grow with the number of users.
   --bulk N: one township reviewer's bulk Consent of N applications through Frappe's list action, the
   queued job run in process (benchmarks/bench_workflow.py), with every effect checked.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frappe

REPORTS = (
	"Eligible Communities",
	"Recommended Communities",
	"City Certification and Awards",
	"Coverage",
	"Indicator Score Analysis",
)
BENCH_USER = "hqe-bench-county@example.com"


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--runs", type=int, default=5)
	parser.add_argument("--rows", type=int, default=5000)
	parser.add_argument("--skip-import", action="store_true")
	parser.add_argument("--skip-reports", action="store_true")
	parser.add_argument("--staff-rows", type=int, default=0, help="staff import of N rows (0: skip)")
	parser.add_argument("--workers", default="1,2,4", help="worker counts for the staff import")
	parser.add_argument("--writers", default="1,2", help="writer counts for the application import")
	parser.add_argument("--keep-staff", action="store_true", help="keep the imported staff afterwards")
	parser.add_argument("--actions", type=int, default=0, help="time N Submit/Consent/Certify (0: skip)")
	parser.add_argument("--scenery", type=int, default=30000, help="users added between the two rounds")
	parser.add_argument(
		"--bulk", type=int, default=0, help="one township user's bulk Consent of N applications (0: skip)"
	)
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		print(describe())
		if not args.skip_reports:
			bench_reports(args.runs)
		if not args.skip_import:
			bench_import(args.rows, [int(n) for n in args.writers.split(",")])
		if args.actions:
			bench_actions(args.actions, args.scenery)
		if args.staff_rows:
			bench_staff_import(args.staff_rows, [int(n) for n in args.workers.split(",")], args.keep_staff)
		if args.bulk:
			from bench_workflow import bench_bulk_consent

			bench_bulk_consent(args.bulk)
	finally:
		frappe.destroy()


def describe() -> str:
	apps = frappe.db.count("HQE Application")
	results = frappe.db.count("HQE Indicator Result")
	communities = frappe.db.count("HQE Community")
	years = frappe.db.sql("select min(year), max(year) from `tabHQE Application`")[0]
	return (
		f"site {frappe.local.site}: {communities:,} communities, {apps:,} applications "
		f"({years[0]}–{years[1]}), {results:,} indicator results"
	)


def county_user() -> tuple[str, str]:
	"""A county assessor of the county with the most applications (created once)."""
	county = frappe.db.sql(
		"select county from `tabHQE Application` group by county order by count(*) desc limit 1"
	)[0][0]
	from hqe_app.high_quality_employment.testing import ensure_user

	ensure_user(BENCH_USER, "county", county)
	frappe.db.commit()
	return BENCH_USER, county


def bench_reports(runs: int) -> None:
	from frappe.desk.query_report import run

	year = frappe.db.sql("select max(year) from `tabHQE Application`")[0][0]
	user, county = county_user()
	print(f"\nreports, year {year}, {runs} runs each (median / slowest, ms):")
	print(f"  {'report':34} {'province (Administrator)':>26} {'county user (' + county + ')':>28}")
	for name in REPORTS:
		cells = []
		for who in ("Administrator", user):
			frappe.set_user(who)
			timings, rows = [], 0
			for _ in range(runs):
				start = time.perf_counter()
				result = run(name, filters={"year": year}, ignore_prepared_report=True)
				timings.append((time.perf_counter() - start) * 1000)
				rows = len(result["result"])
			cells.append(f"{statistics.median(timings):7.0f} / {max(timings):5.0f} ({rows:,} rows)")
		frappe.set_user("Administrator")
		print(f"  {name:34} {cells[0]:>26} {cells[1]:>28}")


def bench_import(count: int, writer_counts: list[int]) -> None:
	from hqe_app.high_quality_employment.imports import applications as importer
	from hqe_app.high_quality_employment.imports.writers import CONFIG_KEY
	from hqe_app.high_quality_employment.imports.template_export import template_with
	from hqe_app.high_quality_employment.testing import indicator_fields

	year = int(frappe.db.sql("select max(year) from `tabHQE Application`")[0][0] or 2030) + 1
	communities = frappe.get_all(
		"HQE Community", fields=["name", "community_name", "township", "county"], limit_page_length=count
	)
	if len(communities) < count:
		raise SystemExit(f"only {len(communities)} communities; need {count}")
	rng = random.Random(5)
	rows = []
	for c in communities:
		values = indicator_fields(rng.randrange(10**9))
		values.update(
			media_reports_county=0, media_reports_city=0, media_reports_province=0, innovation_points=0
		)
		rows.append(
			{
				"community": c.community_name,
				"township": c.township,
				"county": c.county,
				"year": year,
				**values,
			}
		)
	folder = Path(tempfile.mkdtemp())
	workbook = folder / "applications.xlsx"
	workbook.write_bytes(template_with(rows))

	print(f"\nimport of {count:,} applications (year {year}), load {os.getloadavg()[0]:.2f}:")
	ours = {}
	for writers in writer_counts:
		frappe.local.conf[CONFIG_KEY] = writers
		start = time.perf_counter()
		result = importer.run_import(str(workbook))
		frappe.db.commit()
		ours[writers] = time.perf_counter() - start
		assert not result.errors, result.errors[:3]
		assert frappe.db.count("HQE Application", {"year": year}) == count
		print(
			f"  hqe_app importer, {writers} writer(s): {ours[writers]:6.1f} s"
			f"  ({count / ours[writers]:,.0f} rows/s, {len(result.imported):,} imported)"
		)
		delete_year(year)

	theirs, imported = frappe_data_import(rows, communities, folder)
	print(f"  Frappe Data Import:  {theirs:6.1f} s  ({count / theirs:,.0f} rows/s, {imported:,} imported)")
	for writers, seconds in ours.items():
		print(f"  speed-up, {writers} writer(s): {theirs / seconds:.2f}×")
	delete_year(year)


def frappe_data_import(rows, communities, folder: Path) -> tuple[float, int]:
	"""The same rows through Frappe's Data Import (Insert New Records), run in this process."""
	from frappe.core.doctype.data_import.data_import import start_import
	from hqe_app.scoring import get_scheme

	scheme = get_scheme()
	fields = [
		s.name
		for s in scheme.fields
		if not s.name.startswith("media_reports_") and s.name != "innovation_points"
	]
	by_key = {(c.township, c.community_name): c.name for c in communities}
	path = folder / "data-import.csv"
	with path.open("w", newline="", encoding="utf-8") as f:
		writer = csv.writer(f)
		writer.writerow(["community", "year", *fields])
		checks = {s.name for s in scheme.fields if s.kind == "check"}
		for row in rows:
			writer.writerow(
				[by_key[(row["township"], row["community"])], row["year"]]
				+ [int(row[n]) if n in checks else row[n] for n in fields]
			)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": path.name, "content": path.read_bytes(), "is_private": 1}
	).insert()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "HQE Application",
			"import_type": "Insert New Records",
			"import_file": file.file_url,
			"mute_emails": 1,
		}
	).insert()
	frappe.db.commit()
	start = time.perf_counter()
	start_import(data_import.name)
	frappe.db.commit()
	elapsed = time.perf_counter() - start
	imported = frappe.db.count("HQE Application", {"year": rows[0]["year"]})
	return elapsed, imported


def delete_year(year: int) -> None:
	from hqe_app.high_quality_employment.testing import purge_applications

	purge_applications(frappe.get_all("HQE Application", filters={"year": year}, pluck="name"))
	frappe.db.commit()


STAFF = "hqe-bench-staff-"
SCENERY = "hqe-bench-scenery-"
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}


def staff_rows(count: int) -> list[dict]:
	"""A province's staff shape over the site's nodes, top level first, `count` rows at most."""
	from hqe_app.programme.staff import LEVEL_LABELS

	regions = frappe.get_all("HQE Region", fields=["name", "region_level"], order_by="lft asc")
	places = [
		(level, r.name, "")
		for level, per_node in (("City", 10), ("County", 5), ("Township", 2))
		for r in regions
		if r.region_level == level
		for _ in range(per_node)
	]
	for c in frappe.get_all("HQE Community", fields=["name", "township"], order_by="name asc"):
		places.append(("Community", c.name, c.township))
	return [
		{
			"full_name": f"测试人员{i}",
			"mobile_no": f"17{i:09d}",
			"email": f"{STAFF}{i:06d}@example.com",
			"level": LEVEL_LABELS[level],
			"node": node,
			"parent": parent,
		}
		for i, (level, node, parent) in enumerate(places[:count])
	]


def bench_staff_import(count: int, workers: list[int], keep: bool) -> None:
	from hqe_app.forms.staff_workbook import template_bytes

	rows = staff_rows(count)
	content = template_bytes(frappe._, rows)
	load = " ".join(f"{x:.2f}" for x in os.getloadavg())
	print(f"\nstaff import of {len(rows):,} rows, chunks of 500 (load {load}):")
	for n in workers:
		delete_staff()
		users_before = frappe.db.count("User")
		elapsed, doc = staff_import_with_workers(content, n)
		assert doc.status == "Success", doc.error_log[:500]
		counts = {k: doc.get(f"{k}_count") for k in ("created", "unchanged")}
		print(
			f"  {n} worker(s): {elapsed:7.1f} s, {elapsed / len(rows) * 1000:5.1f} ms per person "
			f"({users_before:,} users before; {counts}); 30,000 people: {30000 * elapsed / len(rows) / 60:.1f} min"
		)
		again, doc = staff_import_with_workers(content, n)
		print(f"      the same workbook again: {again:6.1f} s (unchanged {doc.unchanged_count:,})")
	if not keep:
		delete_staff()


def staff_import_with_workers(content: bytes, workers: int) -> tuple[float, frappe._dict]:
	"""Start an HQE Staff Import of `content` as the desk does, with `workers` long-queue workers."""
	from hqe_app.high_quality_employment.people import staff_import

	file = frappe.get_doc(
		{"doctype": "File", "file_name": "staff.xlsx", "content": content, "is_private": 1}
	).insert()
	doc = frappe.get_doc({"doctype": "HQE Staff Import", "import_file": file.file_url}).insert()
	frappe.db.commit()
	procs = [
		subprocess.Popen(
			[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", "long"],
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		for _ in range(workers)
	]
	try:
		time.sleep(3)  # the workers start
		start = time.perf_counter()
		staff_import.start_import(doc.name)
		frappe.db.commit()
		while True:
			time.sleep(0.5)
			frappe.db.rollback()  # a fresh snapshot
			if frappe.db.get_value("HQE Staff Import", doc.name, "status") in ("Success", "Failed"):
				break
		elapsed = time.perf_counter() - start
	finally:
		for proc in procs:
			proc.terminate()
		for proc in procs:
			proc.wait()
	return elapsed, frappe.get_doc("HQE Staff Import", doc.name)


def delete_staff() -> None:
	"""Remove the benchmark's staff and what Frappe created with each user."""
	from hqe_app.high_quality_employment.testing import remove_users_like

	like = ("like", STAFF + "%")
	contacts = frappe.get_all("Contact", filters={"email_id": like}, pluck="name") or [""]
	for doctype in ("Contact Email", "Contact Phone", "Dynamic Link"):
		frappe.db.delete(doctype, {"parent": ("in", contacts), "parenttype": "Contact"})
	frappe.db.delete("Contact", {"name": ("in", contacts)})
	frappe.db.delete("Notification Settings", {"name": like})
	frappe.db.delete("DocShare", {"user": like})
	for doctype in ("User Social Login", "Block Module", "DefaultValue"):
		frappe.db.delete(doctype, {"parent": like})
	remove_users_like(STAFF)
	frappe.db.delete("HQE Staff Import", {"owner": "Administrator"})
	frappe.db.commit()


def bench_actions(runs: int, scenery: int) -> None:
	"""Submit, Consent and Certify as the users of one township's chain, before and after `scenery` users."""
	from hqe_app.high_quality_employment.testing import (
		add_scenery_users,
		ensure_user,
		remove_users_like,
	)

	township = frappe.db.sql(
		"""select township from `tabHQE Community` where disabled = 0
		group by township having count(*) >= %s order by township limit 1""",
		runs,
	)[0][0]
	county = frappe.db.get_value("HQE Region", township, "parent_hqe_region")
	city = frappe.db.get_value("HQE Region", county, "parent_hqe_region")
	communities = frappe.get_all(
		"HQE Community", filters={"township": township, "disabled": 0}, pluck="name"
	)[:runs]
	year = int(frappe.db.sql("select max(year) from `tabHQE Application`")[0][0] or 2030) + 5
	frappe.flags.in_import = True  # the benchmark's own users, like an import: not throttled
	villages = [
		ensure_user(f"hqe-bench-village-{i}@example.com", "community", community=c)
		for i, c in enumerate(communities)
	]
	chain = {
		"Consent": ensure_user("hqe-bench-township@example.com", "township", township),
		"Certify": ensure_user(BENCH_USER, "county", county),
	}
	ensure_user("hqe-bench-city@example.com", "city", city)
	frappe.flags.in_import = False
	frappe.db.commit()
	print(f"\nactions of {runs} applications in {township} ({county}, {city}), median / p95 / slowest (ms):")
	remove_users_like(SCENERY)
	round_(year, communities, villages, chain, "before")
	others = [r for r in frappe.get_all("HQE Region", pluck="name") if r not in (township, county, city)]
	add_scenery_users(scenery, SCENERY, (*others, None))
	frappe.db.commit()
	round_(year + 1, communities, villages, chain, f"+{scenery:,}")
	remove_users_like(SCENERY)
	frappe.db.commit()


def round_(year, communities, villages, chain, label) -> None:
	from frappe.model.workflow import apply_workflow
	from hqe_app.high_quality_employment.testing import make_application

	names = [make_application(c, year=year, seed=3, **STRONG).name for c in communities]
	frappe.db.commit()
	timings: dict[str, list[float]] = {"Submit": [], "Consent": [], "Certify": []}
	for action in timings:
		for name, village in zip(names, villages, strict=True):
			frappe.set_user(village if action == "Submit" else chain[action])
			start = time.perf_counter()
			apply_workflow(frappe.get_doc("HQE Application", name), action)
			frappe.db.commit()
			timings[action].append((time.perf_counter() - start) * 1000)
			frappe.set_user("Administrator")
	users = frappe.db.count("User", {"enabled": 1})
	cells = "   ".join(
		f"{action} {statistics.median(t):5.0f} / {statistics.quantiles(t, n=20, method='inclusive')[-1]:5.0f} / {max(t):5.0f}"
		for action, t in timings.items()
	)
	print(f"  {label:>8} ({users:,} enabled users): {cells}")
	delete_year(year)


if __name__ == "__main__":
	main()
