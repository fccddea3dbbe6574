"""nbgrader configuration of a pocedu course (written by pocedu; edit freely)."""

import os

c = get_config()  # noqa: F821 (provided by nbgrader)

# The course directory is the folder of this file, wherever nbgrader is run from.
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = 'pocedu'
# Never hand out the graded bank or pocedu's own state; keep temp files out of submissions.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*.tmp",
]
# A quiz cell never needs long; a stuck kernel must not hold up a class.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
