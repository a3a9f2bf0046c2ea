"""Legal basis rules (QMS4xx): the documents a process rests on are in force (ISO 9001:2015 7.5.3).

Laws change under the processes: Decree 61/2018/NĐ-CP gave way to Decree
118/2025/NĐ-CP on 1 July 2025. These rules judge each cited document on the
days the process applies (:mod:`.validity`) against the project's legal register
(:mod:`qms.legal`, ``RuleContext.legal``), wherever the process cites it.
"""
