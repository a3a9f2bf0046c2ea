"""The legal register: the texts a project's processes rest on, their validity and what replaced them, kept as data.

A QMS officer keeps ``legal/register.yaml`` (or a folder ``legal/`` of such files) beside the processes, one entry per
text (ISO 9001 7.5.3.2: documented information of external origin). The legal rules (QMS4xx) read it: when a circular
is replaced, one entry is the whole change. A project without one is judged on the register shipped in this package
(the changes known when it was released). :mod:`.citations` recognises legal numbers in any text.
"""
