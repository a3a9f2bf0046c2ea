"""The measures page of a log of step events: the process flowchart shaded by the log's figures, in the viewer.

The pictures of ``qms conform -o report.md`` (:mod:`qms.render.conformance_chart`), as SVG files beside the page
(:func:`qms.handbook.links.chart_path`), each in the process page's viewer (:mod:`qms.handbook.flowchart_viewer`);
each step links to its row on the process page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from qms.conformance import Conformance
from qms.handbook.flowchart_viewer import viewer_block
from qms.handbook.links import asset_href, chart_path, href, measure_path
from qms.i18n import Lang
from qms.model import Process
from qms.render.conformance_chart import conformance_flowcharts
from qms.render.escape import html_text


@dataclass
class ChartFiles:
    """The process pages (code -> path, for the steps' links) and, once drawn, the charts' files (path -> SVG text)."""

    paths: Mapping[str, str]
    files: dict[str, str] = field(default_factory=dict)

    def pictures(self, result: Conformance, process: Process, lang: Lang) -> list[str]:
        """Draw the shaded flowcharts of ``result`` into :attr:`files`; their viewer blocks, for the page."""
        page = measure_path(process.code)
        # The charts sit beside the page (one folder): one link to the process page's rows serves them all.
        link = asset_href(page, self.paths[process.code]) + "#step-" if process.code in self.paths else ""
        blocks = []
        for key, (title, svg) in conformance_flowcharts(result, process, lang, row_link=link).items():
            path = chart_path(page, key)
            self.files[path] = svg.decode("utf-8")
            blocks.append(viewer_block(href(page, path), html_text(title), lang, element_id=f"qms-flowchart-{key}"))
        return blocks


__all__ = ["ChartFiles"]
