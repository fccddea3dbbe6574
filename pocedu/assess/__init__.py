"""Instructor side: build quiz sources from the graded bank, course set-up, release, collect,
simulated submissions, parallel grading and results. Heavy libraries load on first use."""
