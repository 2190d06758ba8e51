"""Benchmark the engine and the offline scorer (a benchmark, not a test: it prints figures).

    python benchmarks/bench_scoring.py [--apps 100000] [--rows 5000] [--repeat 3]

1. engine: score N synthetic applications (validation included); applications per second and the
   peak memory of that process; then the rate with the gap to the pass mark (`to_pass`, SPEC §12:
   every lever's smallest rise, built when first read) and the data flags too; then with every basis
   text built and read (the engine builds an indicator's basis text when it is first read);
2. workbook: `hqe-score IN.xlsx -o OUT.xlsx` on a ROWS-row workbook (read, score, write the summary
   and one 附件1 sheet per application); wall time, CPU time and peak memory of that process.
Each part runs in a fresh process so its peak resident memory is its own, REPEAT times: the best rate
and time are shown (other processes on the machine only ever slow a run down), with the highest peak
memory, and the machine's load average (`uptime`) before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def part_engine(count: int) -> dict[str, float]:
	from hqe_app.demo_data import applications
	from hqe_app.i18n import translator
	from hqe_app.scoring import score
	from hqe_app.scoring.schemes import get_scheme

	scheme = get_scheme()
	_ = translator("zh")
	apps = list(applications(random.Random(7), scheme, count))
	start = time.perf_counter()
	eligible = sum(score(app, scheme, _=_).eligible for app in apps)
	elapsed = time.perf_counter() - start
	# What `hqe-score --json` adds per row: the gap to the pass mark and the flags (SPEC §12).
	start = time.perf_counter()
	options = flags = 0
	for app in apps:
		card = score(app, scheme, _=_)
		options += len(card.to_pass.options)
		flags += len(card.data_flags)
	gap = time.perf_counter() - start
	# A basis text is built when first read (a ranking needs only the points): a second pass reads them.
	start = time.perf_counter()
	characters = sum(len(r.basis) for app in apps for r in score(app, scheme, _=_).results)
	explained = time.perf_counter() - start
	return {
		"applications": count,
		"seconds": elapsed,
		"per_second": count / elapsed,
		"with_gap_per_second": count / gap,
		"options": options,
		"flags": flags,
		"with_basis_per_second": count / explained,
		"basis_characters": characters,
		"eligible": eligible,
		"peak_mb": peak_mb(),
	}


def part_make_workbook(rows: int, path: str) -> dict[str, float]:
	sys.path.insert(0, str(ROOT / "examples"))
	from openpyxl import load_workbook

	from hqe_app.demo_data import applications
	from hqe_app.excel_io.columns import DATA_SHEET
	from hqe_app.excel_io.template import write_template
	from hqe_app.i18n import translator
	from hqe_app.scoring.schemes import get_scheme

	scheme = get_scheme()
	write_template(path, scheme, translator("zh"))
	wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	names = [cell.value for cell in ws[2]]
	for row in applications(random.Random(11), scheme, rows):
		ws.append(["是" if v is True else "否" if v is False else v for v in (row[n] for n in names)])
	wb.save(path)
	return {"rows": rows}


def part_workbook(source: str, output: str) -> dict[str, float]:
	from hqe_app.offline.cli import main

	start, cpu = time.perf_counter(), time.process_time()
	with contextlib.redirect_stdout(io.StringIO()):
		status = main([source, "-o", output])
	elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
	return {
		"status": status,
		"seconds": elapsed,
		"cpu_seconds": cpu,
		"peak_mb": peak_mb(),
		"output_mb": Path(output).stat().st_size / 2**20,
	}


def run_part(*args: str) -> dict[str, float]:
	done = subprocess.run(
		[sys.executable, __file__, "--part", *args], capture_output=True, text=True, check=True
	)
	return json.loads(done.stdout.strip().splitlines()[-1])


def best_of(
	runs: list[dict[str, float]], higher: tuple[str, ...], lower: tuple[str, ...]
) -> dict[str, float]:
	"""The first run's figures, with the best of each rate (`higher`) and time (`lower`) over all runs and
	the highest peak memory."""
	best = dict(runs[0])
	for key in higher:
		best[key] = max(run[key] for run in runs)
	for key in lower:
		best[key] = min(run[key] for run in runs)
	best["peak_mb"] = max(run["peak_mb"] for run in runs)
	return best


def load() -> str:
	return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--apps", type=int, default=100_000)
	parser.add_argument("--rows", type=int, default=5_000)
	parser.add_argument("--repeat", type=int, default=3, help="runs of each part; the best is shown")
	parser.add_argument("--workdir", default=".", help="folder for the input and output workbooks")
	parser.add_argument("--part", nargs="+", help=argparse.SUPPRESS)
	args = parser.parse_args()
	if args.part:
		name, *rest = args.part
		parts = {"engine": part_engine, "make": part_make_workbook, "workbook": part_workbook}
		values = [int(v) if v.isdigit() else v for v in rest]
		print(json.dumps(parts[name](*values)))
		return

	print(f"load average before: {load()} ({os.cpu_count()} CPUs); best of {args.repeat} runs")
	engine = best_of(
		[run_part("engine", str(args.apps)) for _ in range(args.repeat)],
		higher=("per_second", "with_gap_per_second", "with_basis_per_second"),
		lower=("seconds",),
	)
	print(
		f"engine:   {engine['applications']:,} applications in {engine['seconds']:.2f} s = "
		f"{engine['per_second']:,.0f} applications/s; peak memory {engine['peak_mb']:.0f} MB "
		f"({engine['eligible']:,} eligible)"
	)
	print(
		f"          with the gap to the pass mark and the flags (to_pass, flags): "
		f"{engine['with_gap_per_second']:,.0f} applications/s ({engine['options']:,} options, "
		f"{engine['flags']:,} flags)"
	)
	print(
		f"          with every basis text also built and read: {engine['with_basis_per_second']:,.0f} "
		f"applications/s ({engine['basis_characters']:,} characters)"
	)
	# Work where a user would (the current directory by default), with the files a user would have.
	with tempfile.TemporaryDirectory(prefix="bench-scoring-", dir=args.workdir) as tmp:
		source, output = str(Path(tmp) / "in.xlsx"), str(Path(tmp) / "out.xlsx")
		run_part("make", str(args.rows), source)
		book = best_of(
			[run_part("workbook", source, output) for _ in range(args.repeat)],
			higher=(),
			lower=("seconds", "cpu_seconds"),
		)
	print(
		f"workbook: {args.rows:,} rows read, scored and written (summary + {args.rows:,} score sheets, "
		f"{book['output_mb']:.1f} MB) in {book['seconds']:.2f} s ({book['cpu_seconds']:.2f} s CPU); "
		f"peak memory {book['peak_mb']:.0f} MB; exit status {book['status']}"
	)
	print(f"load average after: {load()}")


if __name__ == "__main__":
	main()
