"""The ISO 18091 self-assessment (TCVN ISO 18091:2020, Annex A): 39 indicators in four quadrants, scored red, yellow
or green each year (docs/assessment.md).

The indicators and their criteria (our paraphrase, :mod:`qms.assessment.indicators`) → an assessment file read with
the loader's messages (:mod:`qms.assessment.read`, models in :mod:`qms.assessment.model`) → the ASM findings
(:mod:`qms.assessment.findings`), the comparison with last year (:mod:`qms.assessment.compare`) and the dashboard's
figures (:mod:`qms.assessment.summary`).
"""

from qms.assessment.compare import Change, compare
from qms.assessment.indicators import Catalogue, Indicator, Quadrant, QuadrantId, catalogue, indicator_ids
from qms.assessment.model import Assessment, Entry, Score, Unit
from qms.assessment.read import ASSESSMENT_FORMAT, AssessmentFile, read_assessment, read_assessments

__all__ = [
    "ASSESSMENT_FORMAT",
    "Assessment",
    "AssessmentFile",
    "Catalogue",
    "Change",
    "Entry",
    "Indicator",
    "Quadrant",
    "QuadrantId",
    "Score",
    "Unit",
    "catalogue",
    "compare",
    "indicator_ids",
    "read_assessment",
    "read_assessments",
]
