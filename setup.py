import re
from pathlib import Path

from setuptools import find_packages, setup

__version__ = re.search(r'__version__ = "(.+)"', Path("hqe_app/__init__.py").read_text()).group(1)

setup(
	name="hqe_app",
	version=__version__,
	description="High-quality employment community (village) programme for human-resources and social-security bureaus",
	author="hqe_app developers",
	license="MIT",
	packages=find_packages(exclude=("tests", "tests.*", "benchmarks", "examples")),
	include_package_data=True,
	zip_safe=False,
	python_requires=">=3.10",
	install_requires=["openpyxl>=3.1,<4", "lxml>=4.9"],
	extras_require={"test": ["pytest>=7", "hypothesis>=6"]},
	entry_points={"console_scripts": ["hqe-score=hqe_app.offline.cli:main"]},
)
