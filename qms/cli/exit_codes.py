"""Exit codes of every ``qms`` command: one meaning each, for scripts and CI."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # nothing to report at or above the failure threshold
    FINDINGS = 1  # invalid input or findings
    USAGE = 2  # wrong command line, missing path
    INTERNAL = 3  # a bug in qms: reported without a traceback
