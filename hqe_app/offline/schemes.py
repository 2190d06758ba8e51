"""`hqe-score scheme …` and `--scheme NAME|FILE` (SPEC §13): the built-in schemes, a scheme written to a
file, a scheme file checked, a scheme found by its code or its file.

    hqe-score scheme list
    hqe-score scheme export NAME [-o FILE.json]
    hqe-score scheme check FILE.json

A scheme file is used only when it passes every check, its limits no laxer than the notice's; otherwise
each problem is printed, named by indicator and parameter, and the status is 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hqe_app.i18n import Translator, translator
from hqe_app.programme.limits import check_scheme_against_notice
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.scheme_io import (
	Problem,
	SchemeError,
	describe,
	dump_scheme,
	load_scheme_file,
	scheme_to_json,
)
from hqe_app.scoring.schemes import SCHEMES

OK, UNUSABLE = 0, 2


def find_scheme(name: str, _: Translator) -> Scheme:
	"""A built-in scheme by its code, or a scheme file that passes its checks; SchemeError otherwise."""
	if name in SCHEMES:
		return SCHEMES[name]
	path = Path(name)
	if not path.is_file():
		message = _("Unknown scheme {0}: neither a built-in scheme ({1}) nor a file").format(
			name, ", ".join(SCHEMES)
		)
		raise SchemeError([Problem("", "", message)])
	scheme = load_scheme_file(path, _)
	problems = check_scheme_against_notice(scheme, _)
	if problems:
		raise SchemeError(problems)
	return scheme


def report(error: SchemeError, name: str, _: Translator) -> None:
	"""Print each problem of a scheme, one a line, on stderr."""
	print(_("Scheme {0} cannot be used:").format(name), file=sys.stderr)
	for problem in error.problems:
		print("  " + describe(problem, _), file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
	parser = argparse.ArgumentParser(prog="hqe-score scheme", description="Scoring schemes as JSON files.")
	parser.add_argument("--lang", default="zh", help="language of texts: zh (default) or en")
	commands = parser.add_subparsers(dest="command", required=True)
	commands.add_parser("list", help="the built-in schemes: code, title, version")
	export = commands.add_parser("export", help="write a scheme as a JSON file")
	export.add_argument("name", help="a built-in scheme's code (or a scheme file)")
	export.add_argument("-o", "--output", help="the .json file to write (default: print it)")
	check = commands.add_parser("check", help="check a scheme file before it is used")
	check.add_argument("file", help="the scheme's .json file")
	return parser


def main(argv: Sequence[str]) -> int:
	args = _parser().parse_args(argv)
	_ = translator(args.lang)
	if args.command == "list":
		for scheme in SCHEMES.values():
			print(f"{scheme.code}\t{_(scheme.title)}\t{scheme.version}")
		return OK
	name = args.name if args.command == "export" else args.file
	try:
		scheme = find_scheme(name, _)
	except SchemeError as e:
		report(e, name, _)
		return UNUSABLE
	if args.command == "check":
		print(_("Scheme {0} (version {1}) passes every check").format(scheme.code, scheme.version))
		return OK
	if not args.output:
		sys.stdout.write(scheme_to_json(scheme))
		return OK
	try:
		dump_scheme(scheme, args.output)
	except OSError as e:
		print(_("Cannot write {0}: {1}").format(args.output, e), file=sys.stderr)
		return UNUSABLE
	print(_("Scheme {0} written to {1}").format(scheme.code, args.output))
	return OK
