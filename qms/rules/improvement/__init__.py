"""Performance evaluation and improvement rules (QMS8xx): ISO 9001:2015 clauses 9 and 10 as a process claims them.

A process lists the clauses it evidences in ``iso_clauses``; an auditor
reads that list as a promise. These rules check that what a claimed clause
requires shows in the process definition itself: retained evidence (9.1.1,
9.2.2 f, 9.3.3, 10.2.2) and a review of whether corrective action worked
(10.2.1 d). They check the structure, not the content: a rule cannot tell
whether a record really is an audit report.

Which clauses a process claims is :func:`qms.domain.claimed_clauses` (the
audit step «the process evidences ISO 9001 clause …» asks it too).
"""
