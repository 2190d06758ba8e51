"""The plain-text summary `hqe-score FILE` prints."""

from __future__ import annotations

import unicodedata

from hqe_app.i18n import Translator
from hqe_app.offline.batch import CountySummary, RowResult
from hqe_app.scoring.display import fmt_points


def width(text: str) -> int:
	return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: object, size: int) -> str:
	text = str(text)
	return text + " " * max(0, size - width(text))


def render(results: list[RowResult], summaries: list[CountySummary], rate_label: str, _: Translator) -> str:
	refused = [r for r in results if r.errors]
	lines = [
		_("{0} rows: {1} scored, {2} refused").format(
			len(results), len(results) - len(refused), len(refused)
		),
	]
	for s in summaries:
		lines += [
			"",
			_("{0} {1}: {2} eligible of {3}; quota {4} ({5})").format(
				s.county or "-", s.year or "", len(s.eligible), len(s.ranked), s.quota, rate_label
			),
			"  "
			+ "".join(
				pad(h, w)
				for h, w in zip(
					(
						_("Rank"),
						_("Community Name"),
						_("Township"),
						_("Total Score"),
						_("Eligible"),
						_("Recommended"),
					),
					(6, 26, 18, 10, 10, 8),
					strict=True,
				)
			),
		]
		for position, r in enumerate(s.ranked, start=1):
			lines.append(
				"  "
				+ "".join(
					pad(v, w)
					for v, w in zip(
						(
							position,
							r.community,
							r.township,
							fmt_points(r.card.total),
							_("Yes") if r.card.eligible else _("No"),
							"★" if r.recommended else "",
						),
						(6, 26, 18, 10, 10, 8),
						strict=True,
					)
				)
			)
	if refused:
		lines += ["", _("Refused rows:")]
		for r in refused:
			for e in r.errors:
				lines.append(
					"  " + _("Row {0} {1}: {2} [{3}]").format(r.row.number, r.community, e.message, e.field)
				)
	return "\n".join(lines)
