"""Realistic synthetic applications for examples, benchmarks and load tests (no Frappe).

Regions are Taizhou's nine county-level divisions with real townships; indicator values follow
plausible distributions so that roughly half the applications pass the mark.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from hqe_app.scoring.scheme import Scheme

CITY = "台州市"
TOWNSHIPS: dict[str, tuple[str, ...]] = {
	"椒江区": (
		"海门街道",
		"白云街道",
		"葭沚街道",
		"洪家街道",
		"下陈街道",
		"前所街道",
		"章安街道",
		"三甲街道",
	),
	"黄岩区": ("东城街道", "西城街道", "南城街道", "北城街道", "新前街道", "江口街道", "院桥镇", "沙埠镇"),
	"路桥区": ("路桥街道", "路南街道", "路北街道", "螺洋街道", "桐屿街道", "峰江街道", "新桥镇", "金清镇"),
	"临海市": ("古城街道", "大洋街道", "江南街道", "大田街道", "邵家渡街道", "杜桥镇", "桃渚镇", "东塍镇"),
	"温岭市": ("太平街道", "城东街道", "城西街道", "城北街道", "横峰街道", "泽国镇", "大溪镇", "松门镇"),
	"玉环市": ("玉城街道", "坎门街道", "大麦屿街道", "清港镇", "楚门镇", "干江镇", "沙门镇"),
	"天台县": ("赤城街道", "始丰街道", "福溪街道", "平桥镇", "坦头镇", "白鹤镇", "街头镇"),
	"仙居县": ("福应街道", "南峰街道", "安洲街道", "横溪镇", "白塔镇", "田市镇", "官路镇"),
	"三门县": ("海游街道", "沙柳街道", "珠岙镇", "亭旁镇", "健跳镇", "浦坝港镇"),
}
COUNTIES = tuple(TOWNSHIPS)
_FIRST = "东西南北新上下前后大小中高石山水河溪塘桥湖田竹松梅桃李杨王陈林黄金银"
_SECOND = "华阳安宁和平丰兴光明星塘岙头岭坑湾港洋浦园里庄家岸门"


def community_name(rng: random.Random, township: str, used: set[str]) -> str:
	"""A unique name in the township: 社区 in streets (街道), mostly 村 in towns."""
	suffix = "社区" if township.endswith("街道") and rng.random() < 0.8 else "村"
	stem = rng.choice(_FIRST) + rng.choice(_SECOND)
	name, tries = stem + suffix, 0
	while (township, name) in used:
		tries += 1
		# Once random stems keep colliding (a big data set), number them as villages often are: 东华2村.
		stem = rng.choice(_FIRST) + rng.choice(_SECOND)
		name = stem + suffix if tries < 8 else f"{stem}{tries - 6}{suffix}"
	used.add((township, name))
	return name


def indicator_values(rng: random.Random, scheme: Scheme, quality: float | None = None) -> dict[str, object]:
	"""One community's indicator data; `quality` in 0..1 shifts it from weak to strong."""
	q = rng.random() if quality is None else quality
	capable = rng.randint(300, 5000)
	labor = int(capable * rng.uniform(0.75, 0.95))
	low_income = rng.choice((0, 0, 1, 2, 3, 4, 6))
	employee = rng.randint(100, capable)
	entities = rng.choice((0, 1, 2, 3, 5, 8, 12))
	hard = rng.randint(0, 40)
	values: dict[str, object] = {
		"working_age_capable": capable,
		"labor_force": labor,
		"employed": int(labor * rng.uniform(0.9 + 0.06 * q, 0.995)),
		"low_income_households": low_income,
		"low_income_households_employed": low_income - rng.choice((0, 0, 0, 1, 2)) if low_income else 0,
		"certified_workers": int(labor * rng.uniform(0.02, 0.2 + 0.2 * q)),
		"pension_employee_insured": employee,
		"pension_resident_insured": int(employee * rng.uniform(0.1, 1.5 - q)),
		"entrepreneurs": int(capable * rng.uniform(0.01, 0.06 + 0.08 * q)),
		"new_market_entities": entities,
		"jobs_created": entities * rng.randint(1, 7),
		"hard_to_employ_persons": hard,
		"new_public_welfare_jobs": rng.randint(0, max(1, hard // 3)),
		"media_reports_county": rng.choice((0, 0, 1, 2)),
		"media_reports_city": rng.choice((0, 0, 0, 1)),
		"media_reports_province": rng.choice((0, 0, 0, 0, 1)),
		"innovation_points": rng.choice((0, 0, 0.5, 1, 1.5, 2, 3)),
	}
	values["low_income_households_employed"] = max(0, values["low_income_households_employed"])
	for spec in scheme.fields:
		if spec.kind == "check":
			values[spec.name] = rng.random() < 0.45 + 0.5 * q
		elif spec.kind == "select":
			weights = [1.5 - q] + [0.5 + q * i for i in range(1, len(spec.options))]
			values[spec.name] = rng.choices(spec.options, weights)[0]
	return values


def applications(
	rng: random.Random, scheme: Scheme, count: int, year: int = 2024, weights: dict[str, int] | None = None
) -> Iterator[dict[str, object]]:
	"""`count` applications over the nine counties (evenly, or by `weights`) and their townships."""
	used: set[tuple[str, str]] = set()
	counties = rng.choices(COUNTIES, [weights.get(c, 0) for c in COUNTIES], k=count) if weights else None
	for i in range(count):
		county = counties[i] if counties else COUNTIES[i % len(COUNTIES)]
		township = rng.choice(TOWNSHIPS[county])
		yield {
			"community": community_name(rng, township, used),
			"township": township,
			"county": county,
			"year": year,
			**indicator_values(rng, scheme),
		}
