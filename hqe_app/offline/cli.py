"""`hqe-score`: the offline scorer of SPEC §10.

    hqe-score template -o FILE.xlsx [--scheme NAME|FILE.json]
    hqe-score FILE [-o OUT.xlsx] [--json] [--scheme NAME|FILE.json]
    hqe-score scheme list | export NAME [-o FILE.json] | check FILE.json   (offline.schemes)

Exit status: 0 every row scored; 1 some rows refused (the rest still scored); 2 the file cannot be read,
or the scheme cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from hqe_app.excel_io.reader import UnreadableFile, read_rows
from hqe_app.i18n import Translator, translator
from hqe_app.offline.batch import score_rows, summarize
from hqe_app.offline.console import render
from hqe_app.offline.schemes import find_scheme, report
from hqe_app.offline.schemes import main as scheme_main
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.quota import ROUNDINGS, as_fraction
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.scheme_io import SchemeError
from hqe_app.scoring.schemes import DEFAULT_SCHEME

OK, SOME_REFUSED, UNREADABLE = 0, 1, 2


def _common(parser: argparse.ArgumentParser) -> None:
	parser.add_argument(
		"--scheme",
		default=DEFAULT_SCHEME,
		help=f"scoring scheme: a built-in code (default {DEFAULT_SCHEME}; see 'hqe-score scheme list') "
		"or a scheme .json file",
	)
	parser.add_argument("--lang", default="zh", help="language of texts: zh (default) or en")


def _template_parser() -> argparse.ArgumentParser:
	parser = argparse.ArgumentParser(prog="hqe-score template", description="Write the data template.")
	parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
	_common(parser)
	return parser


def _score_parser() -> argparse.ArgumentParser:
	parser = argparse.ArgumentParser(
		prog="hqe-score",
		description="Score applications of the high-quality employment community programme "
		"(use 'hqe-score template -o FILE.xlsx' for the data template).",
	)
	parser.add_argument("file", help=".xlsx in the data template, or .json list of objects")
	parser.add_argument("-o", "--output", help="write the summary and one score sheet per application here")
	parser.add_argument("--json", action="store_true", help="print a JSON list, one object per input row")
	parser.add_argument("--pass-mark", type=float, help="pass mark (default: the scheme's, 60)")
	parser.add_argument("--quota-rate", default="0.1", help="recommendation quota rate (default 0.1)")
	parser.add_argument("--quota-rounding", default="floor", choices=ROUNDINGS)
	_common(parser)
	return parser


def main(argv: Sequence[str] | None = None) -> int:
	argv = list(sys.argv[1:] if argv is None else argv)
	if argv[:1] == ["template"]:
		return _template(_template_parser().parse_args(argv[1:]))
	if argv[:1] == ["scheme"]:
		return scheme_main(argv[1:])
	return _score(_score_parser().parse_args(argv))


def _scheme(name: str, _: Translator) -> Scheme | None:
	"""The scheme `--scheme` names, or None once its problems are printed."""
	try:
		return find_scheme(name, _)
	except SchemeError as e:
		report(e, name, _)
		return None


def _template(args: argparse.Namespace) -> int:
	from hqe_app.excel_io.template import write_template

	_ = translator(args.lang)
	scheme = _scheme(args.scheme, _)
	if scheme is None:
		return UNREADABLE
	try:
		write_template(args.output, scheme, _)
	except OSError as e:
		print(_("Cannot write {0}: {1}").format(args.output, e), file=sys.stderr)
		return UNREADABLE
	print(_("Template written to {0}").format(args.output))
	return OK


def _score(args: argparse.Namespace) -> int:
	from hqe_app.programme.limits import breaches

	_ = translator(args.lang)
	scheme = _scheme(args.scheme, _)
	if scheme is None:
		return UNREADABLE
	try:
		rate = as_fraction(args.quota_rate)
	except ValueError:
		print(_("Invalid quota rate {0}").format(args.quota_rate), file=sys.stderr)
		return UNREADABLE
	pass_mark = scheme.pass_mark if args.pass_mark is None else args.pass_mark
	laxer = breaches(pass_mark, float(rate * 100), args.quota_rounding, scheme)
	for breach in laxer:
		print(
			_("{0} is laxer than the notice allows ({1}): {2}").format(
				breach.field, breach.limit, breach.notice_text
			),
			file=sys.stderr,
		)
	if laxer:
		return UNREADABLE
	try:
		rows = read_rows(args.file, scheme, _)
	except UnreadableFile as e:
		print(str(e), file=sys.stderr)
		return UNREADABLE
	results = score_rows(rows, scheme, _, args.pass_mark)
	summaries = summarize(results, rate, args.quota_rounding)
	if args.json:
		print(json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=1))
	else:
		rate_label = _("{0}% of eligible, {1}").format(fmt_points(float(rate * 100)), _(args.quota_rounding))
		print(render(results, summaries, rate_label, _))
	if args.output:
		from hqe_app.offline.workbook import write_results

		try:
			write_results(args.output, scheme, results, summaries, _)
		except OSError as e:
			print(_("Cannot write {0}: {1}").format(args.output, e), file=sys.stderr)
			return UNREADABLE
		if not args.json:
			print(_("Workbook written to {0}").format(args.output))
	return SOME_REFUSED if any(r.errors for r in results) else OK


if __name__ == "__main__":
	sys.exit(main())
