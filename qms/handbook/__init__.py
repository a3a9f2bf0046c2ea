"""The QMS handbook site: pages generated from the processes (:mod:`qms.handbook.book`) and a mkdocs plugin."""

from typing import TYPE_CHECKING

from qms.lazy import lazy_names

if TYPE_CHECKING:
    from qms.handbook.book import Handbook, build_handbook

# Imported when first used: «qms handbook publish» and the mkdocs plugin need qms.handbook.site or the plugin, not
# every page builder (qms.lazy).
__getattr__ = lazy_names(__name__, {"qms.handbook.book": ("Handbook", "build_handbook")})

__all__ = ["Handbook", "build_handbook"]
