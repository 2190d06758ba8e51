"""Years of applications for a planned province, without Frappe: values, scores, states and dates.

Each year about 40–60 % of the communities apply (more each year, the better ones more keenly) and
their quality improves a little year by year. Past years have run their whole course (SPEC §3):
townships consent or return, counties certify at the pass mark or reject, each county recommends
the best of its certified within its quota (§6), the city certifies most of those after the
publication period, and every city-certified community's award is paid in December. The last year
is the current one and still in progress: drafts, applications waiting for the township or the
county, counties that have not recommended yet, and recommendations at every step of the city's
review, with awards pending.

Scores come from the engine, so the totals, eligibility and indicator results are exactly what the
app would compute for the same values.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from hqe_app.demo.province_shape import Community, Province, short_name
from hqe_app.demo_data import indicator_values
from hqe_app.i18n import Translator
from hqe_app.programme.calendar import add_working_days
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REJECTED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	COUNTY_REJECTED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
)
from hqe_app.programme.workflow import STATES
from hqe_app.scoring import Scheme, ScoreCard, fill_quota, get_scheme, rank, recommendation_quota, score
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.quota import Rounding

DOCSTATUS = {s.name: s.docstatus for s in STATES}
#: Share of the communities applying in the first and in the last year.
APPLY_RATE = (0.42, 0.58)
#: Quality gained per year by every community (services get better as the programme runs).
YEARLY_GAIN = 0.045
#: Where the current year's applications are: not yet submitted, at the township, at the county, decided.
CURRENT_PHASES = {"draft": 0.10, "township": 0.12, "county": 0.18, "decided": 0.60}
#: Where the current year's recommendations are in the city's review.
CURRENT_CITY_STAGES = {
	RECOMMENDED: 0.2,
	CITY_REVIEW: 0.2,
	PUBLICIZED: 0.2,
	CITY_CERTIFIED: 0.3,
	CITY_REJECTED: 0.1,
}
#: Share of counties that have sent their recommendation in the current year.
CURRENT_RECOMMENDING = 0.6
CITY_CERTIFY_RATE = 0.88
PROVINCE_PICKS_PER_CITY = 2
SCALED_COUNTS = (
	"working_age_capable",
	"labor_force",
	"employed",
	"certified_workers",
	"pension_employee_insured",
	"pension_resident_insured",
	"entrepreneurs",
)

TOWNSHIP_RETURNS = (
	"申报材料不全，请补充就业服务台账",
	"人力资源摸底数据未及时更新，请核实后重新提交",
	"佐证材料缺少盖章，请补充后提交",
	"就业困难人员帮扶记录不完整，请补充",
)
COUNTY_RETURNS = (
	"部分指标数据与业务系统数据不一致，请街道（乡镇）复核",
	"公益性岗位开发数据缺少佐证材料，请补充",
	"参保人数与社保系统数据不符，请复核后报送",
)
COUNTY_DATA_REJECTS = (
	"经实地核查，就业服务场所与申报情况不符，不予认定",
	"经核查，就业数据与实际情况存在较大出入，不予认定",
)
CITY_REJECTS = (
	"实地察看发现就业服务台账不完整，不予认定",
	"经数据核查，部分指标与申报不符，不予认定",
	"综合评审排名靠后，本年度不予认定",
)
PROVINCE_OUTLETS = ("浙江日报", "浙江卫视", "浙江在线", "中国劳动保障报", "人民网")


@dataclass
class Review:
	level: str  # Township, County, City
	decision: str  # Approve, Return, Reject
	at: dt.datetime
	opinion: str
	seal_note: str
	innovation_points: float = 0.0
	material_check: str | None = None
	data_check: str | None = None
	site_visit_date: dt.date | None = None
	site_visit_record: str | None = None


@dataclass
class MediaReport:
	outlet: str
	level: str  # County, City, Province
	report_date: dt.date


@dataclass
class Application:
	year: int
	community: Community
	values: dict[str, object]  # as stored: self-reported values, innovation points once the county set them
	reported: ScoreCard  # the self-reported score (no innovation points)
	card: ScoreCard  # the score on the document: the verified one once the county has decided
	created: dt.datetime
	modified: dt.datetime
	state: str = DRAFT
	name: str = ""
	reason: str | None = None
	reviews: list[Review] = field(default_factory=list)
	media: list[MediaReport] = field(default_factory=list)
	publication_start: dt.date | None = None
	publication_end: dt.date | None = None
	recommended_to_province: bool = False

	@property
	def docstatus(self) -> int:
		return DOCSTATUS[self.state]


@dataclass
class Award:
	name: str
	application: Application
	amount: float
	status: str  # Pending, Paid
	created: dt.datetime
	modified: dt.datetime
	payment_date: dt.date | None = None
	payment_reference: str | None = None


@dataclass
class Recommendation:
	county: str
	year: int
	quota: int
	certified_count: int
	items: list[Application]
	created: dt.datetime

	@property
	def name(self) -> str:
		return f"{self.county}-{self.year}"


@dataclass
class History:
	first_year: int
	years: int
	applications: list[Application] = field(default_factory=list)
	awards: list[Award] = field(default_factory=list)
	recommendations: list[Recommendation] = field(default_factory=list)
	#: tabSeries counters the naming of applications and awards has used: key -> last number.
	series: dict[str, int] = field(default_factory=dict)

	def state_counts(self) -> dict[int, Counter]:
		counts: dict[int, Counter] = {}
		for a in self.applications:
			counts.setdefault(a.year, Counter())[a.state] += 1
		return counts


class _Planner:
	def __init__(
		self,
		province: Province,
		rng: random.Random,
		scheme: Scheme,
		pass_mark: float,
		quota_rate: Fraction,
		rounding: Rounding,
		award_amount: float,
		now: dt.datetime,
		translate: Translator | None,
	) -> None:
		self.province, self.rng, self.scheme = province, rng, scheme
		self.pass_mark, self.quota_rate, self.rounding = pass_mark, quota_rate, rounding
		self.award_amount, self.now, self.translate = award_amount, now, translate
		self.city_certified: set[str] = set()

	# -- one year ---------------------------------------------------------------------------------

	def year(self, year: int, k: int, years: int, history: History) -> None:
		current = k == years - 1
		rate = APPLY_RATE[0] + (APPLY_RATE[1] - APPLY_RATE[0]) * (k / (years - 1) if years > 1 else 0.5)
		communities = self.province.communities
		quality = {
			c.name: min(1.0, max(0.0, c.quality + YEARLY_GAIN * k + self.rng.gauss(0, 0.06)))
			for c in communities
		}
		weights = [
			c.propensity * (0.4 + quality[c.name]) * (0.3 if c.name in self.city_certified else 1.0)
			for c in communities
		]
		chosen = weighted_sample(self.rng, communities, weights, round(rate * len(communities)))
		applications = [self.application(c, year, quality[c.name], current) for c in chosen]
		recommendations = self.recommend(year, applications, current)
		awards = self.city_outcomes(year, recommendations, current)
		self.name_year(year, applications, awards, history)
		history.applications.extend(applications)
		history.awards.extend(awards)
		history.recommendations.extend(recommendations)

	def application(self, c: Community, year: int, quality: float, current: bool) -> Application:
		rng = self.rng
		values = indicator_values(rng, self.scheme, quality=quality)
		scale_counts(values, c.size * rng.uniform(0.97, 1.03))
		innovation = float(values["innovation_points"])
		values["innovation_points"] = 0.0
		reported = self.score(values)
		verified = self.score({**values, "innovation_points": innovation}) if innovation else reported
		eligible = verified.total >= self.pass_mark

		created = self.clamp(_at(rng, dt.date(year, 3, 1) + dt.timedelta(days=rng.randint(0, 80))))
		a = Application(year, c, values, reported, reported, created, created)
		a.media = media_reports(rng, c, values, created)
		phase = (
			rng.choices(tuple(CURRENT_PHASES), tuple(CURRENT_PHASES.values()))[0] if current else "decided"
		)
		if phase == "decided":
			r = rng.random()
			if eligible:
				outcome = (
					"t_return"
					if r < 0.025
					else "c_return"
					if r < 0.045
					else "reject"
					if r < 0.065
					else "certify"
				)
			else:
				outcome = "t_return" if r < 0.10 else "c_return" if r < 0.16 else "reject"
		elif phase == "draft":
			outcome = "t_return" if rng.random() < 0.2 else "draft"
		elif phase == "township":
			outcome = "c_return" if rng.random() < 0.15 else "submitted"
		else:
			outcome = "consented"

		if outcome == "draft":
			a.modified = self.clamp(
				created + dt.timedelta(days=rng.randint(0, 10), minutes=rng.randint(1, 600))
			)
			return a
		t = self.clamp(_at(rng, created.date() + dt.timedelta(days=rng.randint(1, 20))))
		a.state, a.modified = PENDING_TOWNSHIP, t
		if outcome == "submitted":
			return a
		t = self.clamp(_at(rng, t.date() + dt.timedelta(days=rng.randint(2, 15))))
		township_seal = f"{c.township}{'办事处' if c.township.endswith('街道') else '人民政府'}（盖章）"
		if outcome == "t_return":
			a.reason = rng.choice(TOWNSHIP_RETURNS)
			a.reviews.append(Review("Township", "Return", t, a.reason, township_seal))
			a.state, a.modified = DRAFT, t
			return a
		a.reviews.append(Review("Township", "Approve", t, "情况属实，同意申报", township_seal))
		a.state, a.modified = PENDING_COUNTY, t
		if outcome == "consented":
			return a
		deadline = dt.date(year, 8, 31)
		day = min(t.date() + dt.timedelta(days=rng.randint(5, 40)), deadline)
		t = self.clamp(max(_at(rng, day), t + dt.timedelta(hours=1)))
		county_seal = f"{c.county}人力资源和社会保障局（盖章）"
		if outcome == "c_return":
			a.reason = rng.choice(COUNTY_RETURNS)
			a.reviews.append(Review("County", "Return", t, a.reason, county_seal))
			a.state, a.modified = PENDING_TOWNSHIP, t
			return a
		a.card, a.values = verified, {**values, "innovation_points": innovation}
		total = fmt_points(verified.total)
		if outcome == "reject":
			a.reason = (
				f"核定总分{total}分，未达{fmt_points(self.pass_mark)}分，不予认定"
				if not eligible
				else rng.choice(COUNTY_DATA_REJECTS)
			)
			a.reviews.append(Review("County", "Reject", t, a.reason, county_seal, innovation))
			a.state, a.modified = COUNTY_REJECTED, t
			return a
		opinion = f"经审核，核定总分{total}分，同意认定为县级高质量就业社区（村）"
		a.reviews.append(Review("County", "Approve", t, opinion, county_seal, innovation))
		a.state, a.modified = COUNTY_CERTIFIED, t
		return a

	def score(self, values: dict[str, object]) -> ScoreCard:
		return score(values, self.scheme, pass_mark=self.pass_mark, _=self.translate)

	def clamp(self, moment: dt.datetime) -> dt.datetime:
		return min(moment, self.now)

	# -- recommendation and the city --------------------------------------------------------------

	def recommend(
		self, year: int, applications: Sequence[Application], current: bool
	) -> list[Recommendation]:
		"""Each county recommends its best certified, within the quota (some use one place less)."""
		rng = self.rng
		by_county: dict[str, list[Application]] = {}
		for a in applications:
			by_county.setdefault(a.community.county, []).append(a)
		recommendations = []
		for county, apps in by_county.items():
			certified = [a for a in apps if a.state == COUNTY_CERTIFIED]
			quota = recommendation_quota(len(certified), self.quota_rate, self.rounding)
			if not quota or (current and rng.random() > CURRENT_RECOMMENDING):
				continue
			count = quota - 1 if quota >= 2 and rng.random() < 0.15 else quota
			ranked = rank(certified, key=lambda a: (a.card.total, a.card.base, a.community.name))
			chosen = fill_quota(ranked, count)
			last_decision = max(a.modified for a in certified)
			when = self.clamp(
				max(_at(rng, dt.date(year, 9, rng.randint(1, 15))), last_decision + dt.timedelta(hours=1))
			)
			for a in chosen:
				a.state, a.modified = RECOMMENDED, when
			recommendations.append(Recommendation(county, year, quota, len(certified), chosen, when))
		return recommendations

	def city_outcomes(
		self, year: int, recommendations: Sequence[Recommendation], current: bool
	) -> list[Award]:
		rng = self.rng
		awards = []
		certified_by_city: dict[str, list[Application]] = {}
		paid_on = {
			city: (dt.date(year, 12, rng.randint(5, 25)), f"{city[0]}财社〔{year}〕{rng.randint(30, 160)}号")
			for city in {r.items[0].community.city for r in recommendations}
		}
		for recommendation in recommendations:
			for a in recommendation.items:
				c = a.community
				if current:
					stage = rng.choices(tuple(CURRENT_CITY_STAGES), tuple(CURRENT_CITY_STAGES.values()))[0]
				else:
					stage = CITY_CERTIFIED if rng.random() < CITY_CERTIFY_RATE else CITY_REJECTED
				if stage == RECOMMENDED:
					continue
				t = self.clamp(a.modified + dt.timedelta(days=rng.randint(1, 4), minutes=rng.randint(1, 300)))
				a.state, a.modified = CITY_REVIEW, t
				if stage == CITY_REVIEW:
					continue
				day = min(t.date() + dt.timedelta(days=rng.randint(3, 10)), dt.date(year, 9, 30))
				t = self.clamp(max(_at(rng, day), t + dt.timedelta(hours=1)))
				seal = f"{c.city}人力资源和社会保障局（盖章）"
				checks = {
					"material_check": "申报材料齐全，符合要求",
					"data_check": "经与业务系统比对，指标数据基本属实",
					"site_visit_date": (t - dt.timedelta(days=rng.randint(1, 3))).date(),
				}
				if stage == CITY_REJECTED:
					a.reason = rng.choice(CITY_REJECTS)
					record = "实地察看就业服务站及台账资料，发现问题已反馈"
					a.reviews.append(
						Review("City", "Reject", t, a.reason, seal, **checks, site_visit_record=record)
					)
					a.state, a.modified = CITY_REJECTED, t
					continue
				record = "实地察看就业服务站、公益性岗位及台账资料，情况属实"
				opinion = "经材料审查、数据核查和实地察看，同意认定并予以公示"
				a.reviews.append(
					Review("City", "Approve", t, opinion, seal, **checks, site_visit_record=record)
				)
				a.publication_start = t.date()
				a.publication_end = add_working_days(t.date(), 5)
				a.state, a.modified = PUBLICIZED, t
				if stage == PUBLICIZED:
					continue
				day = a.publication_end + dt.timedelta(days=rng.randint(1, 8))
				t = self.clamp(max(_at(rng, day), t + dt.timedelta(hours=1)))
				a.state, a.modified = CITY_CERTIFIED, t
				certified_by_city.setdefault(c.city, []).append(a)
				self.city_certified.add(c.name)
				award = Award("", a, self.award_amount, "Pending", t, t)
				if not current:
					award.payment_date, award.payment_reference = paid_on[c.city]
					award.status = "Paid"
					award.modified = self.clamp(_at(rng, award.payment_date))
				awards.append(award)
		if not current:
			# The city recommends its best certified communities on to the province.
			for apps in certified_by_city.values():
				for a in rank(apps, key=lambda a: (a.card.total, a.card.base, a.community.name))[
					:PROVINCE_PICKS_PER_CITY
				]:
					a.recommended_to_province = True
					a.modified = self.clamp(_at(rng, dt.date(year, 11, rng.randint(5, 20))))
		return awards

	def name_year(
		self, year: int, applications: list[Application], awards: list[Award], history: History
	) -> None:
		"""Numbers in order of creation, as the naming series would have handed them out."""
		applications.sort(key=lambda a: a.created)
		for i, a in enumerate(applications, 1):
			a.name = f"HQE-{year}-{i:05d}"
		awards.sort(key=lambda w: w.created)
		for i, w in enumerate(awards, 1):
			w.name = f"AWD-{year}-{i:05d}"
		if applications:
			history.series[f"HQE-{year}-"] = len(applications)
		if awards:
			history.series[f"AWD-{year}-"] = len(awards)


def plan_history(
	province: Province,
	years: int = 5,
	first_year: int | None = None,
	seed: int = 2024,
	*,
	scheme: Scheme | str | None = None,
	pass_mark: float | None = None,
	quota_rate: Fraction | float | str = Fraction(1, 10),
	rounding: Rounding = "floor",
	award_amount: float = 20_000,
	now: dt.datetime | None = None,
	translate: Translator | None = None,
	progress: Callable[[str], None] | None = None,
) -> History:
	"""`years` years of applications ending with the current one (the year of `now`) unless `first_year`."""
	if years < 1:
		raise ValueError("years must be at least 1")
	now = now or dt.datetime.now().replace(microsecond=0)
	first_year = first_year if first_year is not None else now.year - years + 1
	scheme = scheme if isinstance(scheme, Scheme) else get_scheme(scheme)
	planner = _Planner(
		province,
		random.Random(f"{seed}-history"),
		scheme,
		scheme.pass_mark if pass_mark is None else pass_mark,
		Fraction(str(quota_rate)) if not isinstance(quota_rate, Fraction) else quota_rate,
		rounding,
		award_amount,
		now,
		translate,
	)
	history = History(first_year, years)
	for k in range(years):
		planner.year(first_year + k, k, years, history)
		if progress:
			counts = history.state_counts()[first_year + k]
			progress(f"{first_year + k}: {sum(counts.values())} applications planned")
	return history


def weighted_sample(rng: random.Random, items: Sequence, weights: Sequence[float], k: int) -> list:
	"""`k` distinct items, each drawn with probability proportional to its weight (Efraimidis–Spirakis)."""
	keyed = ((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights) if w > 0)
	return [items[i] for _, i in heapq.nlargest(k, keyed)]


def scale_counts(values: dict[str, object], size: float) -> None:
	"""Rescale the population counts to the community's size, keeping every part within its whole."""
	factor = size / int(values["working_age_capable"])
	for name in SCALED_COUNTS:
		values[name] = int(int(values[name]) * factor)
	values["labor_force"] = max(1, int(values["labor_force"]))
	values["pension_employee_insured"] = max(1, int(values["pension_employee_insured"]))


def media_reports(
	rng: random.Random, c: Community, values: dict[str, object], before: dt.datetime
) -> list[MediaReport]:
	"""One row per report the counts of indicator 9 claim (the app counts the rows by level)."""
	outlets = {
		"County": (f"{short_name(c.county)}新闻网", f"{c.county}融媒体中心"),
		"City": (f"{short_name(c.city)}日报", f"{short_name(c.city)}晚报", f"{c.city}广播电视台"),
		"Province": PROVINCE_OUTLETS,
	}
	start = dt.date(before.year - 1, 9, 1)
	span = max(1, (before.date() - start).days)
	rows = []
	for level in ("County", "City", "Province"):
		for _ in range(int(values[f"media_reports_{level.lower()}"])):
			day = start + dt.timedelta(days=rng.randrange(span))
			rows.append(MediaReport(rng.choice(outlets[level]), level, day))
	return rows


def _at(rng: random.Random, day: dt.date) -> dt.datetime:
	"""A moment in office hours on `day`."""
	return dt.datetime(
		day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)
	)


def achievements(a: Application) -> str:
	"""建设成效 for the recommendation form (at most 300 characters)."""
	v = a.values
	labor, employed = int(v["labor_force"]), int(v["employed"])
	text = (
		f"辖区有就业意愿劳动力{labor}人，已就业{employed}人，就业率{employed * 1000 // labor / 10}%；"
		f"持证技能人员{v['certified_workers']}人；当年新办市场主体{v['new_market_entities']}家，"
		f"带动就业{v['jobs_created']}人；开发公益性岗位{v['new_public_welfare_jobs']}个，"
		f"就业困难人员得到及时帮扶。建有就业服务站，定期走访摸底、发布岗位信息，"
		f"核定总分{fmt_points(a.card.total)}分。"
	)
	return text[:300]
