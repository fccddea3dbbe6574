"""``pocedu validate`` and ``pocedu bank export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="validate a content directory (default: the packaged one)",
        description="Validate knowledge base and question bank files against the strict schema, "
        "resolve every source pointer, check keys against the knowledge base, grade every "
        "item's sample responses and apply the item-writing rules to each bank file. Prints "
        "counts by module and type and the coverage of each language; exits 1 on any problem.",
    )
    p.add_argument("directory", nargs="?", type=Path, help="content directory to check")
    p.add_argument("--graded", type=Path, metavar="BANK_DIR",
                   help="a graded bank folder to check too (default: assessments/bank of a "
                   "source checkout, when DIRECTORY is not given)")
    p.add_argument("--lang", choices=("en", "fr"),
                   help="fail on any missing or empty text in this language")
    p.add_argument("--no-lint", action="store_true",
                   help="skip the item-writing rules (longest-option cue, true/false balance...)")
    p.set_defaults(handler=_validate)

    bank = sub.add_parser("bank", help="practice question bank tools",
                          description="Tools for the practice question bank.")
    bsub = bank.add_subparsers(dest="bank_command", metavar="COMMAND", required=True)
    e = bsub.add_parser(
        "export",
        help="export the practice bank as JSON, Moodle XML or GIFT",
        description="Export the practice bank so that other platforms (e.g. Moodle) can reuse "
        "the items. Short-text items become essay questions.",
    )
    e.add_argument("--format", choices=("json", "moodle-xml", "gift"), default="json")
    e.add_argument("--out", type=Path, help="output file (default: standard output)")
    e.add_argument("--lang", default="en", help="language of the exported texts (default: en)")
    e.add_argument("--module", help="only this module, e.g. 02 or 02_tiers_phases")
    e.add_argument("--directory", type=Path, help="content directory (default: packaged)")
    e.set_defaults(handler=_export)
    _register_translations(sub)


def _register_translations(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser(
        "translations", help="translate content through PO files",
        description="Extract the text fields of content YAML files into PO files for a "
        "translator (Poedit, Weblate or an editor), and write the translations back into the "
        "YAML, keeping its comments and layout.")
    tsub = t.add_subparsers(dest="translations_command", metavar="COMMAND", required=True)
    x = tsub.add_parser("extract", help="write one PO file per YAML file",
                        description="Write OUT/<name>.<lang>.po for each YAML file: English "
                        "texts as msgid, existing translations as msgstr.")
    x.add_argument("files", nargs="+", type=Path, metavar="YAML")
    x.add_argument("--lang", default="fr", help="target language (default: fr)")
    x.add_argument("--out", type=Path, required=True, help="folder for the PO files")
    x.set_defaults(handler=_extract)
    i = tsub.add_parser("import", help="write a PO file's translations into its YAML file",
                        description="Write every translated, non-fuzzy message of PO into YAML. "
                        "Messages whose English text changed since extraction are skipped.")
    i.add_argument("yaml", type=Path, metavar="YAML")
    i.add_argument("po", type=Path, metavar="PO")
    i.add_argument("--lang", default="fr", help="language of the PO file (default: fr)")
    i.set_defaults(handler=_import)
    n = tsub.add_parser(
        "notebook", help="update a lesson notebook's PO catalog, or build the translated notebook",
        description="Update NOTEBOOK's catalog <name>.<lang>.po beside it (one message per "
        "markdown paragraph; changed paragraphs are marked fuzzy). With --build, write the "
        "translated notebook <name>.<lang>.ipynb from the English one and the catalog.")
    n.add_argument("notebook", type=Path, metavar="NOTEBOOK")
    n.add_argument("--lang", default="fr", help="target language (default: fr)")
    n.add_argument("--build", action="store_true", help="write the translated notebook")
    n.set_defaults(handler=_notebook)


def _extract(args: argparse.Namespace) -> int:
    from ..content.translation import extract_po, write_catalog

    for path in args.files:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 1
        catalog = extract_po(path, args.lang)
        out = args.out / f"{path.stem}.{args.lang}.po"
        write_catalog(catalog, out)
        done = sum(bool(m.string) for m in catalog if m.id)
        print(f"{out}: {len(catalog)} texts, {done} already translated")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..content.translation import import_po, read_catalog

    for path in (args.yaml, args.po):
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 1
    report = import_po(args.yaml, read_catalog(args.po, args.lang), args.lang)
    print(f"{args.yaml}: {report.written} translation(s) written, {report.unchanged} unchanged")
    for label, contexts in (("English text changed since extraction", report.stale),
                            ("no longer in the file", report.unknown)):
        for context in contexts:
            print(f"  skipped ({label}): {context}", file=sys.stderr)
    return 0


def _notebook(args: argparse.Namespace) -> int:
    from ..notebook_i18n import (
        build_module,
        po_path,
        translated_path,
        update_catalog,
        write_catalog,
    )

    if not args.notebook.is_file():
        print(f"{args.notebook}: no such notebook", file=sys.stderr)
        return 1
    if not args.build:
        catalog = update_catalog(args.notebook, args.lang)
        write_catalog(catalog, po_path(args.notebook, args.lang))
        msgs = [m for m in catalog if m.id]
        done = sum(bool(m.string) and not m.fuzzy for m in msgs)
        fuzzy = sum(m.fuzzy for m in msgs)
        print(f"{po_path(args.notebook, args.lang)}: {len(msgs)} paragraphs, {done} translated, "
              f"{fuzzy} to review (English changed)")
        return 0
    text, check = build_module(args.notebook, args.lang)
    target = translated_path(args.notebook, args.lang)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    for label, contexts in (("no translation", check.missing),
                            ("English changed, translation to review", check.stale)):
        for context in contexts:
            print(f"  left in English ({label}): {context}", file=sys.stderr)
    return 0 if check.ok else 1


def _validate(args: argparse.Namespace) -> int:
    from ..content import ContentError
    from ..content.report import validate

    try:
        summary = validate(directory=args.directory, graded=args.graded, lang=args.lang,
                           lint=not args.no_lint)
    except ContentError as err:
        print(f"{len(err.problems)} problem(s) found:", file=sys.stderr)
        for problem in err.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(summary)
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..content import ContentError
    from ..content.export import export_bank

    try:
        text = export_bank(fmt=args.format, lang=args.lang, module=args.module,
                           directory=args.directory)
    except ContentError as err:
        print("\n".join(err.problems), file=sys.stderr)
        return 1
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0
