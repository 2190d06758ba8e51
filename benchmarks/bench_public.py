"""Benchmark the public 公示 page and the site's health check on a province site (prints figures).

Run with the bench's Python from the bench's sites folder, on a site loaded by
`bench --site SITE execute hqe_app.demo.province.generate`:

    cd frappe-bench/sites && ../env/bin/python /path/to/hqe_app/benchmarks/bench_public.py --site SITE

1. page: --communities applications of the latest year are put in open publication batches of
   their cities (state Publicized, one submitted HQE Publication per city, rows as a submit leaves
   them; the scenery is removed afterwards unless --keep); then /gongshi/<city> is requested as a
   guest through Frappe's own request handler (werkzeug test client, in a thread as Frappe's API
   tests do), --runs times per city; median
   and slowest in milliseconds, and the page's size.
2. health: `health.check_site()` over the whole site, once; seconds and breaches.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import frappe


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--communities", type=int, default=1000)
	parser.add_argument("--runs", type=int, default=20)
	parser.add_argument("--keep", action="store_true")
	parser.add_argument("--skip-health", action="store_true")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	try:
		print(f"load: {os.getloadavg()}")
		batches, moved = publish(args.communities)
		try:
			time_page(batches, args.runs)
		finally:
			if not args.keep:
				unpublish(batches, moved)
		if not args.skip_health:
			from hqe_app.high_quality_employment.health import check_site

			started = time.perf_counter()
			result = check_site(verbose=False)
			print(
				f"health: {result['counts']['applications']} applications, {len(result['breaches'])} breaches, "
				f"{time.perf_counter() - started:.1f} s"
			)
	finally:
		frappe.destroy()


def publish(count: int) -> tuple[list[str], dict[str, tuple]]:
	"""Put `count` applications of the latest year in open batches, a batch per city."""
	from frappe.utils import add_days, getdate, nowdate
	from hqe_app.high_quality_employment.testing import publish_batch

	year = frappe.db.sql("select max(year) from `tabHQE Application`")[0][0]
	apps = frappe.get_all(
		"HQE Application",
		filters={"year": year, "docstatus": ("<", 2)},
		fields=["name", "county", "township", "community_name", "total_score", "workflow_state", "docstatus"],
		order_by="total_score desc",
		limit_page_length=count,
	)
	city_of = dict(
		frappe.get_all(
			"HQE Region",
			filters={"region_level": "County"},
			fields=["name", "parent_hqe_region"],
			as_list=True,
		)
	)
	today = getdate(nowdate())
	moved = {a.name: (a.workflow_state, a.docstatus) for a in apps}
	by_city: dict[str, list] = {}
	for a in apps:
		by_city.setdefault(city_of[a.county], []).append(a)
	frappe.db.sql(
		"update `tabHQE Application` set workflow_state='Publicized', docstatus=1 where name in %s",
		[tuple(moved)],
	)
	batches = [
		publish_batch(
			city, year, today, add_days(today, 5), [a.name for a in rows], contact="电话：0576-88888888"
		)
		for city, rows in by_city.items()
	]
	frappe.db.commit()
	print(f"published {len(apps)} communities of {year} in {len(batches)} open batches")
	return batches, moved


def unpublish(batches: list[str], moved: dict[str, tuple]) -> None:
	frappe.db.delete("HQE Publication Item", {"parent": ("in", batches or [""])})
	frappe.db.delete("HQE Publication", {"name": ("in", batches or [""])})
	for name, (state, docstatus) in moved.items():
		frappe.db.set_value(
			"HQE Application", name, {"workflow_state": state, "docstatus": docstatus}, update_modified=False
		)
	frappe.db.commit()


def time_page(batches: list[str], runs: int) -> None:
	from frappe.tests.test_api import make_request
	from frappe.utils import get_test_client

	cities = frappe.get_all("HQE Publication", filters={"name": ("in", batches)}, pluck="region")
	client = get_test_client(use_cookies=False)
	for city in sorted(set(cities)):
		path = f"/gongshi/{city}"
		times = []
		size = 0
		for _ in range(runs + 1):
			started = time.perf_counter()
			response = make_request(target=client.get, args=(path,), site=frappe.local.site)
			elapsed = (time.perf_counter() - started) * 1000
			assert response.status_code == 200, response.status_code
			size = len(response.get_data())
			times.append(elapsed)
		times = times[1:]  # the first request warms the caches
		listed = frappe.db.count(
			"HQE Publication Item",
			{
				"parent": (
					"in",
					frappe.get_all(
						"HQE Publication", filters={"region": city, "name": ("in", batches)}, pluck="name"
					),
				)
			},
		)
		print(
			f"page {path}: {listed} communities, median {statistics.median(times):.0f} ms, "
			f"slowest {max(times):.0f} ms, {size // 1024} KB"
		)


if __name__ == "__main__":
	main()
