"""Conformity rules: a catalogue of small coded checks (ISO 9001, ISO 18091, Vietnamese rules).

Third stage of the pipeline (load -> graph -> rules -> outputs). Each rule
is one module under a family package (``structure``, ``responsibility``,
``time``, ``legal``, ``documents``, ``approach``, ``citizen``, ``improvement``); see
:mod:`qms.rules.base` for what a rule declares.
"""
