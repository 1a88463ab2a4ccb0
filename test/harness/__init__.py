"""The pieces of test/runner.py: processes, TAP, unit tests, boot tests, reports."""
