"""``python -m generator validate|build|schema``: the commands clerks, reviewers and CI run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.problems import Problem, print_problems, summary

CONTENT = Path("content/agencies")


def cmd_validate(args: argparse.Namespace) -> int:
    from generator.validate import validate_content, validate_paths

    paths = args.paths or [CONTENT]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print_problems([Problem.at(path, 1, 1, "", "path_missing", value=path) for path in missing])
        return 1
    site, problems = validate_paths(paths) if args.paths else validate_content(CONTENT)
    print_problems(problems)
    print(summary(problems, len(site.agencies)))
    return 1 if any(p.is_error for p in problems) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import build_site

    return build_site(Path(args.config), Path(args.site_dir))


def cmd_new(args: argparse.Namespace) -> int:
    import datetime

    from generator.new import new_submission

    try:
        written = new_submission(args.slug, args.content, datetime.date.today())
    except ValueError:
        print(Problem.at(args.content / args.slug, 1, 1, "", "slug_format", value=args.slug).format())
        return 1
    except FileExistsError:
        print(Problem.at(args.content / args.slug, 1, 1, "", "agency_exists", value=args.slug).format())
        return 1
    for path in written:
        print(path)
    print(
        "สร้างไฟล์แล้ว กรอกข้อมูลแล้วตรวจด้วย python -m generator validate / "
        "files created: fill them in, then check with python -m generator validate"
    )
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from generator.review import UnknownRevision, review

    try:
        print(review(args.base, args.content), end="")
    except UnknownRevision:
        print(Problem.at(".", 1, 1, "", "unknown_revision", value=args.base).format())
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check submissions / ตรวจไฟล์รายงาน")
    validate.add_argument("paths", nargs="*", type=Path, help="default: content/agencies")
    validate.set_defaults(run=cmd_validate)
    build = commands.add_parser("build", help="validate, then build site/ in both languages")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.set_defaults(run=cmd_build)
    new = commands.add_parser("new", help="start a submission for a new agency / เริ่มไฟล์ของหน่วยงานใหม่")
    new.add_argument("slug", help="folder name: lower-case letters, digits and '-'")
    new.add_argument("--content", type=Path, default=CONTENT)
    new.set_defaults(run=cmd_new)
    review = commands.add_parser("review", help="what changed since a git revision, for reviewers")
    review.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main")
    review.add_argument("--content", type=Path, default=CONTENT)
    review.set_defaults(run=cmd_review)
    schema = commands.add_parser("schema", help="write the JSON Schema files")
    schema.add_argument("--out", default="schema")
    schema.set_defaults(run=cmd_schema)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
