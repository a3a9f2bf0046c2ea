"""Diagrams of processes: swimlane flowcharts (graphviz).

Fourth stage of the pipeline (load -> graph -> rules -> outputs).
"""

from qms.render.flowchart import FlowchartOptions, flowchart, flowchart_dot, render
from qms.render.layout import Layout, swimlane_layout

FORMATS = ("svg", "png", "pdf", "dot")

__all__ = ["FORMATS", "FlowchartOptions", "Layout", "flowchart", "flowchart_dot", "render", "swimlane_layout"]
