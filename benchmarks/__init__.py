"""pocedu benchmarks: grading throughput against plain nbgrader, start-up cost and scale.

Run ``python benchmarks/run.py [--quick] [--out benchmarks/RESULTS.md]``; each measurement
lives in its own module and returns ``Row``s (``benchmarks.table``).
"""
