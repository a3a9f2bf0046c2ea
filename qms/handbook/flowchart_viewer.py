"""The flowchart on a process page: readable on a laptop and on a phone, linked both ways to the table of steps.

A swimlane flowchart is wide (QT-TTHC-01: 4,305 × 1,041 pt); shrunk to the page's width it was 688 × 166 px on a
laptop and unreadable. Tried (screenshots in test-output/handbook/, tests/handbook/test_flowchart_viewer.py): the
drawing at the page's width (text 2 px high on a phone), and a viewer that shows it at a readable size in a frame of
the page's width that scrolls (swipe, wheel or the scroll bar) with buttons to zoom out, in and to fit. A
top-to-bottom layout was considered, not built: one column per role is still about 1,000 pt wide with five roles, too wide for
a 390 px phone, and the lanes would no longer read like the handbook's table. The viewer is a small script of our own
(:data:`SCRIPT`, no library, nothing loaded from elsewhere); without it the page shows the drawing at its width, as
before, with the link that opens it full size.

Every step of the drawing links to its row in the table of steps (:class:`qms.render.FlowchartOptions` ``row_link``)
and each row links back (:func:`back_link`): the viewer then scrolls the drawing to the step and outlines it.
"""

from __future__ import annotations

import re
from typing import Any

from qms.i18n import Lang, _
from qms.render.escape import html_text

VIEWER_ID = "qms-flowchart"  # the viewer's element id: the rows' links back go there
SCRIPT_FILE = "qms-flowchart.js"

_WORDS = {
    "full": _("Mở lưu đồ cỡ đầy đủ"),
    "smaller": _("Thu nhỏ"),
    "larger": _("Phóng to"),
    "fit": _("Vừa khung"),
    "fit_title": _("Thu cả lưu đồ vào khung"),
    "back": _("Xem bước này trên lưu đồ"),
}


def _word(key: str, lang: Lang) -> str:
    return html_text(_WORDS[key].get(lang))


def viewer_block(data: str, fallback: str, lang: Lang, element_id: str = VIEWER_ID) -> str:
    """The flowchart SVG file ``data`` (a relative URL) in its viewer, ``fallback`` (escaped) where it cannot be shown.

    One line, one ``<div>`` (Markdown takes it as it is, :mod:`qms.handbook.html_blocks`); the zoom buttons are
    hidden until the script shows them. An ``<object>`` keeps the SVG's links working (steps, called processes).
    ``element_id``: another id for a page's second viewer (a process page has one, the rows link back to it).
    """
    target = f"#{element_id}"
    tools = (
        f'<a class="qms-flow-full" href="{data}">{_word("full", lang)}</a>'
        f' <a class="qms-flow-out" href="{target}" title="{_word("smaller", lang)}" hidden>\u2212</a>'
        f' <a class="qms-flow-in" href="{target}" title="{_word("larger", lang)}" hidden>+</a>'
        f' <a class="qms-flow-fit" href="{target}" title="{_word("fit_title", lang)}" hidden>{_word("fit", lang)}</a>'
        ' <span class="qms-flow-zoom" hidden></span>'
    )
    drawing = f'<object class="qms-flowchart" type="image/svg+xml" data="{data}">{fallback}</object>'
    return f'<div class="qms-flow-viewer" id="{element_id}"><p class="qms-flow-tools">{tools}</p><span class="qms-flow-frame">{drawing}</span></div>'


# A row's link back (after the allow-list): the printed handbook has no viewer to go back to, and drops it.
BACK_LINK = re.compile(r'<a class="qms-flow-back"[^>]*>[^<]*</a>')


def back_link(lang: Lang) -> str:
    """The link from a row of the table of steps to the drawing (the viewer finds the step from the row's anchor)."""
    return f'<a class="qms-flow-back" href="#{VIEWER_ID}" title="{_word("back", lang)}">↑</a>'


CSS = """.qms-flow-viewer { margin: 0 0 1em 0; }
.qms-flow-tools { margin: 0 0 .3em 0; display: flex; flex-wrap: wrap; gap: .3em .6em; align-items: center; }
.qms-flow-tools a[class^="qms-flow-"]:not(.qms-flow-full) { display: inline-block; min-width: 2.2em; padding: .1em .5em; text-align: center;
  border: 1px solid var(--md-default-fg-color--lighter, #bdc1c6); border-radius: .2em; text-decoration: none; }
.qms-flow-tools [hidden] { display: none !important; }
.qms-flow-zoom { color: var(--md-default-fg-color--light, #5f6368); font-size: .85em; }
.md-typeset .qms-flow-frame { display: block; overflow: auto; max-width: 100%; max-height: 80vh;
  border: 1px solid var(--md-default-fg-color--lightest, #e8eaed); -webkit-overflow-scrolling: touch; }
.md-typeset .qms-flow-frame object.qms-flowchart { display: block; width: 100%; max-width: none; }
.md-typeset .qms-table [id^="step-"] { scroll-margin-top: 5rem; }
.md-typeset .qms-table tr:has(> td > [id^="step-"]:target) { background: #fff3c4; }
.qms-flow-back { text-decoration: none; margin-left: .3em; }
"""

# Sizes: graphviz writes the drawing's width and height in points; the browser draws 1 pt as 4/3 px. The first zoom
# is the page's width if the text stays readable there (11 pt labels at 0.75: 11 px), else 0.75 and the frame scrolls.
SCRIPT = """/* qms: the flowchart viewer of the process pages (qms/handbook/flowchart_viewer.py). No library. */
(function () {
  "use strict";
  var READABLE = 0.75, FACTOR = 1.25, SMALLEST = 0.05, LARGEST = 3;
  function sizeOf(svg) {
    var w = parseFloat(svg.getAttribute("width")), h = parseFloat(svg.getAttribute("height"));
    if (!(w > 0 && h > 0)) return null;
    var px = /pt$/.test(svg.getAttribute("width")) ? 4 / 3 : 1;
    return { w: w * px, h: h * px };
  }
  function setUp(viewer) {
    var object = viewer.querySelector("object.qms-flowchart"), frame = viewer.querySelector(".qms-flow-frame");
    if (!object || !frame || viewer.dataset.qmsViewer) return;
    viewer.dataset.qmsViewer = "1";
    var natural = null, zoom = 1, shown = viewer.querySelector(".qms-flow-zoom");
    function apply(z) {
      zoom = Math.min(LARGEST, Math.max(SMALLEST, z));
      object.style.width = (natural.w * zoom).toFixed(1) + "px";
      object.style.height = (natural.h * zoom).toFixed(1) + "px";
      if (shown) shown.textContent = Math.round(zoom * 100) + "%";
    }
    function fit() { return frame.clientWidth / natural.w; }
    function start() {
      var doc = object.contentDocument, svg = doc && doc.documentElement;
      natural = svg && sizeOf(svg);
      if (!natural) return;
      var style = doc.createElementNS("http://www.w3.org/2000/svg", "style");
      style.textContent = ".qms-flash polygon, .qms-flash path { stroke: #1a73e8; stroke-width: 5px; }";
      svg.appendChild(style);
      apply(Math.min(1, Math.max(fit(), READABLE)));
      viewer.querySelectorAll(".qms-flow-tools [hidden]").forEach(function (e) { e.hidden = false; });
      viewer.dataset.qmsZoom = "ready";
    }
    function button(selector, action) {
      var link = viewer.querySelector(selector);
      if (link) link.addEventListener("click", function (event) { event.preventDefault(); if (natural) action(); });
    }
    button(".qms-flow-out", function () { apply(zoom / FACTOR); });
    button(".qms-flow-in", function () { apply(zoom * FACTOR); });
    button(".qms-flow-fit", function () { apply(fit()); });
    viewer.qmsShow = function (stepId) {
      var doc = object.contentDocument, node = doc && doc.getElementById("step-" + stepId);
      if (!node || !natural) return;
      var box = node.getBoundingClientRect();
      frame.scrollLeft = box.left + box.width / 2 - frame.clientWidth / 2;
      frame.scrollTop = box.top + box.height / 2 - frame.clientHeight / 2;
      node.classList.add("qms-flash");
      setTimeout(function () { node.classList.remove("qms-flash"); }, 2500);
    };
    object.addEventListener("load", start);
    if (object.contentDocument && object.contentDocument.readyState === "complete") start();
  }
  function setUpAll() {
    document.querySelectorAll(".qms-flow-viewer").forEach(setUp);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.qms-flow-back");
    var row = link && link.parentNode.querySelector("[id^='step-']"), viewer = document.getElementById("qms-flowchart");
    if (row && viewer && viewer.qmsShow) setTimeout(function () { viewer.qmsShow(row.id.slice(5)); }, 0);
  });
  if (typeof document$ !== "undefined") document$.subscribe(setUpAll); /* Material's instant navigation */
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
"""

FILES = {SCRIPT_FILE: SCRIPT}  # generated beside the handbook's pages


def use_viewer(config: Any, prefix: str, stylesheet: str) -> None:
    """Put the handbook's stylesheet (which holds :data:`CSS`) and the viewer's script on every page of a mkdocs site."""
    config.extra_css.append(f"{prefix}/{stylesheet}")
    config.extra_javascript.append(f"{prefix}/{SCRIPT_FILE}")


__all__ = ["BACK_LINK", "CSS", "FILES", "SCRIPT", "SCRIPT_FILE", "VIEWER_ID", "back_link", "use_viewer", "viewer_block"]
