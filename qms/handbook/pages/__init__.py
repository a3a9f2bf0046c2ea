"""The handbook's pages as Markdown, one module per kind of page; :func:`qms.handbook.book.build_handbook` puts them together.

* :mod:`.home`: the home page (``index.md``), the list of processes, recent changes, the archive;
* :mod:`.process`: the page of one process;
* :mod:`.records`: the records register (``ho-so.md``);
* :mod:`.roles`: roles and responsibilities (``vai-tro.md``);
* :mod:`.findings`: the conformity check results (``kiem-tra.md``);
* :mod:`.matrix`: the ISO clause matrix (``ma-tran.md``);
* :mod:`.common`: what they share (escaped values, links, sections).

Their words are in :mod:`qms.handbook.labels`, their paths and links in :mod:`qms.handbook.links`, their HTML
blocks in :mod:`qms.handbook.html_blocks`.

What free text may contain: process text is data written by QMS officers,
not trusted HTML, and it is shown as written. It is never read as HTML or
Markdown: every value from YAML goes through :func:`.common.text` (in HTML
blocks) or :func:`.common.md` (in Markdown text), which escape HTML
(:func:`qms.render.escape.html_line`), and for :func:`.common.md` every
Markdown and attribute-list character (:func:`qms.render.escape.markdown_text`),
so ``<script>``, ``<img onerror=…>`` or ``[x](javascript:…)`` show as text and
no link is ever made from free text (the only links are the generator's own,
between its pages). Characters XML 1.0 cannot hold are replaced
(:func:`qms.render.escape.xml_chars`). The mkdocs plugin then passes the
rendered HTML through an allow-list as well (:mod:`qms.handbook.safe_html`).
"""
