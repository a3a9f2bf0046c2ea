"""Command-line interface (``qms``)."""
