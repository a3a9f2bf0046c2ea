"""The QMS handbook site: pages generated from the processes (:mod:`qms.handbook.pages`) and a mkdocs plugin."""

from qms.handbook.pages import Handbook, build_handbook

__all__ = ["Handbook", "build_handbook"]
