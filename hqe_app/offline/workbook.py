"""Write the scored workbook: the ranked summary, the quota per county, refused rows, one 附件1 sheet each.

The 附件1 sheets are the desk's own layout (forms.workbook.scoring_layout of forms.data), so an
application's score sheet reads the same offline and from the site.

Every sheet is laid out as data and streamed into the file as XML (forms.streamed): a province's
thousands of score sheets are written in seconds, none held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from openpyxl.styles import Font, PatternFill

from hqe_app.forms.data import scoring_form_of_card
from hqe_app.forms.streamed import StreamedBook
from hqe_app.forms.workbook import Layout, Line, look, scoring_layout
from hqe_app.i18n import Translator
from hqe_app.offline.batch import CountySummary, RowResult
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.evaluate import ScoreCard
from hqe_app.scoring.scheme import Scheme

BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
PLAIN, HEADING, HEADER = look(), look(BOLD), look(BOLD, fill=FILL)
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
GAP_ROWS = 5  # the best single changes shown on a score sheet; --json lists them all


def write_results(
	path: str | Path,
	scheme: Scheme,
	results: list[RowResult],
	summaries: list[CountySummary],
	_: Translator,
) -> None:
	with StreamedBook(path) as book:
		book.add(_("Ranked Summary"), _summary_layout(summaries, _))
		book.add(_("Recommendation Quota"), _quota_layout(summaries, _))
		refused = [r for r in results if r.errors]
		if refused:
			book.add(_("Refused Rows"), _refused_layout(refused, _))
		for index, result in enumerate(results, start=1):
			if result.card is not None:
				book.add(sheet_title(index, result.community), _score_layout(scheme, result, _))


def _table(widths: tuple[float, ...], labels: list[str], rows: Iterable[list]) -> Layout:
	"""A list sheet: the header row, frozen, then one row per entry."""
	return Layout(widths, [_header_line(labels), *(_plain(row) for row in rows)], freeze="A2")


def _yes(value: bool, _: Translator) -> str:
	return _("Yes") if value else _("No")


def _summary_layout(summaries: list[CountySummary], _: Translator) -> Layout:
	labels = [
		_("County"),
		_("Year"),
		_("Rank"),
		_("Community Name"),
		_("Township"),
		_("Base Score"),
		_("Bonus Score"),
		_("Total Score"),
		_("Eligible"),
		_("Recommended"),
	]
	rows = (
		[
			r.county,
			r.year,
			position,
			r.community,
			r.township,
			r.card.base,
			r.card.bonus,
			r.card.total,
			_yes(r.card.eligible, _),
			_yes(r.recommended, _),
		]
		for summary in summaries
		for position, r in enumerate(summary.ranked, start=1)
	)
	return _table((14, 8, 6, 24, 16, 8, 8, 8, 10, 12), labels, rows)


def _quota_layout(summaries: list[CountySummary], _: Translator) -> Layout:
	labels = [
		_("County"),
		_("Year"),
		_("Eligible"),
		_("Quota"),
		_("Recommended"),
		_("Recommended Communities"),
	]
	rows = (
		[
			s.county,
			s.year,
			len(s.eligible),
			s.quota,
			len(s.recommended),
			"、".join(r.community for r in s.recommended),
		]
		for s in summaries
	)
	return _table((14, 8, 12, 12, 12, 40), labels, rows)


def _refused_layout(refused: list[RowResult], _: Translator) -> Layout:
	labels = [_("Row"), _("Community Name"), _("County"), _("Field"), _("Message")]
	rows = ([r.row.number, r.community, r.county, e.field, e.message] for r in refused for e in r.errors)
	return _table((8, 24, 14, 28, 60), labels, rows)


def sheet_title(index: int, community: str) -> str:
	"""A unique, legal sheet name (at most 31 characters) for the index-th application."""
	return BAD_SHEET_CHARS.sub("_", f"{index:05d} {community}")[:31]


def _score_layout(scheme: Scheme, r: RowResult, _: Translator) -> Layout:
	"""附件1 as the desk exports it (forms.workbook.scoring_layout of forms.data), then the 距离达标 block."""
	identity = {"community_name": r.community, "township": r.township, "county": r.county, "year": r.year}
	layout = scoring_layout(scoring_form_of_card(identity, r.card, scheme.base_max, scheme.bonus_max))
	return layout._replace(lines=layout.lines + _gap_lines(scheme, r.card, _))  # printed: the 附件1 alone


def _gap_lines(scheme: Scheme, card: ScoreCard, _: Translator) -> list[Line]:
	"""距离达标 (SPEC §12): the points missing, the best single changes, then the data flags."""
	gap = card.to_pass
	status = (
		_("{0} points short of the pass mark {1}").format(fmt_points(gap.missing), fmt_points(card.pass_mark))
		if gap.missing
		else _("Pass mark {0} reached").format(fmt_points(card.pass_mark))
	)
	lines = [Line(()), _plain([None, (_("Gap to Pass Mark"), HEADING), None, None, status])]
	if gap.options:
		lines.append(
			_header_line(
				[_("Indicator No."), _("Item to Improve"), _("Now"), _("Change To"), _("Points Gained")]
			)
		)
		for option in gap.options[:GAP_ROWS]:
			spec = scheme.field_map[option.field]
			lines.append(
				_plain(
					[
						option.indicator,
						_(spec.label),
						_shown(option.from_, _),
						_shown(option.to, _),
						option.gain,
					]
				)
			)
	else:
		lines.append(_plain([None, None, None, None, _("No single change adds points")]))
	if card.data_flags:
		lines += [Line(()), _plain([None, (_("Data Flags"), HEADING)])]
		for flag in card.data_flags:
			lines.append(_plain([None, _(scheme.field_map[flag.field].label), None, None, flag.message]))
	return lines


def _plain(values: list) -> Line:
	"""A row of unstyled values; a (value, look) pair keeps its look, None leaves the cell out."""
	return Line(tuple(v if v is None or isinstance(v, tuple) else (v, PLAIN) for v in values))


def _header_line(labels: list[str]) -> Line:
	return Line(tuple((label, HEADER) for label in labels))


def _shown(value: object, _: Translator) -> object:
	"""A lever's value as a reader sees it: 是/否, an option's wording, a count as it is."""
	if isinstance(value, bool):
		return _yes(value, _)
	if isinstance(value, str):
		return _(value)
	return value
