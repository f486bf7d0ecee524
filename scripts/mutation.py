"""Mutation testing of the service modules (`make mutation`, issue 15): do the tests notice
when the code is wrong?

mutmut makes small changes ("mutants") to one module at a time: `<` for `<=`, a condition
negated, an argument dropped, a string changed, and runs the tests that call the changed
function. A mutant the tests let through ("survived") is a change in behaviour nobody checks.

The modules run one after another, each with only the test files that cover it. Everything
happens in a throw-away copy under /tmp: mutmut never touches this tree (it only ever writes
its own `mutants/` folder, and that lives in the copy too). The copy holds the files git
tracks plus new ones it does not ignore, as they are on disk now.

Two things make a run fit in a few minutes on two cores:
- the test database is migrated once, and every test session gets a copy of that file
  (scripts/mutation_conftest.py becomes the copy's conftest.py);
- mutmut forks one child per mutant from a process that has Django loaded, and runs only the
  tests that called the mutated function (it records that in a first run).

mutmut leaves decorated functions alone (it copies a function for every mutant, and most
decorators cannot be applied twice). In the copy, this script first writes such a decorator
as the assignment it stands for (`@transaction.atomic def f` becomes `def f` followed by
`f = transaction.atomic(f)`, the same for `@property` and `@functools.cache`), so those
functions are tested like the rest.

Usage: .venv/bin/python scripts/mutation.py [--only retention,querysets] [--survivors]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KILLED = {1, 3}  # pytest: tests failed / internal error while running them
TIMEOUT = {36, -24, 24, 152, 255}  # the mutant made the tests hang: caught as well


@dataclass(frozen=True)
class Target:
    path: str
    tests: tuple[str, ...]
    # mutmut names of the functions to mutate ("x_name", "xǁClassǁmethod", globs allowed);
    # empty: every function of the module.
    functions: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return self.path.removesuffix(".py").replace("/", ".")

    @property
    def name(self) -> str:
        return Path(self.path).stem


TARGETS = [
    Target(
        "library/process/retention.py",
        (
            "tests/library/test_operations.py",
            "tests/library/test_reports.py",
            "tests/library/test_retention_mutants.py",
        ),
    ),
    Target(
        "library/reporting/business_case.py",
        (
            "tests/library/test_business_case.py",
            "tests/library/test_business_case_mutants.py",
        ),
    ),
    Target(
        "library/models/querysets.py",
        (
            "tests/library/test_published_covers.py",
            "tests/library/test_querysets_mutants.py",
        ),
    ),
    Target(
        "cms/page_cache.py",
        (
            "tests/cms/test_page_cache.py",
            "tests/cms/test_page_cache_declarations.py",
            "tests/library/test_page_cache_declarations.py",
            "tests/curriculum/test_page_cache_declarations.py",
            "tests/cms/test_page_cache_mutants.py",
        ),
        # The invalidation part: what empties the cache, and when.
        functions=(
            "x_invalidate",
            "x_invalidate_after_change",
            "x_content_labels",
            "x_shown_publicly",
            "x_on_content_change",
            "x_on_page_change",
            "x_connect_invalidation",
        ),
    ),
    Target(
        "library/process/deadlines.py",
        (
            "tests/library/test_loans.py",
            "tests/library/test_operations.py",
            "tests/library/test_deadlines_mutants.py",
        ),
    ),
    Target(
        "library/process/loans.py",
        (
            "tests/library/test_loans.py",
            "tests/library/test_operations.py",
            "tests/library/test_loans_mutants.py",
        ),
    ),
]

# Mutants that cannot change behaviour, per module: (function, the line as the mutant has it,
# why no test can tell). Both are regular expressions that must match whole (the function's
# mutmut name, x_<name> or xǁ<Class>ǁ<method>). Only a mutant the tests let through is
# looked up here. Keep this list short: a surviving mutant is almost always a test to write.
EQUIVALENT: dict[str, list[tuple[str, str, str]]] = {
    "library/process/retention.py": [
        (
            "x_anonymise",
            r"submission\.save\(update_fields=None\)",
            "saving every field of the submission writes the same values: only form_data changed",
        ),
        (
            "x_(erase_resident|purge_personal_data)",
            r".*\.select_related\(None\).*",
            "select_related only saves a query per request; the same rows change",
        ),
    ],
    "cms/page_cache.py": [
        (
            "x_content_labels",
            r'if getattr\(config, "public_content", None\):',
            "None and False are both false in the `if`",
        ),
    ],
    "library/process/deadlines.py": [
        (
            "x_is_working_day",
            r".*dutch_holidays\(None\)",
            "the holidays object fills in every year it is asked about; the year only preloads it",
        ),
        (
            "x_dutch_date",
            r'return date_format\(day, (None)?\) if day else ""',
            "Dutch is the only language (settings.LANGUAGES): its DATE_FORMAT is this very j F Y",
        ),
    ],
}


@dataclass
class Result:
    target: Target
    status_by_mutant: dict[str, str] = field(default_factory=dict)
    equivalent: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for name, s in self.status_by_mutant.items() if s == status)

    @property
    def total(self) -> int:
        return len(self.status_by_mutant) - len(self.equivalent)

    @property
    def killed(self) -> int:
        return self.count("killed") + self.count("timeout")

    @property
    def survivors(self) -> list[str]:
        return sorted(
            name
            for name, status in self.status_by_mutant.items()
            if status not in ("killed", "timeout") and name not in self.equivalent
        )


def status_of(exit_code: int | None) -> str:
    if exit_code in KILLED:
        return "killed"
    if exit_code in TIMEOUT:
        return "timeout"
    return {0: "survived", 33: "no tests", 5: "no tests", None: "not run"}.get(exit_code, "other")


def project_files() -> list[str]:
    """What git tracks or would track, as it is on disk now (new files included)."""
    command = ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"]
    out = subprocess.run(  # noqa: S603
        command,
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted({name for name in out.split("\0") if name and (ROOT / name).is_file()})


def make_copy(workdir: Path) -> None:
    for name in project_files():
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    conftest = workdir / "conftest.py"
    if conftest.exists():
        raise SystemExit(
            "The project has a conftest.py at its root: merge it with the template one"
        )
    shutil.copy2(ROOT / "scripts" / "mutation_conftest.py", conftest)


def migrate_template(workdir: Path, template: Path) -> None:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test")
    env["DATABASE_URL"] = f"sqlite:///{template}"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=workdir,
        env=env,
        check=True,
    )


def desugar_decorators(path: Path) -> int:
    """`@deco def f` -> `def f` + `f = deco(f)`, at module level and in classes, so mutmut
    mutates f. @staticmethod/@classmethod alone stay (mutmut handles them), and so does
    `@name.setter`, which needs the name it replaces."""
    import libcst as cst

    module = cst.parse_module(path.read_text())
    count = 0

    def keep(func: cst.FunctionDef) -> bool:
        decorators = [d.decorator for d in func.decorators]
        if len(decorators) == 1 and isinstance(decorators[0], cst.Name):
            return decorators[0].value in ("staticmethod", "classmethod")
        return any(
            isinstance(d, cst.Attribute)
            and isinstance(d.value, cst.Name)
            and d.value.value == func.name.value
            for d in decorators
        )

    def body(statements):
        nonlocal count
        result = []
        for statement in statements:
            if isinstance(statement, cst.ClassDef) and isinstance(
                statement.body, cst.IndentedBlock
            ):
                statement = statement.with_changes(
                    body=statement.body.with_changes(body=body(statement.body.body))
                )
            elif (
                isinstance(statement, cst.FunctionDef)
                and statement.decorators
                and not keep(statement)
            ):
                name = statement.name.value
                wrapped = name
                for decorator in reversed(statement.decorators):
                    wrapped = f"{module.code_for_node(decorator.decorator)}({wrapped})"
                result.append(statement.with_changes(decorators=[]))
                result.append(cst.parse_statement(f"{name} = {wrapped}\n"))
                count += 1
                continue
            result.append(statement)
        return result

    path.write_text(module.with_changes(body=body(module.body)).code)
    return count


def toml_list(values) -> str:
    return "[" + ", ".join(json.dumps(str(v)) for v in values) + "]"


def configure(workdir: Path, target: Target, original_pyproject: str) -> None:
    package = target.path.split("/")[0]
    others = sorted(
        entry.name
        for entry in workdir.iterdir()
        if entry.name not in (package, "mutants", "pyproject.toml")
        and not entry.name.startswith(".")
        and not entry.name.startswith(("mutants-", "mutmut-"))
        and entry.suffix != ".sqlite3"
    )
    section = f"""
[tool.mutmut]
source_paths = {toml_list([package])}
only_mutate = {toml_list([target.path])}
also_copy = {toml_list(others)}
pytest_add_cli_args = ["-p", "no:cacheprovider"]
pytest_add_cli_args_test_selection = {toml_list(target.tests)}
use_git_change_detection = false
"""
    text = re.sub(r"\n\[tool\.mutmut\][^\[]*", "\n", original_pyproject)
    (workdir / "pyproject.toml").write_text(text + section)


def mutant_patterns(target: Target) -> list[str]:
    return [f"{target.module}.{name}__mutmut_*" for name in target.functions]


def function_of(mutant: str) -> str:
    return mutant.rpartition(".")[2].rpartition("__mutmut_")[0]


def diff_of(workdir: Path, mutant: str) -> str:
    out = subprocess.run(  # noqa: S603 - our own venv's mutmut
        [str(BIN / "mutmut"), "show", mutant], cwd=workdir, capture_output=True, text=True
    )
    return out.stdout.strip()


def added_lines(diff: str) -> list[str]:
    return [
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]


def run_mutmut(workdir: Path, target: Target, template: Path, max_children: int) -> bool:
    """One `mutmut run` for one module; its output goes to mutmut-<module>.log in the copy."""
    shutil.rmtree(workdir / "mutants", ignore_errors=True)
    log = workdir / f"mutmut-{target.name}.log"
    env = dict(os.environ, MUTATION_TEMPLATE_DB=str(template))
    env.pop("DATABASE_URL", None)
    command = [str(BIN / "mutmut"), "run", "--max-children", str(max_children)]
    with open(log, "w") as out:
        proc = subprocess.run(  # noqa: S603 - our own venv's mutmut
            command + mutant_patterns(target),
            cwd=workdir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    meta = workdir / "mutants" / f"{target.path}.meta"
    if proc.returncode == 0 and meta.exists():
        return True
    tail = log.read_text(errors="replace")[-4000:]
    print(f"  mutmut failed (exit {proc.returncode}); end of {log}:\n{tail}")
    return False


def read_results(workdir: Path, result: Result, show_survivors: bool) -> None:
    target = result.target
    meta = workdir / "mutants" / f"{target.path}.meta"
    patterns = [p.rpartition(".")[2].removesuffix("*") for p in mutant_patterns(target)]
    for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
        local = name.rpartition(".")[2]
        if not patterns or any(local.startswith(p) for p in patterns):
            result.status_by_mutant[name] = status_of(code)
    known = EQUIVALENT.get(target.path, [])
    alive = [n for n, s in result.status_by_mutant.items() if s not in ("killed", "timeout")]
    for name in sorted(alive):
        diff = diff_of(workdir, name)
        lines = added_lines(diff)
        reason = next(
            (
                why
                for function, line, why in known
                if re.fullmatch(function, function_of(name))
                and any(re.fullmatch(line, added) for added in lines)
            ),
            None,
        )
        if reason:
            result.equivalent[name] = reason
        elif show_survivors:
            print(f"  --- {name} ({result.status_by_mutant[name]})\n{diff}\n")


def run_target(workdir: Path, target: Target, template: Path, args, pyproject: str) -> Result:
    started = time.monotonic()
    missing = [test for test in target.tests if not (workdir / test).exists()]
    if missing:
        print(f"  (test files not there yet, left out: {', '.join(missing)})")
    tests = tuple(test for test in target.tests if test not in missing)
    target = Target(target.path, tests, target.functions)
    desugared = desugar_decorators(workdir / target.path)
    if desugared:
        print(f"  ({desugared} decorated functions written out as assignments)")
    configure(workdir, target, pyproject)
    ran = run_mutmut(workdir, target, template, args.max_children)
    # The next module's run must not see this one's rewritten decorators.
    shutil.copy2(ROOT / target.path, workdir / target.path)
    result = Result(target)
    if ran:
        read_results(workdir, result, args.survivors)
        if args.keep:
            (workdir / "mutants").rename(workdir / f"mutants-{target.name}")
    result.seconds = time.monotonic() - started
    return result


def rate(killed: int, total: int) -> str:
    return f"{100 * killed / total:5.1f} %" if total else "    -  "


def report(results: list[Result]) -> None:
    print()
    print(f"{'module':<40} {'killed/total':>13} {'kill rate':>9} {'equiv.':>7} {'time':>6}")
    for r in results:
        print(
            f"{r.target.path:<40} {f'{r.killed}/{r.total}':>13} {rate(r.killed, r.total):>9}"
            f" {len(r.equivalent):>7} {r.seconds:>5.0f}s"
        )
    killed = sum(r.killed for r in results)
    total = sum(r.total for r in results)
    seconds = sum(r.seconds for r in results)
    print(
        f"{'total':<40} {f'{killed}/{total}':>13} {rate(killed, total):>9}"
        f" {sum(len(r.equivalent) for r in results):>7} {seconds:>5.0f}s"
    )
    for r in results:
        for name, reason in sorted(r.equivalent.items()):
            print(f"  equivalent: {name}: {reason}")
        for name in r.survivors:
            print(f"  survived: {name} ({r.status_by_mutant[name]})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated module names (retention,loans,...)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--survivors", action="store_true", help="print each survivor's diff")
    parser.add_argument("--keep", action="store_true", help="keep the copy under /tmp")
    parser.add_argument("--min-rate", type=float, default=0, help="fail below this kill rate (%%)")
    args = parser.parse_args()

    targets = TARGETS
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        targets = [t for t in TARGETS if t.name in wanted or t.path in wanted]
        if unknown := wanted - {t.name for t in targets} - {t.path for t in targets}:
            parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")

    workdir = Path(tempfile.mkdtemp(prefix="mutation-"))
    started = time.monotonic()
    try:
        print(f"Copy of the project: {workdir}")
        make_copy(workdir)
        template = workdir / "template.sqlite3"
        migrate_template(workdir, template)
        print(f"Test database migrated ({time.monotonic() - started:.0f}s)")
        pyproject = (workdir / "pyproject.toml").read_text()
        results = []
        for target in targets:
            print(f"{target.path} ...", flush=True)
            result = run_target(workdir, target, template, args, pyproject)
            score = rate(result.killed, result.total).strip()
            print(f"  {result.killed}/{result.total} killed ({score}) in {result.seconds:.0f}s")
            results.append(result)
        report(results)
        print(f"Run time: {time.monotonic() - started:.0f}s")
    finally:
        if args.keep:
            print(f"Kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    low = [r for r in results if r.total and 100 * r.killed / r.total < args.min_rate]
    return 1 if low or any(not r.status_by_mutant for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
