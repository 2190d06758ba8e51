"""Write the scored workbook: the ranked summary, the quota per county, refused rows, one 附件1 sheet each.

The 附件1 sheets are drawn by the desk's own renderer (forms.workbook.scoring_sheet of forms.data), so
an application's score sheet reads the same offline and from the site.

Written in openpyxl's write-only mode so a county's or a province's rows stream to disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from hqe_app.forms.data import scoring_form_of_card
from hqe_app.forms.workbook import scoring_sheet
from hqe_app.i18n import Translator
from hqe_app.offline.batch import CountySummary, RowResult
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.evaluate import ScoreCard
from hqe_app.scoring.scheme import Scheme

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
FILL = PatternFill("solid", fgColor="DDEBF7")
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
GAP_ROWS = 5  # the best single changes shown on a score sheet; --json lists them all


class _UniqueTitleSheet(WriteOnlyWorksheet):
	"""A write-only sheet whose title the caller has already made legal and unique.

	openpyxl compares every new title with all existing sheet names, which is quadratic over the
	thousands of score sheets of a large file; `sheet_title` guarantees uniqueness by its index prefix.
	"""

	@property
	def title(self) -> str:
		return self._unique_title

	@title.setter
	def title(self, value: str) -> None:
		self._unique_title = value


def write_results(
	path: str | Path,
	scheme: Scheme,
	results: list[RowResult],
	summaries: list[CountySummary],
	_: Translator,
) -> None:
	with _scratch_beside(path):
		wb = Workbook(write_only=True)
		_summary_sheet(wb, summaries, _)
		_quota_sheet(wb, summaries, _)
		refused = [r for r in results if r.errors]
		if refused:
			_refused_sheet(wb, refused, _)
		for index, result in enumerate(results, start=1):
			if result.card is not None:
				_score_sheet(wb, scheme, index, result, _)
		wb.save(path)


def _header(ws, labels: list[str]) -> None:
	row = []
	for label in labels:
		cell = WriteOnlyCell(ws, value=label)
		cell.font, cell.fill = BOLD, FILL
		row.append(cell)
	ws.append(row)


def _sheet(wb: Workbook, title: str, widths: list[float], freeze: str | None = "A2"):
	ws = wb.create_sheet(title)
	for index, width in enumerate(widths):
		ws.column_dimensions[chr(ord("A") + index)].width = width
	if freeze:
		ws.freeze_panes = freeze
	return ws


def _yes(value: bool, _: Translator) -> str:
	return _("Yes") if value else _("No")


def _summary_sheet(wb: Workbook, summaries: list[CountySummary], _: Translator) -> None:
	ws = _sheet(wb, _("Ranked Summary"), [14, 8, 6, 24, 16, 8, 8, 8, 10, 12])
	_header(
		ws,
		[
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
		],
	)
	for summary in summaries:
		for position, r in enumerate(summary.ranked, start=1):
			ws.append(
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
			)


def _quota_sheet(wb: Workbook, summaries: list[CountySummary], _: Translator) -> None:
	ws = _sheet(wb, _("Recommendation Quota"), [14, 8, 12, 12, 12, 40])
	_header(
		ws,
		[_("County"), _("Year"), _("Eligible"), _("Quota"), _("Recommended"), _("Recommended Communities")],
	)
	for s in summaries:
		names = "、".join(r.community for r in s.recommended)
		ws.append([s.county, s.year, len(s.eligible), s.quota, len(s.recommended), names])


def _refused_sheet(wb: Workbook, refused: list[RowResult], _: Translator) -> None:
	ws = _sheet(wb, _("Refused Rows"), [8, 24, 14, 28, 60])
	_header(ws, [_("Row"), _("Community Name"), _("County"), _("Field"), _("Message")])
	for r in refused:
		for error in r.errors:
			ws.append([r.row.number, r.community, r.county, error.field, error.message])


def sheet_title(index: int, community: str) -> str:
	"""A unique, legal sheet name (at most 31 characters) for the index-th application."""
	return BAD_SHEET_CHARS.sub("_", f"{index:05d} {community}")[:31]


def _score_sheet(wb: Workbook, scheme: Scheme, index: int, r: RowResult, _: Translator) -> None:
	"""附件1 as the desk exports it (forms.workbook.scoring_sheet of forms.data), then the 距离达标 block."""
	ws = _UniqueTitleSheet(parent=wb, title=sheet_title(index, r.community))
	wb._add_sheet(ws)
	identity = {"community_name": r.community, "township": r.township, "county": r.county, "year": r.year}
	scoring_sheet(ws, scoring_form_of_card(identity, r.card, scheme.base_max, scheme.bonus_max))
	_gap_block(ws, scheme, r.card, _)
	ws.close()  # finish this sheet's XML now, so thousands of sheets are not held open until save


def _gap_block(ws, scheme: Scheme, card: ScoreCard, _: Translator) -> None:
	"""距离达标 (SPEC §12): the points missing, the best single changes, then the data flags."""
	gap = card.to_pass
	ws.append([])
	status = (
		_("{0} points short of the pass mark {1}").format(fmt_points(gap.missing), fmt_points(card.pass_mark))
		if gap.missing
		else _("Pass mark {0} reached").format(fmt_points(card.pass_mark))
	)
	heading = WriteOnlyCell(ws, value=_("Gap to Pass Mark"))
	heading.font = BOLD
	ws.append([None, heading, None, None, status])
	if gap.options:
		_header(ws, [_("Indicator No."), _("Item to Improve"), _("Now"), _("Change To"), _("Points Gained")])
		for option in gap.options[:GAP_ROWS]:
			spec = scheme.field_map[option.field]
			ws.append(
				[
					option.indicator,
					_(spec.label),
					_shown(option.from_, _),
					_shown(option.to, _),
					option.gain,
				]
			)
	else:
		ws.append([None, None, None, None, _("No single change adds points")])
	if card.data_flags:
		ws.append([])
		heading = WriteOnlyCell(ws, value=_("Data Flags"))
		heading.font = BOLD
		ws.append([None, heading])
		for flag in card.data_flags:
			ws.append([None, _(scheme.field_map[flag.field].label), None, None, flag.message])


def _shown(value: object, _: Translator) -> object:
	"""A lever's value as a reader sees it: 是/否, an option's wording, a count as it is."""
	if isinstance(value, bool):
		return _yes(value, _)
	if isinstance(value, str):
		return _(value)
	return value


@contextlib.contextmanager
def _scratch_beside(path: str | Path) -> Iterator[None]:
	"""Keep openpyxl's scratch files (one per sheet) in a private folder, removed even on failure.

	Write-only mode streams each sheet through its own temporary file, thousands for a large input.
	Creating a file costs up to a millisecond on some disks, so the folder is made in RAM-backed
	/dev/shm when it has room (the sheets' XML, about 8 KB each), otherwise beside the output.
	"""
	previous = tempfile.tempdir
	with tempfile.TemporaryDirectory(prefix="hqe-score-", dir=_scratch_parent(path)) as scratch:
		tempfile.tempdir = scratch
		try:
			yield
		finally:
			tempfile.tempdir = previous


def _scratch_parent(path: str | Path, room: int = 512 * 2**20) -> Path:
	shm = Path("/dev/shm")
	with contextlib.suppress(OSError):
		if os.access(shm, os.W_OK) and _free_bytes(shm) > room:
			return shm
	return Path(path).resolve().parent


def _free_bytes(folder: Path) -> int:
	stat = os.statvfs(folder)
	return stat.f_bavail * stat.f_frsize
