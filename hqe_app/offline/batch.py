"""Score a batch of rows and group the results per county and year with the recommendation quota."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from hqe_app.excel_io.columns import option_aliases
from hqe_app.excel_io.reader import InputRow
from hqe_app.i18n import Translator
from hqe_app.scoring.evaluate import ScoreCard, evaluate
from hqe_app.scoring.quota import Rounding, fill_quota, rank, recommendation_quota
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.validate import FieldError, normalize


@dataclass
class RowResult:
	row: InputRow
	card: ScoreCard | None
	errors: list[FieldError]
	recommended: bool = False

	@property
	def community(self) -> str:
		return _text(self.row.values.get("community"))

	@property
	def township(self) -> str:
		return _text(self.row.values.get("township"))

	@property
	def county(self) -> str:
		return _text(self.row.values.get("county"))

	@property
	def year(self) -> int | str | None:
		year = self.row.values.get("year")
		if isinstance(year, float) and year.is_integer():
			return int(year)
		if isinstance(year, str) and year.strip().isdigit():
			return int(year.strip())
		return year if year not in ("", None) else None

	def as_json(self) -> dict[str, object]:
		"""One object of `hqe-score --json` (SPEC §10, §12); a refused row carries only its errors."""
		out: dict[str, object] = {"community": self.community, "county": self.county, "year": self.year}
		if self.card is not None:
			out |= {
				"scores": self.card.points,
				"base": self.card.base,
				"bonus": self.card.bonus,
				"total": self.card.total,
				"eligible": self.card.eligible,
				"to_pass": self.card.to_pass.as_dict(),
				"flags": [flag.as_dict() for flag in self.card.data_flags],
			}
		out["errors"] = [e.as_dict() for e in self.errors]
		return out


@dataclass
class CountySummary:
	county: str
	year: int | str | None
	ranked: list[RowResult]
	quota: int
	recommended: list[RowResult] = field(default_factory=list)

	@property
	def eligible(self) -> list[RowResult]:
		return [r for r in self.ranked if r.card and r.card.eligible]


def _text(value: object) -> str:
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return "" if value is None else str(value).strip()


def score_rows(
	rows: Iterable[InputRow], scheme: Scheme, _: Translator, pass_mark: float | None = None
) -> list[RowResult]:
	aliases = option_aliases(scheme, _)
	results = []
	for row in rows:
		clean, errors = normalize(scheme, row.values, _, aliases)
		card = None if errors else evaluate(scheme, clean, pass_mark, _)
		results.append(RowResult(row, card, errors))
	return results


def summarize(
	results: list[RowResult], rate: Fraction | float | str, rounding: Rounding
) -> list[CountySummary]:
	"""Per county and year: scored rows ranked, the quota from the eligible count, and who fills it.

	The eligible rows stand in for the county's certified ones, as the county would certify them.
	Groups keep the order in which their counties first appear in the input.
	"""
	groups: dict[tuple[str, object], list[RowResult]] = defaultdict(list)
	for result in results:
		if result.card is not None:
			groups[(result.county, result.year)].append(result)
	summaries = []
	for (county, year), members in groups.items():
		ranked = rank(members, key=lambda r: (r.card.total, r.card.base, r.community))
		summary = CountySummary(county, year, ranked, 0)
		summary.quota = recommendation_quota(len(summary.eligible), rate, rounding)
		summary.recommended = fill_quota(summary.eligible, summary.quota)
		for result in summary.recommended:
			result.recommended = True
		summaries.append(summary)
	return summaries
