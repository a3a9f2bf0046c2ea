"""Outputs of the conformity check: human tables, JSON, SARIF 2.1.0, JUnit XML, rule pages, coverage."""
