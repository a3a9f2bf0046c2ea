"""Conformity rules: a catalogue of small coded checks (ISO 9001, ISO 18091, Vietnamese rules).

Third stage of the pipeline (load -> graph -> rules -> outputs). Each rule
is one module under a family package (``structure``, ``responsibility``,
``time``, ``legal``, ``documents``, ``approach``, ``citizen``, ``improvement``); see
:mod:`qms.rules.base` for what a rule declares.

The public surface, for scripts and the command line::

    from qms.rules import RuleConfig, check_paths

    report = check_paths(["processes"], RuleConfig(select=("QMS1",)))
    for finding in report.active:
        print(finding.render("en"))
"""

from qms.rules.base import Example, Finding, Rule, RuleContext
from qms.rules.config import ConfigError, ConfigProblem, RuleConfig, find_config, load_config, parse_config, with_options
from qms.rules.engine import DEFAULT_CONFIG, CheckReport, FindingsCache, check_paths, check_process, check_processes, enabled_rules
from qms.rules.engine_codes import ENGINE_CODE_TABLE, ENGINE_CODES, RULE_CRASHED, UNUSED_WAIVER
from qms.rules.registry import all_rules, rule_by_code, rule_code_table

__all__ = [
    "DEFAULT_CONFIG",
    "ENGINE_CODES",
    "ENGINE_CODE_TABLE",
    "RULE_CRASHED",
    "UNUSED_WAIVER",
    "CheckReport",
    "ConfigError",
    "ConfigProblem",
    "Example",
    "Finding",
    "FindingsCache",
    "Rule",
    "RuleConfig",
    "RuleContext",
    "all_rules",
    "check_paths",
    "check_process",
    "check_processes",
    "enabled_rules",
    "find_config",
    "load_config",
    "parse_config",
    "rule_by_code",
    "rule_code_table",
    "with_options",
]
