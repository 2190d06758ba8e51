"""A province's region tree and its communities, planned without Frappe.

Zhejiang's eleven cities with their 90 real county-level divisions; each county gets 10–20
townships (Taizhou's real ones first, the rest generated names ending 街道/镇/乡) and the
communities are spread unevenly over counties and townships. Everything is drawn from one seeded
random generator, so the same arguments always give the same province.

Region codes follow the 4/6/9-digit pattern of the administrative division codes with Zhejiang's
real city codes; the county and township numbers within them are sequential, not the official ones.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from hqe_app.demo_data import TOWNSHIPS as TAIZHOU_TOWNSHIPS
from hqe_app.demo_data import community_name

PROVINCE = "浙江省"

#: city -> (code, telephone area code, its county-level divisions, real names).
CITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
	"杭州市": (
		"3301",
		"0571",
		(
			"上城区",
			"拱墅区",
			"西湖区",
			"滨江区",
			"萧山区",
			"余杭区",
			"临平区",
			"钱塘区",
			"富阳区",
			"临安区",
			"桐庐县",
			"淳安县",
			"建德市",
		),
	),
	"宁波市": (
		"3302",
		"0574",
		("海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "象山县", "宁海县", "余姚市", "慈溪市"),
	),
	"温州市": (
		"3303",
		"0577",
		(
			"鹿城区",
			"龙湾区",
			"瓯海区",
			"洞头区",
			"永嘉县",
			"平阳县",
			"苍南县",
			"文成县",
			"泰顺县",
			"瑞安市",
			"乐清市",
			"龙港市",
		),
	),
	"嘉兴市": ("3304", "0573", ("南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市")),
	"湖州市": ("3305", "0572", ("吴兴区", "南浔区", "德清县", "长兴县", "安吉县")),
	"绍兴市": ("3306", "0575", ("越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市")),
	"金华市": (
		"3307",
		"0579",
		("婺城区", "金东区", "武义县", "浦江县", "磐安县", "兰溪市", "义乌市", "东阳市", "永康市"),
	),
	"衢州市": ("3308", "0570", ("柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市")),
	"舟山市": ("3309", "0580", ("定海区", "普陀区", "岱山县", "嵊泗县")),
	"台州市": (
		"3310",
		"0576",
		("椒江区", "黄岩区", "路桥区", "临海市", "温岭市", "玉环市", "天台县", "仙居县", "三门县"),
	),
	"丽水市": (
		"3311",
		"0578",
		("莲都区", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县", "龙泉市"),
	),
}

#: Central districts made up (almost) entirely of streets.
URBAN_CORE = frozenset(
	"上城区 拱墅区 西湖区 滨江区 钱塘区 海曙区 江北区 鹿城区 南湖区 吴兴区 越城区 柯城区 椒江区 莲都区".split()
)
#: How developed a city is, shifting its communities' quality (0..1 scale).
CITY_QUALITY = {
	"杭州市": 0.06,
	"宁波市": 0.05,
	"嘉兴市": 0.04,
	"绍兴市": 0.03,
	"湖州市": 0.02,
	"台州市": 0.02,
	"金华市": 0.01,
	"温州市": 0.0,
	"舟山市": 0.0,
	"衢州市": -0.04,
	"丽水市": -0.05,
}
STREET, TOWN, XIANG = "街道", "镇", "乡"
TOWNSHIP_SUFFIXES = (STREET, TOWN, XIANG)
#: Township kinds by the county's kind: district (区), county-level city (市), county (县).
KIND_WEIGHTS = {
	"core": (0.92, 0.08, 0.0),
	"区": (0.55, 0.42, 0.03),
	"市": (0.3, 0.6, 0.1),
	"县": (0.15, 0.6, 0.25),
}
TOWNSHIPS_PER_COUNTY = (10, 20)

# Characters of Zhejiang place names: a first and a second syllable make a township's stem.
_T_FIRST = "东西南北中上下新大小高长龙凤金银石白青黄红云清平安和永兴福昌丰华阳明光泉溪湖江海山塘桥松竹梅桃杨柳枫桂横双三古城沙洪望仁义礼岳亭潘陶钱"
_T_SECOND = "山岭峰岙坑溪江湖塘浦港湾洋桥口门关店埠渡岸洲屿田畈垟坂园林亭堰坝岩城墩头源川畈里庄岗"
_SURNAMES = "王陈张李林黄吴周徐杨朱金郑潘赵蒋叶胡何孙沈方应陶余邵卢施许"
_GIVEN = "建国华明伟芳娟敏静丽强军平红英海波涛斌杰勇燕霞萍洁亮云飞峰林春秋晓文"


@dataclass
class Region:
	name: str
	level: str  # City, County, Township
	parent: str | None
	code: str
	city: str
	lft: int = 0
	rgt: int = 0


@dataclass
class Community:
	name: str  # the document name: "{community_name}（{township}）", as the DocType's autoname
	community_name: str
	community_type: str  # Community, Village
	township: str
	county: str
	city: str
	size: int  # working-age people with capacity to work, kept from year to year
	quality: float  # 0..1, how good its employment services are in the first year
	propensity: float  # how keen it is to apply, relative to others
	contact_person: str
	phone: str
	address: str


@dataclass
class Province:
	regions: list[Region] = field(default_factory=list)
	communities: list[Community] = field(default_factory=list)

	def by_level(self, level: str) -> list[Region]:
		return [r for r in self.regions if r.level == level]

	def children(self) -> dict[str | None, list[Region]]:
		tree: dict[str | None, list[Region]] = {}
		for r in self.regions:
			tree.setdefault(r.parent, []).append(r)
		return tree


def county_kind(county: str) -> str:
	if county in URBAN_CORE:
		return "core"
	return county[-1] if county[-1] in "区市" else "县"


def short_name(region: str) -> str:
	"""台州市 -> 台州, 景宁畲族自治县 -> 景宁: how a place names itself in outlet names."""
	for suffix in ("畲族自治县", "街道", "市", "区", "县", "镇", "乡"):
		if region.endswith(suffix) and len(region) > len(suffix) + 1:
			return region[: -len(suffix)]
	return region


def unique_name(name: str, prefix: str, used: set[str]) -> str:
	"""`name`, or prefixed with the place it belongs to (市辖区 -> 台州市辖区) if already taken."""
	if name in used:
		name = short_name(prefix) + name
	n = 2
	base = name
	while name in used:
		name, n = f"{base}{n}", n + 1
	used.add(name)
	return name


def township_name(rng: random.Random, suffix: str, county: str, used: set[str]) -> str:
	"""A generated township name, unique over the whole tree."""
	for _ in range(40):
		stem = rng.choice(_T_FIRST) + rng.choice(_T_SECOND)
		if rng.random() < 0.06:
			stem = rng.choice(_T_FIRST) + stem
		if stem[0] == stem[-1] or stem + suffix in used:
			continue
		used.add(stem + suffix)
		return stem + suffix
	# A crowded pool: prefix the county's first syllable, as neighbouring places often are named.
	return unique_name(short_name(county)[0] + stem + suffix, county, used)


def township_suffixes(rng: random.Random, county: str, count: int) -> list[str]:
	weights = KIND_WEIGHTS[county_kind(county)]
	kinds = rng.choices(TOWNSHIP_SUFFIXES, weights, k=count)
	kinds[0] = STREET  # the county seat is a street everywhere in Zhejiang now
	# Streets first, then towns, then xiang, as official lists are ordered.
	return sorted(kinds, key=TOWNSHIP_SUFFIXES.index)


def build_regions(rng: random.Random) -> list[Region]:
	"""Cities, their counties and 10–20 townships per county, in tree order (parents first)."""
	# Taizhou's real townships are reserved first, so no generated name elsewhere takes one of them.
	used: set[str] = {t for townships in TAIZHOU_TOWNSHIPS.values() for t in townships}
	regions: list[Region] = []
	for city, (city_code, _area, counties) in CITIES.items():
		city_name = unique_name(city, PROVINCE, used)
		regions.append(Region(city_name, "City", None, city_code, city_name))
		for c, county in enumerate(counties, 1):
			county_name = unique_name(county, city_name, used)
			county_code = f"{city_code}{c:02d}"
			regions.append(Region(county_name, "County", city_name, county_code, city_name))
			count = rng.randint(*TOWNSHIPS_PER_COUNTY)
			real = list(TAIZHOU_TOWNSHIPS.get(county, ()))[:count]
			generated = [
				township_name(rng, suffix, county_name, used)
				for suffix in township_suffixes(rng, county_name, count - len(real))
			]
			for t, township in enumerate(real + generated, 1):
				regions.append(Region(township, "Township", county_name, f"{county_code}{t:03d}", city_name))
	number_tree(regions)
	return regions


def number_tree(regions: Sequence[Region]) -> None:
	"""Set lft/rgt as Frappe's nested set has them: a node's interval holds its subtree's."""
	children: dict[str | None, list[Region]] = {}
	for r in regions:
		children.setdefault(r.parent, []).append(r)
	counter = 0
	# Iterative depth-first walk (the tree is shallow, but this needs no recursion limit either way).
	stack: list[tuple[Region, bool]] = [(r, False) for r in reversed(children.get(None, []))]
	while stack:
		node, done = stack.pop()
		counter += 1
		if done:
			node.rgt = counter
			continue
		node.lft = counter
		stack.append((node, True))
		stack.extend((child, False) for child in reversed(children.get(node.name, [])))


def allocate(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
	"""Split `total` into integer shares proportional to `weights`, each at least `minimum` when possible."""
	if not weights:
		return []
	floor_each = minimum if total >= minimum * len(weights) else 0
	rest = total - floor_each * len(weights)
	weight_sum = sum(weights)
	exact = [rest * w / weight_sum for w in weights]
	shares = [math.floor(x) for x in exact]
	# Largest remainders take the units rounding left over.
	order = sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)
	for i in order[: rest - sum(shares)]:
		shares[i] += 1
	return [floor_each + s for s in shares]


def person_name(rng: random.Random) -> str:
	given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
	return rng.choice(_SURNAMES) + given


def phone_number(rng: random.Random, area_code: str) -> str:
	if rng.random() < 0.6:
		return f"{area_code}-8{rng.randint(0, 9_999_999):07d}"
	return f"1{rng.choice('358')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"


def build_communities(rng: random.Random, regions: Sequence[Region], count: int) -> list[Community]:
	"""`count` communities spread unevenly: some counties and townships are far bigger than others."""
	townships: dict[str, list[Region]] = {}
	for r in regions:
		if r.level == "Township":
			townships.setdefault(r.parent, []).append(r)
	counties = [r for r in regions if r.level == "County"]
	county_weights = [len(townships[c.name]) * rng.lognormvariate(0, 0.3) for c in counties]
	per_county = allocate(count, county_weights, minimum=1)
	county_quality = {c.name: CITY_QUALITY[c.city] + rng.gauss(0, 0.03) for c in counties}
	county_keenness = {c.name: rng.lognormvariate(0, 0.3) for c in counties}
	used: set[tuple[str, str]] = set()
	communities: list[Community] = []
	for county, n in zip(counties, per_county, strict=True):
		towns = townships[county.name]
		per_township = allocate(n, [rng.lognormvariate(0, 0.5) for _ in towns], minimum=3)
		area_code = CITIES[county.city][1] if county.city in CITIES else "0571"
		for township, m in zip(towns, per_township, strict=True):
			for _ in range(m):
				name = community_name(rng, township.name, used)
				is_community = name.endswith("社区")
				size = int(
					rng.triangular(1200, 8000, 3000) if is_community else rng.triangular(300, 3500, 900)
				)
				quality = (
					rng.betavariate(2.2, 3.0) + county_quality[county.name] + (0.03 if is_community else 0)
				)
				office = "服务中心" if is_community else "村民委员会"
				communities.append(
					Community(
						name=f"{name}（{township.name}）",
						community_name=name,
						community_type="Community" if is_community else "Village",
						township=township.name,
						county=county.name,
						city=county.city,
						size=size,
						quality=min(1.0, max(0.0, quality)),
						propensity=county_keenness[county.name] * rng.uniform(0.6, 1.4),
						contact_person=person_name(rng),
						phone=phone_number(rng, area_code),
						address=f"{PROVINCE}{county.city}{county.name}{township.name}{name}{office}",
					)
				)
	return communities


def build_province(communities: int = 25_000, seed: int = 2024) -> Province:
	rng = random.Random(seed)
	regions = build_regions(rng)
	return Province(regions, build_communities(rng, regions, communities))
