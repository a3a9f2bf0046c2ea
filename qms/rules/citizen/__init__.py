"""Citizen-service rules (QMS7xx): ISO 18091:2019 for local government.

They apply only to citizen-facing processes (administrative procedures handled
for citizens and organisations: ``RuleContext.citizen_facing``, which a procedure
code, a ``citizen_service`` block or a one-stop receipt imply) and read the
``citizen_service`` block: how the procedure is made public, how citizens
are heard, how their satisfaction is measured and how they may apply.
The areas named in ``iso18091`` are keys of :data:`qms.standards.ISO18091_AREAS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qms.diagnostics import Location
from qms.rules.base import Finding, Rule, RuleContext


def service_location(ctx: RuleContext, *field: str) -> Location:
    """Where a missing part of ``citizen_service`` is reported: in the block, or where the process shows it serves citizens."""
    if ctx.process.citizen_service is None:
        return ctx.citizen_facing_location()
    return ctx.location("citizen_service", *field)


class StatedServiceField(Rule):
    """A citizen-facing process states ``citizen_service.<field>``; subclasses name the field.

    Having no ``code`` of its own, this class is not a rule in the catalogue.
    """

    field: ClassVar[str]

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        service = ctx.process.citizen_service
        if ctx.citizen_facing and (service is None or getattr(service, self.field) is None):
            yield self.finding(ctx, service_location(ctx))
