"""The integration tier, run on a real Frappe v15 site when one is configured (skipped, visibly, if not).

    HQE_BENCH=/path/to/frappe-bench HQE_SITE=site.localhost pytest tests/test_integration_site.py

runs `bench --site $HQE_SITE run-tests --app hqe_app` (hqe_app installed on that site) and passes
only when every one of those tests passed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

BENCH = os.environ.get("HQE_BENCH")
SITE = os.environ.get("HQE_SITE")


@pytest.mark.skipif(
	not (BENCH and SITE),
	reason="integration tier not configured: set HQE_BENCH and HQE_SITE to run it on a real Frappe site",
)
def test_integration_tier_on_a_real_site() -> None:
	bench = shutil.which("bench")
	assert bench, "the bench command is not on PATH"
	done = subprocess.run(
		[bench, "--site", SITE, "run-tests", "--app", "hqe_app"],
		cwd=BENCH,
		env={**os.environ, "CI": "1"},  # without CI, Frappe v15's run-tests exits 0 even on failures
		capture_output=True,
		text=True,
		check=False,
	)
	output = done.stdout + done.stderr
	ran = re.search(r"Ran (\d+) tests? in", output)
	assert done.returncode == 0, output[-6000:]
	assert ran and int(ran[1]) > 0, output[-6000:]
	assert re.search(r"^OK\b", output, re.M), output[-6000:]
