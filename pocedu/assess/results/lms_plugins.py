"""Canvas and Moodle exports as nbgrader ``ExportPlugin``s.

``nbgrader export --exporter=pocedu.assess.results.lms_plugins.CanvasExportPlugin
--to OUT_DIR`` (or ``MoodleExportPlugin``) writes the same files as ``pocedu export``:
``<assignment>_canvas.csv`` (or ``_moodle.csv``) and ``<assignment>_held_back.csv`` for every
assignment (``--assignment`` picks some), into ``--to`` (default ``COURSE/exports``).
Results come from pocedu's journal and the gradebook, so held-back students stay empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbgrader.plugins import ExportPlugin


class _PoceduExportPlugin(ExportPlugin):
    """Writes one of ``pocedu.assess.results.export.FORMATS`` for each assignment."""

    format = ""

    def export(self, gradebook: Any) -> None:
        """Write the files of ``format`` for each chosen assignment of the gradebook."""
        from ..course.layout import Course
        from .export import course_roster, export_all
        from .table import load_results, load_submissions

        course = Course.at(self.parent.coursedir.root)
        chosen = [str(a) for a in self.assignment] or sorted(a.name for a in
                                                             gradebook.assignments)
        out = Path(self.to) if self.to else course.exports
        roster = course_roster(course_dir=course.root)
        for assignment in chosen:
            paths = export_all(results=load_results(course_dir=course, assignment=assignment),
                               roster=roster, out_dir=out, assignment=assignment,
                               formats=(self.format,),
                               submissions=load_submissions(course_dir=course,
                                                            assignment=assignment))
            for kind, path in paths.items():
                self.log.info("%s %s: %s", assignment, kind, path)


class CanvasExportPlugin(_PoceduExportPlugin):
    """Canvas gradebook import CSV (see ``pocedu.assess.results.export``)."""

    format = "canvas"


class MoodleExportPlugin(_PoceduExportPlugin):
    """Moodle grade import CSV (see ``pocedu.assess.results.export``)."""

    format = "moodle"
