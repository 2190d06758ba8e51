"""The code's layout holds (README, "代码结构 / How the code is laid out").

- No folder holds more than 15 modules; no module outside `demo/` is longer than 600 lines.
- No import circle among the app's modules. Imports at a module's top level count, those under
  `if TYPE_CHECKING:` included (an annotation-only import still ties two modules together); an import
  deferred into a function body does not, as it is the way to break a circle on purpose.
- The rule of direction: a layer imports only the layers below it, and the Frappe-free layers never
  import Frappe.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "hqe_app"
MAX_MODULES_PER_FOLDER = 15
MAX_LINES = 600

# Each top-level part of the app, and the parts it may import. Parts below the Frappe module are
# Frappe-free (the offline scorer and the tier-1 tests run them without Frappe).
MAY_IMPORT: dict[str, set[str]] = {
	"i18n": set(),
	"scoring": {"i18n"},
	"programme": {"scoring", "i18n"},
	"forms": {"programme", "scoring", "i18n"},
	"excel_io": {"forms", "programme", "scoring", "i18n"},
	"offline": {"excel_io", "forms", "programme", "scoring", "i18n"},
	"demo_data": {"scoring", "i18n"},
	"translation_sources": {"excel_io", "forms", "programme", "scoring", "i18n"},
}
FRAPPE_FREE = set(MAY_IMPORT)


def modules() -> Iterator[tuple[str, Path]]:
	for path in sorted(APP.rglob("*.py")):
		parts = path.relative_to(APP.parent).with_suffix("").parts
		if parts[-1] == "__init__":
			parts = parts[:-1]
		yield ".".join(parts), path


ALL = dict(modules())


def top_level_imports(path: Path) -> Iterator[str]:
	"""Modules imported at the top level of `path` (inside `if`/`try` blocks too, not in functions)."""
	tree = ast.parse(path.read_text(encoding="utf-8"))
	package = ".".join(path.relative_to(APP.parent).with_suffix("").parts[:-1])

	def walk(nodes: list[ast.stmt]) -> Iterator[str]:
		for node in nodes:
			if isinstance(node, ast.Import):
				yield from (alias.name for alias in node.names)
			elif isinstance(node, ast.ImportFrom):
				base = node.module or ""
				if node.level:
					anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
					base = ".".join([*anchor, base] if base else anchor)
				for alias in node.names:
					yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in ALL else base
			elif isinstance(node, ast.If | ast.Try):
				yield from walk(node.body)
				yield from walk(node.orelse)
				for handler in getattr(node, "handlers", ()):
					yield from walk(handler.body)

	yield from walk(tree.body)


def part_of(module: str) -> str:
	return module.split(".")[1] if "." in module else module


def test_no_folder_holds_more_than_15_modules() -> None:
	crowded = {}
	for folder in {path.parent for path in ALL.values()}:
		count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
		if count > MAX_MODULES_PER_FOLDER:
			crowded[str(folder.relative_to(APP))] = count
	assert crowded == {}


def test_no_module_outside_demo_is_longer_than_600_lines() -> None:
	long = {
		name: lines
		for name, path in ALL.items()
		if part_of(name) != "demo"
		and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
	}
	assert long == {}


def test_no_import_circle() -> None:
	graph = {
		name: {m for m in top_level_imports(path) if m in ALL and m != name} for name, path in ALL.items()
	}
	circles: list[list[str]] = []
	state: dict[str, int] = {}  # 1 on the current path, 2 done

	def visit(node: str, trail: list[str]) -> None:
		state[node] = 1
		for nxt in sorted(graph[node]):
			if state.get(nxt) == 1:
				circles.append([*trail[trail.index(nxt) :], nxt])
			elif nxt not in state:
				visit(nxt, [*trail, nxt])
		state[node] = 2

	for name in sorted(graph):
		if name not in state:
			visit(name, [name])
	assert circles == []


def test_lower_layers_import_neither_frappe_nor_a_higher_layer() -> None:
	wrong = []
	for name, path in ALL.items():
		part = part_of(name)
		if part not in MAY_IMPORT:
			continue
		for imported in top_level_imports(path):
			root = imported.split(".")[0]
			if root == "frappe" and part in FRAPPE_FREE:
				wrong.append((name, imported))
			elif root == "hqe_app" and imported != "hqe_app":
				target = part_of(imported)
				if target != part and target not in MAY_IMPORT[part]:
					wrong.append((name, imported))
	assert wrong == []


def test_the_checks_see_the_app() -> None:
	"""The walk finds the app's modules and their imports, so the checks above cannot pass on nothing."""
	assert "hqe_app.scoring.scheme" in ALL and "hqe_app.high_quality_employment.workflow.guards" in ALL
	assert "hqe_app.scoring.model" in set(top_level_imports(ALL["hqe_app.scoring.scheme"]))
	assert "frappe" in set(top_level_imports(ALL["hqe_app.high_quality_employment.application.scoring"]))


def dotted_paths() -> Iterator[tuple[str, str]]:
	"""Every `hqe_app.x.y.z` written in the app's code, hooks, scripts, JSON and the README."""
	import re

	pattern = re.compile(r"\bhqe_app(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
	files = [*APP.rglob("*.py"), *APP.rglob("*.js"), *APP.rglob("*.json"), *APP.rglob("*.html")]
	files += [
		APP.parent / "README.md",
		APP.parent / "pyproject.toml",
		*(APP.parent / "benchmarks").glob("*.py"),
	]
	for path in files:
		for match in pattern.finditer(path.read_text(encoding="utf-8")):
			yield str(path.relative_to(APP.parent)), match.group(0)


def test_every_dotted_path_names_a_module_or_its_attribute() -> None:
	"""Hooks, `frappe.call`s, background jobs and Jinja methods name code by dotted path: each resolves
	to a module, or to a name defined at the top of one."""

	def defined(module: str, name: str) -> bool:
		tree = ast.parse(ALL[module].read_text(encoding="utf-8"))
		for node in tree.body:
			if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) and node.name == name:
				return True
			if isinstance(node, ast.Assign | ast.AnnAssign):
				targets = node.targets if isinstance(node, ast.Assign) else [node.target]
				if any(isinstance(t, ast.Name) and t.id == name for t in targets):
					return True
			if isinstance(node, ast.ImportFrom | ast.Import):
				if any((alias.asname or alias.name).split(".")[0] == name for alias in node.names):
					return True
		return False

	broken = []
	seen = 0
	for where, dotted in dotted_paths():
		seen += 1
		if dotted in ALL:
			continue
		module, _, name = dotted.rpartition(".")
		if module in ALL and defined(module, name):
			continue
		if dotted.endswith((".py", ".json", ".js")) or (
			dotted.rpartition(".")[0] in ALL and dotted.endswith(".py")
		):
			continue
		broken.append((where, dotted))
	assert seen > 50
	assert broken == []
