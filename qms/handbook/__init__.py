"""The QMS handbook site: pages generated from the processes (:mod:`qms.handbook.book`) and a mkdocs plugin."""

from qms.handbook.book import Handbook, build_handbook

__all__ = ["Handbook", "build_handbook"]
